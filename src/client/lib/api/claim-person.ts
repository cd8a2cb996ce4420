/**
 * `POST /api/wanted/:personId/claim` (Click & Collect): reserve a wanted person. The server
 * arbitrates, so exactly one officer wins: 201 is ours (200 when the same `opId` was sent before and
 * the server returns the claim it already made), 409 `already_claimed` names who holds it and since
 * when. Other refusals (not wanted any more, no access) are thrown as ApiError.
 *
 * Offline behaviour: throws NetworkError; the caller queues the claim in the outbox with the same
 * `opId`, so a request that did reach the server is not made twice.
 */
import { z } from 'zod'
import { claimResponseSchema, officerRefSchema, type Claim, type OfficerRef } from '../../../shared/api/claims.ts'
import { ApiError, apiRequest } from '../api-client.ts'

export type ClaimAttempt =
  | { result: 'claimed'; claim: Claim }
  | { result: 'held'; holder: OfficerRef; claimedAt: string | null; claimId: string | null; message: string }

const heldDetailsSchema = z.object({
  holder: officerRefSchema,
  claimedAt: z.string().nullable().optional(),
  claimId: z.string().nullable().optional(),
})

export async function claimPerson(personId: string, opId: string): Promise<ClaimAttempt> {
  try {
    const { claim } = await apiRequest(`/api/wanted/${encodeURIComponent(personId)}/claim`, claimResponseSchema, { method: 'POST', body: { opId } })
    return { result: 'claimed', claim }
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'already_claimed') {
      const details = heldDetailsSchema.safeParse(error.details)
      if (details.success) {
        return { result: 'held', holder: details.data.holder, claimedAt: details.data.claimedAt ?? null, claimId: details.data.claimId ?? null, message: error.message }
      }
    }
    throw error
  }
}
