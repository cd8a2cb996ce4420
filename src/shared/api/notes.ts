/**
 * Audio notes: the contract between the device and the server. A device makes each note's id
 * (a UUID) when the officer starts it and sends the note through its outbox, so the server stores
 * it once however often it is replayed; the recording follows as raw bytes, resumable by byte
 * offset (`Content-Range`), and the transcript can be corrected later with a timestamped edit.
 */
import { z } from 'zod'

export const noteAttachmentKinds = ['person', 'vehicle', 'address', 'briefing-item', 'claim', 'curfew-check'] as const
export const noteAttachmentKindSchema = z.enum(noteAttachmentKinds)
export type NoteAttachmentKind = z.infer<typeof noteAttachmentKindSchema>

export const noteAttachmentSchema = z.strictObject({
  kind: noteAttachmentKindSchema,
  id: z.string().min(1).max(64),
})
export type NoteAttachment = z.infer<typeof noteAttachmentSchema>

export const notePositionSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000),
})
export type NotePosition = z.infer<typeof notePositionSchema>

/** The longest transcript a note may carry (about an hour of speech). */
export const maxNoteTextLength = 20_000

export const createNoteRequestSchema = z.strictObject({
  id: z.uuid(),
  text: z.string().max(maxNoteTextLength),
  recordedAt: z.iso.datetime({ offset: true }),
  attachedTo: noteAttachmentSchema.optional(),
  position: notePositionSchema.optional(),
})
export type CreateNoteRequest = z.infer<typeof createNoteRequestSchema>

/** A correction of a note's transcript (typed, or a retried transcription), last edit wins. */
export const editNoteTextRequestSchema = z.strictObject({
  text: z.string().max(maxNoteTextLength),
  editedAt: z.iso.datetime({ offset: true }),
})
export type EditNoteTextRequest = z.infer<typeof editNoteTextRequestSchema>

/** The recording's content types the server accepts (what MediaRecorder makes, and WAV). */
export const noteAudioTypes = ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/wav'] as const
export type NoteAudioType = (typeof noteAudioTypes)[number]

/** The largest recording the server stores for one note. */
export const maxNoteAudioBytes = 20 * 1024 * 1024

/** `audio/webm;codecs=opus` -> `audio/webm`; null when the type is not one we store. */
export function noteAudioType(contentType: string | undefined): NoteAudioType | null {
  const base = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (base === 'audio/x-wav' || base === 'audio/wave') return 'audio/wav'
  return noteAudioTypes.find((type) => type === base) ?? null
}

export const noteAudioStatusSchema = z.object({
  /** The bytes the server holds from the start of the recording: the next upload starts here. */
  received: z.number().int(),
  /** The recording's full length, once an upload has declared it. */
  total: z.number().int().nullable(),
  complete: z.boolean(),
  contentType: z.string().nullable(),
  /** SHA-256 (hex) of the whole recording, once complete. */
  sha256: z.string().nullable(),
})
export type NoteAudioStatus = z.infer<typeof noteAudioStatusSchema>

export const noteSchema = z.object({
  id: z.string(),
  /** The author's collar number. */
  officer: z.string(),
  text: z.string(),
  recordedAt: z.string(),
  attachedTo: noteAttachmentSchema.nullable(),
  position: notePositionSchema.nullable(),
  createdAt: z.string(),
  /** When the transcript was last corrected (equal to createdAt until then). */
  updatedAt: z.string(),
  audio: noteAudioStatusSchema.nullable(),
})
export type Note = z.infer<typeof noteSchema>

export const notesQuerySchema = z.strictObject({
  /** `kind:id`, e.g. `person:P123`: the notes attached to that subject the caller may see. */
  attachedTo: z.string().regex(/^(person|vehicle|address|briefing-item|claim|curfew-check):[A-Za-z0-9._-]{1,64}$/, 'expected kind:id, e.g. person:P123').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})
export type NotesQuery = z.infer<typeof notesQuerySchema>

export const notesResponseSchema = z.object({ items: z.array(noteSchema) })
export type NotesResponse = z.infer<typeof notesResponseSchema>

export const noteIdParamsSchema = z.strictObject({ id: z.uuid() })

/**
 * `Content-Range: bytes START-END/TOTAL` (END inclusive), as for a resumable upload. Returns null
 * when the header is malformed.
 */
export function parseContentRange(header: string): { start: number; end: number; total: number } | null {
  const match = /^bytes (\d{1,10})-(\d{1,10})\/(\d{1,10})$/.exec(header.trim())
  if (!match) return null
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (end < start || end >= total) return null
  return { start, end, total }
}
