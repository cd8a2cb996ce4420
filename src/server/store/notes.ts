/**
 * Audio notes on the server. A note is stored once by the id its device made: a replay of the same
 * body answers with the stored note and changes nothing, a different body under that id is a
 * conflict (the body's SHA-256 is kept to tell the two apart). Transcript corrections are applied
 * by the device's edit time, so a late, older correction never overwrites a newer one.
 *
 * A recording arrives as raw bytes, whole or in byte ranges (`start`, `total`): each range is
 * appended when it starts at or before what has arrived, and the overlap must match what is
 * stored, so a replayed range is harmless and a different recording for the note is a conflict.
 * Appends are compare-and-set on `received` (no dialect-specific locking), so two replays racing
 * on one note, on one server or several, cannot interleave their bytes.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { CreateNoteRequest, Note, NoteAttachment, NoteAudioStatus, NoteAudioType } from '../../shared/api/notes.ts'
import type { Database, NoteTable } from './schema.ts'

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

export type NoteRow = NoteTable & { collarNumber: string }
type AudioSummary = Pick<Database['noteAudio'], 'contentType' | 'total' | 'received' | 'sha256'>

function bodyHash(body: CreateNoteRequest): string {
  const { lat, lng, accuracyM } = body.position ?? {}
  return sha256(JSON.stringify([
    body.text, new Date(body.recordedAt).toISOString(), body.attachedTo?.kind ?? null, body.attachedTo?.id ?? null,
    lat ?? null, lng ?? null, accuracyM ?? null,
  ]))
}

function audioStatus(audio: AudioSummary | undefined): NoteAudioStatus | null {
  if (!audio) return null
  return { received: audio.received, total: audio.total, complete: audio.received === audio.total, contentType: audio.contentType, sha256: audio.sha256 }
}

export function toNote(row: NoteRow, audio: AudioSummary | undefined): Note {
  return {
    id: row.id,
    officer: row.collarNumber,
    text: row.text,
    recordedAt: row.recordedAt,
    attachedTo: row.attachedKind !== null && row.attachedId !== null ? { kind: row.attachedKind as NoteAttachment['kind'], id: row.attachedId } : null,
    position: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng, accuracyM: row.accuracyM ?? 0 } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    audio: audioStatus(audio),
  }
}

function selectNotes(db: Kysely<Database>) {
  return db.selectFrom('notes').innerJoin('users', 'users.id', 'notes.officerId').selectAll('notes').select('users.collarNumber')
}

async function withAudio(db: Kysely<Database>, rows: NoteRow[]): Promise<Note[]> {
  if (rows.length === 0) return []
  const audio = await db.selectFrom('noteAudio').select(['noteId', 'contentType', 'total', 'received', 'sha256'])
    .where('noteId', 'in', rows.map((r) => r.id)).execute()
  const byNote = new Map(audio.map((a) => [a.noteId, a]))
  return rows.map((row) => toNote(row, byNote.get(row.id)))
}

export async function findNote(db: Kysely<Database>, id: string): Promise<NoteRow | undefined> {
  return selectNotes(db).where('notes.id', '=', id).executeTakeFirst()
}

export async function noteWithAudio(db: Kysely<Database>, row: NoteRow): Promise<Note> {
  const [note] = await withAudio(db, [row])
  return note!
}

export type CreateOutcome = { status: 'created' | 'replayed'; note: Note } | { status: 'conflict'; sameOfficer: boolean }

/** Stores a note once by its id; a replay of the same body gets the stored note back. */
export async function createNote(db: Kysely<Database>, officerId: number, body: CreateNoteRequest, now = new Date()): Promise<CreateOutcome> {
  const hash = bodyHash(body)
  const at = now.toISOString()
  const inserted = await db.insertInto('notes').values({
    id: body.id, officerId, text: body.text, recordedAt: new Date(body.recordedAt).toISOString(),
    attachedKind: body.attachedTo?.kind ?? null, attachedId: body.attachedTo?.id ?? null,
    lat: body.position?.lat ?? null, lng: body.position?.lng ?? null, accuracyM: body.position?.accuracyM ?? null,
    createdAt: at, updatedAt: at, textEditedAt: null, bodyHash: hash,
  }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst()
  const row = await findNote(db, body.id)
  if (!row) throw new Error(`note ${body.id} vanished after insert`)
  if (row.officerId !== officerId || row.bodyHash !== hash) return { status: 'conflict', sameOfficer: row.officerId === officerId }
  const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 && row.createdAt === at
  return { status: created ? 'created' : 'replayed', note: await noteWithAudio(db, row) }
}

/** Applies a transcript correction unless a newer one (by the device's edit time) is already in. */
export async function editNoteText(db: Kysely<Database>, id: string, text: string, editedAt: string, now = new Date()): Promise<void> {
  const at = new Date(editedAt).toISOString()
  await db.updateTable('notes').set({ text, textEditedAt: at, updatedAt: now.toISOString() })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('textEditedAt', 'is', null), eb('textEditedAt', '<', at)]))
    .execute()
}

