/**
 * Audio notes on the device: written to Dexie first, always, then sent through the outbox.
 *
 * A note starts as a `recording` (its pieces land in `noteChunks` about once a second as
 * MediaRecorder hands them over), becomes a `draft` the officer edits (transcript, attachment,
 * position), and is `saved`: in one transaction the note is marked saved and two ops are queued,
 * its body (`note.create`, the note's own id, so the server stores it once) and then its
 * recording (`note.audio`, read from the chunks when sent and uploaded in resumable pieces, see
 * note-upload.ts). A saved note's transcript can still be corrected or typed later: that queues a
 * `note.text` edit. Nothing is ever taken off the device by sending; the device erase removes it.
 *
 * Offline behaviour: everything here works with no network. A recording interrupted by a reload
 * or crash is found at start (`recoverInterruptedNotes`) and kept as a draft with the audio
 * recorded up to then. Upload state per note comes from the outbox ops that carry its ref.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import type { NoteAttachmentKind } from '../../shared/api/notes.ts'
import { db, type NoteRecord, type OutboxRecord } from './database.ts'
import { sendNoteAudio, sendNoteBody, sendNoteText } from './note-upload.ts'
import { addToOutbox, drainOutbox, registerSender } from './outbox.ts'
import { outboxKinds } from './outbox-kinds.ts'
import { serverNowIso } from './server-clock.ts'

export const noteRef = (id: string) => `note:${id}`

export const attachmentKindNames: Record<NoteAttachmentKind, string> = {
  person: 'Person',
  vehicle: 'Vehicle',
  address: 'Address',
  'briefing-item': 'Briefing item',
  claim: 'Claim',
  'curfew-check': 'Curfew check',
}

export function noteTitle(note: Pick<NoteRecord, 'text' | 'recordedAt'>): string {
  const firstLine = note.text.trim().split('\n')[0] ?? ''
  return firstLine.length > 60 ? `${firstLine.slice(0, 57)}…` : firstLine || 'Untitled note'
}

export type NewNote = { userId: number; attachedTo?: NoteRecord['attachedTo']; audioType: string | null }

/** A new note: a recording when `audioType` is given, otherwise a typed draft. */
export async function startNote(input: NewNote): Promise<NoteRecord> {
  const now = serverNowIso()
  const note: NoteRecord = {
    id: crypto.randomUUID(),
    userId: input.userId,
    text: '',
    recordedAt: now,
    attachedTo: input.attachedTo ?? null,
    attachedKey: input.attachedTo ? `${input.attachedTo.kind}:${input.attachedTo.id}` : '',
    position: null,
    stage: input.audioType ? 'recording' : 'draft',
    transcription: input.audioType ? 'not-transcribed' : 'typed',
    audioType: input.audioType,
    audioBytes: 0,
    audioSent: 0,
    problem: null,
    updatedAt: now,
  }
  await db.notes.add(note)
  return note
}

/** Keeps one piece of a recording, as it arrives. */
export async function addNoteChunk(noteId: string, index: number, blob: Blob): Promise<void> {
  await db.transaction('rw', db.notes, db.noteChunks, async () => {
    await db.noteChunks.put({ noteId, index, blob })
    const note = await db.notes.get(noteId)
    if (note) await db.notes.update(noteId, { audioBytes: note.audioBytes + blob.size })
  })
}

export async function updateDraft(id: string, changes: Partial<Pick<NoteRecord, 'text' | 'transcription' | 'attachedTo' | 'position' | 'stage' | 'problem'>>): Promise<void> {
  const extra = 'attachedTo' in changes ? { attachedKey: changes.attachedTo ? `${changes.attachedTo.kind}:${changes.attachedTo.id}` : '' } : {}
  await db.notes.update(id, { ...changes, ...extra, updatedAt: new Date().toISOString() })
}

/** The whole recording, from its pieces in order. */
export async function noteAudioBlob(note: Pick<NoteRecord, 'id' | 'audioType'>): Promise<Blob | null> {
  const chunks = await db.noteChunks.where('noteId').equals(note.id).sortBy('index')
  if (chunks.length === 0) return null
  return new Blob(chunks.map((c) => c.blob), { type: note.audioType ?? 'audio/webm' })
}

/** Save a draft: mark it saved and queue its body, then its recording, in one transaction. */
export async function saveNote(id: string): Promise<void> {
  await db.transaction('rw', db.notes, db.noteChunks, db.outbox, async () => {
    const note = await db.notes.get(id)
    if (!note || note.stage === 'saved') return
    const chunks = await db.noteChunks.where('noteId').equals(id).count()
    const title = noteTitle(note)
    await db.notes.update(id, { stage: 'saved', updatedAt: new Date().toISOString() })
    await addToOutbox({
      kind: 'note.create',
      ref: noteRef(id),
      label: `Note “${title}”`,
      payload: {
        id, text: note.text, recordedAt: note.recordedAt,
        ...(note.attachedTo ? { attachedTo: { kind: note.attachedTo.kind, id: note.attachedTo.id } } : {}),
        ...(note.position ? { position: note.position } : {}),
      },
    })
    if (note.audioType && chunks > 0) {
      await addToOutbox({ kind: 'note.audio', ref: noteRef(id), label: `Recording of the note “${title}”`, payload: { noteId: id, contentType: note.audioType } })
    }
  })
  void drainOutbox()
}

