/**
 * The live event stream (`GET /api/events`, server-sent events). Every event has an increasing id
 * and a JSON body with at least `type`; a reconnect with Last-Event-ID replays what was missed, in
 * order, none twice. `stream.reset` says the log no longer reaches back that far: re-sync.
 */
import { z } from 'zod'
import { claimSchema } from './claims.ts'
import { curfewEventBodySchema } from './curfews.ts'

export const eventTypes = [
  'claim.created', 'claim.released', 'claim.outcome', 'claim.lapsed', 'claim.renewed', 'claim.cancelled',
  'claim.reassigned', 'claim.assist', 'stream.reset',
  // curfew.visit and curfew.checked go to everyone; curfew.breach to supervisors only
  'curfew.visit', 'curfew.checked', 'curfew.breach',
] as const
export type EventType = (typeof eventTypes)[number]

export const claimEventSchema = z.object({
  type: z.enum(eventTypes),
  personId: z.string().nullable(),
  claim: claimSchema.optional(),
  curfew: curfewEventBodySchema.optional(),
  at: z.string(),
})
export type KestrelEvent = z.infer<typeof claimEventSchema>
