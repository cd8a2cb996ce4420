/**
 * `GET /api/notes`: the officer's own notes on the server (made on any device), or with
 * `attachedTo` the notes attached to one subject that this officer may see. The server audits
 * every read that returns notes, so these are asked only when a screen showing them is open.
 *
 * Offline behaviour: fails with NetworkError; the screens then show the notes on this device only,
 * and say so.
 */
import { queryOptions } from '@tanstack/react-query'
import { notesResponseSchema, type Note, type NoteAttachmentKind } from '../../../shared/api/notes.ts'
import { apiRequest } from '../api-client.ts'

export async function getNotes(attachedTo: { kind: NoteAttachmentKind; id: string } | null, signal?: AbortSignal): Promise<Note[]> {
  const query = attachedTo ? `?${new URLSearchParams({ attachedTo: `${attachedTo.kind}:${attachedTo.id}` }).toString()}` : ''
  const { items } = await apiRequest(`/api/notes${query}`, notesResponseSchema, { signal })
  return items
}

export const notesQueryOptions = (attachedTo: { kind: NoteAttachmentKind; id: string } | null) =>
  queryOptions({
    queryKey: ['notes', attachedTo ? `${attachedTo.kind}:${attachedTo.id}` : 'own'],
    queryFn: ({ signal }) => getNotes(attachedTo, signal),
    retry: false,
    staleTime: 30_000,
  })

/** Where the server serves a note's recording (the browser streams it into an audio element). */
export const noteAudioUrl = (id: string) => `/api/notes/${encodeURIComponent(id)}/audio`