/** Correct or type the transcript of a saved note: kept here at once, sent as an edit. */
export async function editSavedNote(id: string, text: string): Promise<void> {
  const editedAt = serverNowIso()
  await db.transaction('rw', db.notes, db.outbox, async () => {
    const note = await db.notes.get(id)
    if (!note || note.text === text) return
    await db.notes.update(id, { text, transcription: note.transcription === 'live' ? 'live' : 'typed', updatedAt: editedAt })
    await addToOutbox({ kind: 'note.text', ref: noteRef(id), label: `Correction of the note “${noteTitle({ ...note, text })}”`, payload: { noteId: id, edit: { text, editedAt } } })
  })
  void drainOutbox()
}

/** Throw away a draft that was never saved, with its recording. */
export async function discardDraft(id: string): Promise<void> {
  await db.transaction('rw', db.notes, db.noteChunks, async () => {
    const note = await db.notes.get(id)
    if (!note || note.stage === 'saved') return
    await db.noteChunks.where('noteId').equals(id).delete()
    await db.notes.delete(id)
  })
}

/** A recording still marked as running at start was cut off by a reload or crash: keep what there is. */
export async function recoverInterruptedNotes(): Promise<void> {
  await db.notes.where('stage').equals('recording').modify({
    stage: 'draft',
    problem: 'Recording stopped when Kestrel closed. The audio recorded until then is kept.',
  })
}

export function useOwnNotes(userId: number | null): NoteRecord[] | undefined {
  return useLiveQuery(async () => (userId === null ? [] : (await db.notes.orderBy('recordedAt').reverse().toArray()).filter((n) => n.userId === userId)), [userId])
}

export function useNote(id: string | null): NoteRecord | null | undefined {
  return useLiveQuery(async () => (id === null ? null : ((await db.notes.get(id)) ?? null)), [id])
}

export function useNotesAttachedTo(kind: NoteAttachmentKind, id: string): NoteRecord[] | undefined {
  return useLiveQuery(() => db.notes.where('attachedKey').equals(`${kind}:${id}`).filter((n) => n.stage === 'saved').reverse().sortBy('recordedAt'), [kind, id])
}

export type NoteUploadState =
  | { state: 'local' }
  | { state: 'waiting'; retrying: boolean; message: string | null; audioSent: number; audioBytes: number }
  | { state: 'failed'; message: string }
  | { state: 'sent' }

/** The outbox ops of every note still on their way, by note id. */
export function useNoteOps(): Map<string, OutboxRecord[]> | undefined {
  return useLiveQuery(async () => {
    const rows = await db.outbox.where('ref').startsWith('note:').sortBy('seq')
    const byNote = new Map<string, OutboxRecord[]>()
    for (const row of rows) {
      const id = row.ref!.slice('note:'.length)
      byNote.set(id, [...(byNote.get(id) ?? []), row])
    }
    return byNote
  }, [])
}

export function uploadStateOf(note: NoteRecord, ops: OutboxRecord[] | undefined): NoteUploadState {
  if (note.stage !== 'saved') return { state: 'local' }
  if (!ops || ops.length === 0) return { state: 'sent' }
  const failed = ops.find((op) => op.state === 'failed')
  if (failed) return { state: 'failed', message: failed.lastError ?? 'The server refused it.' }
  const head = ops[0]!
  return { state: 'waiting', retrying: head.attempts > 0, message: head.lastError, audioSent: note.audioSent, audioBytes: note.audioBytes }
}

export function registerNoteSenders(): void {
  registerSender('note.create', { schema: outboxKinds['note.create'], send: ([body]) => sendNoteBody(body!) })
  registerSender('note.text', { schema: outboxKinds['note.text'], send: ([op]) => sendNoteText(op!.noteId, op!.edit) })
  registerSender('note.audio', {
    schema: outboxKinds['note.audio'],
    send: async ([op]) => {
      const { noteId, contentType } = op!
      const note = await db.notes.get(noteId)
      const blob = note ? await noteAudioBlob(note) : null
      if (!blob) return
      await sendNoteAudio({
        noteId, contentType, bytes: new Uint8Array(await blob.arrayBuffer()),
        onProgress: async (received) => {
          await db.notes.update(noteId, { audioSent: received })
        },
      })
    },
  })
}
