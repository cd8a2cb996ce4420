/**
 * The calls that act on an existing claim: the holder releases, renews or records the outcome; any
 * officer joins as assisting; a supervisor cancels or reassigns. Each answers with the claim as it
 * now stands (`POST /api/claims/:claimId/<action>`); a claim that has already ended is refused with
 * 409 `claim_not_active`.
 *
 * Offline behaviour: online only (NetworkError). These change a shared, arbitrated state that other
 * officers act on, so they are not queued: the officer is told to try again with a connection.
 */
import type { z } from 'zod'
import { claimResponseSchema, type Claim, type outcomeRequestSchema } from '../../../shared/api/claims.ts'
import { apiRequest } from '../api-client.ts'

export type OutcomeRequest = z.input<typeof outcomeRequestSchema>

export type ClaimChange =
  | { action: 'release' }
  | { action: 'renew' }
  | { action: 'assist' }
  | { action: 'cancel' }
  | { action: 'outcome'; body: OutcomeRequest }
  | { action: 'reassign'; body: { collarNumber: string } }

export async function changeClaim(claimId: string, change: ClaimChange): Promise<Claim> {
  const body = 'body' in change ? change.body : {}
  const { claim } = await apiRequest(`/api/claims/${encodeURIComponent(claimId)}/${change.action}`, claimResponseSchema, { method: 'POST', body })
  return claim
}
