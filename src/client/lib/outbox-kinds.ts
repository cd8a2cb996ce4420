/**
 * The kinds of op the outbox carries and the shape of each payload. One list for every feature, so
 * the outbox can check a stored payload before sending it (a payload written by an older version
 * of the app that no longer fits is kept as failed, not sent half-right).
 */
import { z } from 'zod'
import { viewRecordSchema } from '../../shared/api/audit.ts'
import { offlineCheckRecordSchema } from '../../shared/api/checks.ts'
import { checkRequestSchema } from '../../shared/api/curfews.ts'
import { taskSchema } from '../../shared/api/intel.ts'
import { createNoteRequestSchema, editNoteTextRequestSchema } from '../../shared/api/notes.ts'

export const outboxKinds = {
  /** A profile view, for the audit trail (POST /api/audit/views, sent in batches). */
  'audit.view': viewRecordSchema,
  /** A check made offline on the device, for the audit trail (POST /api/audit/checks, in batches; checkId is the op id). */
  'audit.check': offlineCheckRecordSchema,
  /** An acknowledged briefing item (POST /api/briefing/items/:id/read). */
  'briefing.read': z.object({ itemId: z.string(), readAt: z.string() }),
  /** A task accepted or its result recorded (POST /api/briefing/items/:id/task). */
  'task.update': z.object({
    itemId: z.string(),
    status: z.enum(['accepted', 'done']),
    result: z.string().nullable(),
    /** When the officer made the change, also the optimistic task's updatedAt. */
    at: z.string(),
    /** The task as it was before, to put back if the server refuses the change. */
    previous: taskSchema.nullable(),
  }),
  /** A Click & Collect claim made offline (POST /api/wanted/:personId/claim with its opId). */
  'claim.create': z.object({
    personId: z.string(),
    /** Also the op's id: the server answers a replay with the same claim. */
    opId: z.uuid(),
    /** As the officer saw it, for the result message. */
    personName: z.string(),
  }),
  /** A curfew door-knock (POST /api/curfews/:conditionId/checks); the check's id is the op id. */
  'curfew.check': z.object({
    conditionId: z.string(),
    /** As the officer saw it, for messages. */
    personName: z.string(),
    check: checkRequestSchema,
  }),
  /** An audio note's body (POST /api/notes; the server stores it once by the note's id). */
  'note.create': createNoteRequestSchema,
  /** A note's recording, read from Dexie's noteChunks when sent (PUT /api/notes/:id/audio, resumable). */
  'note.audio': z.object({ noteId: z.uuid(), contentType: z.string() }),
  /** A correction of a saved note's transcript (PUT /api/notes/:id/text; the latest edit wins). */
  'note.text': z.object({ noteId: z.uuid(), edit: editNoteTextRequestSchema }),
} as const

export type OutboxKind = keyof typeof outboxKinds
export type OutboxPayload<K extends OutboxKind> = z.infer<(typeof outboxKinds)[K]>
