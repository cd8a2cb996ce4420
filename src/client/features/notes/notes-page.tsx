/**
 * Notes: record a note (audio, transcribed live where the browser can) or write one, attach it to
 * a person, vehicle, address, briefing item, claim or curfew check, and save it; then list,
 * search and play the officer's notes, each with its upload state.
 *
 * Offline behaviour: recording, typing, saving, listing and playing all work with no signal; the
 * notes go through the outbox when there is one. Live transcription needs a signal, so a note
 * recorded without one is marked "not transcribed" and can be typed or retried later. Notes the
 * officer made on other devices are listed from the server when online.
 *
 * A link can start the note about something (`attach=kind:id&label=…`) and name a `return` path in
 * this app (lib/note-links.ts): once that note is saved, the screen goes back there (a curfew
 * check's note returns to the curfew list).
 */
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { noteAttachmentKindSchema, type Note } from '../../../shared/api/notes.ts'
import { RemoteNoteAudio } from '../../components/note-audio.tsx'
import { EmptyState, LoadingState } from '../../components/data-state.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { errorMessage } from '../../lib/api-client.ts'
import { noteAudioUrl, notesQueryOptions } from '../../lib/api/get-notes.ts'
import { useOnline } from '../../lib/connectivity.ts'
import { formatDayTime } from '../../lib/date-format.ts'
import type { NoteRecord } from '../../lib/database.ts'
import { returnPathFrom } from '../../lib/note-links.ts'
import { attachmentKindNames, startNote, uploadStateOf, useNoteOps, useOwnNotes } from '../../lib/notes-store.ts'
import { useSignedInUser } from '../../lib/session.ts'
import { NoteCard } from './note-card.tsx'
import { NoteDraft } from './note-draft.tsx'
import { useRecorder } from './use-recorder.ts'
import './notes.css'

function attachmentFromParams(params: URLSearchParams): NoteRecord['attachedTo'] {
  const [kind, ...rest] = (params.get('attach') ?? '').split(':')
  const parsed = noteAttachmentKindSchema.safeParse(kind)
  const id = rest.join(':')
  if (!parsed.success || id === '') return null
  return { kind: parsed.data, id, label: params.get('label') ?? id }
}

const matches = (text: string, query: string) => query === '' || text.toLowerCase().includes(query)

function ServerNoteCard({ note }: { note: Note }) {
  const when = formatDayTime(note.recordedAt)
  return (
    <article className="note-card" aria-label={`Note of ${when}`}>
      <header className="note-card__header">
        <h3>{when}</h3>
        <span className="note-tag">From another device</span>
      </header>
      {note.attachedTo ? <p className="note-card__about">About: {attachmentKindNames[note.attachedTo.kind]} {note.attachedTo.id}</p> : null}
      <p className="note-card__text">{note.text || <span className="hint">No transcript.</span>}</p>
      {note.audio?.complete ? <RemoteNoteAudio src={noteAudioUrl(note.id)} label={`Play the note of ${when}`} /> : null}
    </article>
  )
}

export function NotesPage() {
  const user = useSignedInUser()
  const online = useOnline()
  const searchId = useId()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  const [startProblem, setStartProblem] = useState<string | null>(null)
  const { state: recorder, start, stop } = useRecorder()
  const notes = useOwnNotes(user?.id ?? null)
  const ops = useNoteOps()
  const server = useQuery({ ...notesQueryOptions(null), enabled: online && user !== null })
  if (!user) return null

  const attachTo = attachmentFromParams(params)
  const returnTo = returnPathFrom(params.get('return'))
  const drafts = notes?.filter((n) => n.stage !== 'saved') ?? []
  const search = query.trim().toLowerCase()
  const saved = notes?.filter((n) => n.stage === 'saved' && matches(n.text, search)) ?? []
  const onDevice = new Set(notes?.map((n) => n.id))
  const elsewhere = (server.data ?? []).filter((n) => !onDevice.has(n.id) && matches(n.text, search))

  return (
    <div className="page notes-page">
      <PageTitle>Notes</PageTitle>
      {recorder.problem ? <p className="notice notice--warning" role="alert">{recorder.problem}</p> : null}
      {startProblem ? <p className="notice notice--warning" role="alert">{`The note could not be started. ${startProblem}`}</p> : null}
      {drafts.length === 0 ? (
        <div className="actions notes-page__start">
          {attachTo ? <p className="hint">The new note will be about {attachmentKindNames[attachTo.kind].toLowerCase()} {attachTo.label}.</p> : null}
          <button type="button" className="button button--primary" onClick={() => void start(user.id, attachTo)}>
            Record a note
          </button>
          <button type="button" className="button" onClick={() => startNote({ userId: user.id, attachedTo: attachTo, audioType: null }).then(() => setStartProblem(null), (error: unknown) => setStartProblem(errorMessage(error)))}>
            Write a note
          </button>
          {returnTo ? (
            <Link className="button" to={returnTo}>
              Go back without a note
            </Link>
          ) : null}
        </div>
      ) : (
        drafts.map((note) => (
          <NoteDraft key={note.id} note={note} recorder={recorder} onStop={() => void stop()} onSaved={returnTo ? () => void navigate(returnTo) : undefined} />
        ))
      )}

      <section className="notes-page__list" aria-labelledby={`${searchId}-heading`}>
        <h2 id={`${searchId}-heading`}>Your notes</h2>
        <div className="field">
          <label htmlFor={searchId}>Search your notes</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        </div>
        {notes === undefined ? <LoadingState>Opening your notes…</LoadingState> : null}
        {notes !== undefined && saved.length === 0 && elsewhere.length === 0 ? (
          <EmptyState>{search ? 'No notes match.' : 'No notes yet.'}</EmptyState>
        ) : null}
        <ul className="note-list" aria-label="Notes">
          {saved.map((note) => (
            <li key={note.id}>
              <NoteCard note={note} upload={uploadStateOf(note, ops?.get(note.id))} online={online} />
            </li>
          ))}
          {elsewhere.map((note) => (
            <li key={note.id}>
              <ServerNoteCard note={note} />
            </li>
          ))}
        </ul>
        {!online ? <p className="hint">Offline: showing the notes on this device.</p> : null}
      </section>
    </div>
  )
}
