/**
 * Click & Collect: an officer reserves a wanted person so no two teams chase the same one, and
 * every officer sees it at once through the event stream. The server arbitrates: one active claim
 * per person, the loser gets 409 naming the holder.
 */
import { z } from 'zod'
import { wantedSchema } from './intel.ts'

export const officerRefSchema = z.object({ collarNumber: z.string(), name: z.string() })
export type OfficerRef = z.infer<typeof officerRefSchema>

export const claimOutcomes = ['arrested', 'not_found', 'handed_over', 'other'] as const

export const claimSchema = z.object({
  id: z.string(),
  personId: z.string(),
  officer: officerRefSchema,
  status: z.enum(['active', 'released', 'closed', 'lapsed', 'cancelled', 'reassigned']),
  outcome: z.enum(claimOutcomes).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  assisting: z.array(officerRefSchema),
})
export type Claim = z.infer<typeof claimSchema>

export const claimRequestSchema = z.strictObject({
  /** client-made id of a claim queued offline: a replay returns the same claim */
  opId: z.uuid().optional(),
})
export const claimResponseSchema = z.object({ claim: claimSchema })

export const outcomeRequestSchema = z.strictObject({
  outcome: z.enum(claimOutcomes),
  note: z.string().trim().max(2000).optional(),
}).refine((v) => v.outcome !== 'other' || (v.note ?? '').length > 0, { message: 'say what happened when the outcome is other', path: ['note'] })

export const reassignRequestSchema = z.strictObject({ collarNumber: z.string().regex(/^\d{1,8}$/) })

export const claimIdParamsSchema = z.strictObject({ claimId: z.string().min(1).max(64) })
export const personIdParamsSchema = z.strictObject({ personId: z.string().min(1).max(64) })

export const wantedEntrySchema = z.object({
  personId: z.string(),
  surname: z.string(),
  forenames: z.string(),
  dob: z.string().nullable(),
  areaId: z.string().nullable(),
  warningMarkers: z.array(z.string()),
  photoUrl: z.string().nullable(),
  wanted: wantedSchema,
  claim: claimSchema.nullable(),
})
export type WantedEntry = z.infer<typeof wantedEntrySchema>
export const wantedResponseSchema = z.object({ items: z.array(wantedEntrySchema) })
