/**
 * Audit records a device sends: profile views and checks made offline are queued in the outbox
 * with a client-made id and uploaded later; the server stores each once.
 */
import { z } from 'zod'
import { subjectKindSchema } from './intel.ts'

export const reasonSchema = z.strictObject({
  code: z.string().min(1).max(40),
  text: z.string().max(500).optional(),
})
export type Reason = z.infer<typeof reasonSchema>

export const viewRecordSchema = z.strictObject({
  opId: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  subjectKind: subjectKindSchema,
  subjectId: z.string().min(1).max(64),
  reason: reasonSchema,
  online: z.boolean(),
})
export type ViewRecord = z.infer<typeof viewRecordSchema>

export const viewRecordsRequestSchema = z.strictObject({ records: z.array(viewRecordSchema).min(1).max(500) })
export const viewRecordsResponseSchema = z.object({ stored: z.number().int() })
