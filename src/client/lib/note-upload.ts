/**
 * Sending a note to the server, step by step, as the outbox's note senders do it: the note's body
 * (`POST /api/notes`, stored once by its id, so a replay is harmless), its recording in pieces
 * (`PUT /api/notes/:id/audio` with `Content-Range`), resumed from what the server already holds
 * (`GET /api/notes/:id/audio/status`), and transcript corrections (`PUT /api/notes/:id/text`).
 *
 * No DOM and no Dexie here: the functions take the bytes and a fetch, so the same code runs in the
 * browser and in Node (src/client/lib/note-replay.test.ts replays 500 notes against a server that
 * is killed part-way). Failures throw `ApiError` or `NetworkError`, which outbox-retry.ts decides
 * on: a cut connection or a restarting server is retried, a refusal is kept as failed.
 */
import { z } from 'zod'
import type { CreateNoteRequest, EditNoteTextRequest } from '../../shared/api/notes.ts'
import { noteAudioStatusSchema } from '../../shared/api/notes.ts'
import { apiErrorFrom, apiRequest, NetworkError } from './api-client.ts'

export type NoteTransport = {
  /** Prefix for the API paths: '' in the browser, the server's origin elsewhere. */
  base?: string
  fetchImpl?: typeof fetch
  timeoutMs?: number
}

/** A piece small enough to get through a poor signal before it drops, big enough not to crawl. */
export const noteAudioPieceBytes = 256 * 1024

export async function sendNoteBody(body: CreateNoteRequest, transport: NoteTransport = {}): Promise<void> {
  await apiRequest(`${transport.base ?? ''}/api/notes`, z.unknown(), { method: 'POST', body, fetchImpl: transport.fetchImpl, timeoutMs: transport.timeoutMs })
}

export async function sendNoteText(noteId: string, edit: EditNoteTextRequest, transport: NoteTransport = {}): Promise<void> {
  await apiRequest(`${transport.base ?? ''}/api/notes/${noteId}/text`, z.unknown(), { method: 'PUT', body: edit, fetchImpl: transport.fetchImpl, timeoutMs: transport.timeoutMs })
}

async function readError(response: Response): Promise<Error> {
  const text = await response.text().catch(() => '')
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch {
    payload = undefined
  }
  return apiErrorFrom(response.status, payload)
}

export type AudioUpload = {
  noteId: string
  contentType: string
  bytes: Uint8Array
  /** Bytes per request (default 256 KB). */
  pieceBytes?: number
  /** Called after each piece the server has taken, with the bytes it now holds. */
  onProgress?: (received: number) => void | Promise<void>
}

/**
 * Uploads a recording, starting from what the server already holds. Resolves once the server
 * holds it whole; a cut part-way leaves the server's bytes in place for the next try.
 */
export async function sendNoteAudio(upload: AudioUpload, transport: NoteTransport = {}): Promise<void> {
  const base = transport.base ?? ''
  const fetchImpl = transport.fetchImpl ?? fetch
  const total = upload.bytes.length
  const pieceBytes = upload.pieceBytes ?? noteAudioPieceBytes
  const status = await apiRequest(`${base}/api/notes/${upload.noteId}/audio/status`, noteAudioStatusSchema, { fetchImpl, timeoutMs: transport.timeoutMs })
  let offset = status.total === total ? status.received : 0
  await upload.onProgress?.(offset)
  while (offset < total) {
    const end = Math.min(total, offset + pieceBytes)
    let response: Response
    try {
      response = await fetchImpl(`${base}/api/notes/${upload.noteId}/audio`, {
        method: 'PUT',
        headers: { 'Content-Type': upload.contentType, 'Content-Range': `bytes ${offset}-${end - 1}/${total}`, Accept: 'application/json' },
        body: upload.bytes.slice(offset, end),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: AbortSignal.timeout(transport.timeoutMs ?? 60_000),
      })
    } catch {
      throw new NetworkError()
    }
    if (response.status === 416) {
      // The server holds less than we thought (or none): resume from what it says it has.
      const error = await readError(response)
      const received = 'details' in error && typeof error.details === 'object' && error.details !== null && 'received' in error.details ? Number(error.details.received) : 0
      offset = Number.isFinite(received) ? received : 0
      continue
    }
    if (!response.ok) throw await readError(response)
    const held = noteAudioStatusSchema.safeParse(await response.json().catch(() => null))
    offset = held.success ? held.data.received : end
    await upload.onProgress?.(offset)
  }
}