export async function listOwnNotes(db: Kysely<Database>, officerId: number, limit: number): Promise<Note[]> {
  const rows = await selectNotes(db).where('notes.officerId', '=', officerId).orderBy('notes.recordedAt', 'desc').orderBy('notes.id').limit(limit).execute()
  return withAudio(db, rows)
}

export async function listAttachedNotes(db: Kysely<Database>, attachment: NoteAttachment, limit: number): Promise<Note[]> {
  const rows = await selectNotes(db).where('notes.attachedKind', '=', attachment.kind).where('notes.attachedId', '=', attachment.id)
    .orderBy('notes.recordedAt', 'desc').orderBy('notes.id').limit(limit).execute()
  return withAudio(db, rows)
}

export type AudioChunk = { contentType: NoteAudioType; start: number; total: number; bytes: Buffer }
export type AudioOutcome =
  | { status: 'stored'; audio: NoteAudioStatus }
  /** the range starts past what has arrived: the client must resume from `received` */
  | { status: 'gap'; received: number }
  | { status: 'conflict'; message: string }

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0

export async function putNoteAudio(db: Kysely<Database>, noteId: string, chunk: AudioChunk, now = new Date()): Promise<AudioOutcome> {
  const end = chunk.start + chunk.bytes.length
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const stored = await db.selectFrom('noteAudio').selectAll().where('noteId', '=', noteId).executeTakeFirst()
    if (!stored) {
      if (chunk.start !== 0) return { status: 'gap', received: 0 }
      const complete = end === chunk.total
      await db.insertInto('noteAudio').values({
        noteId, contentType: chunk.contentType, total: chunk.total, received: end, bytes: chunk.bytes,
        sha256: complete ? sha256(chunk.bytes) : null, updatedAt: now.toISOString(),
      }).onConflict((oc) => oc.column('noteId').doNothing()).execute()
      // Read it back: either ours, or a racing upload's, which the next round checks against.
      continue
    }
    if (stored.contentType !== chunk.contentType || stored.total !== chunk.total) {
      return { status: 'conflict', message: 'This note already has a different recording.' }
    }
    if (chunk.start > stored.received) return { status: 'gap', received: stored.received }
    const overlapEnd = Math.min(end, stored.received)
    const held = Buffer.from(stored.bytes)
    if (!sameBytes(held.subarray(chunk.start, overlapEnd), chunk.bytes.subarray(0, overlapEnd - chunk.start))) {
      return { status: 'conflict', message: 'This note already has a different recording.' }
    }
    if (end <= stored.received) return { status: 'stored', audio: audioStatus(stored)! }
    const bytes = Buffer.concat([held.subarray(0, stored.received), chunk.bytes.subarray(stored.received - chunk.start)])
    await db.updateTable('noteAudio')
      .set({ bytes, received: end, sha256: end === stored.total ? sha256(bytes) : null, updatedAt: now.toISOString() })
      .where('noteId', '=', noteId).where('received', '=', stored.received)
      .execute()
  }
  throw new Error(`the recording of note ${noteId} kept changing while it was being stored`)
}

export async function readNoteAudio(db: Kysely<Database>, noteId: string) {
  return db.selectFrom('noteAudio').selectAll().where('noteId', '=', noteId).executeTakeFirst()
}
