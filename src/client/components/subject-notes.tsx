/**
 * The notes about one subject, on its profile: the officer's own from this device (even offline,
 * before they are sent) and, when online, every note attached to it that the server shows this
 * officer (reading them is audited by the server). Transcripts are text, never markup. Officers
 * and supervisors can add a note about the subject from here. Inside a card (a curfew check's
 * notes) it takes a lower heading, its own wording for the link, a path to return to once the note
 * is saved, and says nothing when there are no notes.
 */
import { useQuery } from '@tanstack/react-query'
import { useId, type ReactNode } from 'react'
import { Link } from 'react-router'
import type { NoteAttachmentKind } from '../../shared/api/notes.ts'
import { notePath } from '../lib/note-links.ts'
import { noteAudioUrl, notesQueryOptions } from '../lib/api/get-notes.ts'
import { useOnline } from '../lib/connectivity.ts'
import { formatDayTime } from '../lib/date-format.ts'
import { useNotesAttachedTo } from '../lib/notes-store.ts'
import { useSignedInUser } from '../lib/session.ts'
import { byCodeUnit } from '../lib/text-order.ts'
import { LocalNoteAudio, RemoteNoteAudio } from './note-audio.tsx'

type Row = { id: string; officer: string; recordedAt: string; text: string; local: boolean; audio: 'local' | 'remote' | null }

type Props = {
  kind: NoteAttachmentKind
  id: string
  /** How the subject is named on the Notes screen. */
  label: string
  title?: string
  headingLevel?: 2 | 3
  /** The link's words; "Add a note about {label}" unless given. */
  addText?: ReactNode
  /** Where the Notes screen goes once the note is saved. */
  returnTo?: string
  /** Show nothing but the link when there are no notes (instead of "No notes."). */
  quietWhenEmpty?: boolean
}

export function SubjectNotes({ kind, id, label, title = 'Notes', headingLevel = 2, addText, returnTo, quietWhenEmpty = false }: Props) {
  const headingId = useId()
  const user = useSignedInUser()
  const online = useOnline()
  const local = useNotesAttachedTo(kind, id)
  const server = useQuery({ ...notesQueryOptions({ kind, id }), enabled: online && user !== null })
  if (!user) return null
  const rows = new Map<string, Row>()
  for (const note of server.data ?? []) {
    rows.set(note.id, { id: note.id, officer: note.officer, recordedAt: note.recordedAt, text: note.text, local: false, audio: note.audio?.complete ? 'remote' : null })
  }
  for (const note of local ?? []) {
    rows.set(note.id, { id: note.id, officer: user.collarNumber, recordedAt: note.recordedAt, text: note.text, local: true, audio: note.audioType && note.audioBytes > 0 ? 'local' : null })
  }
  const list = [...rows.values()].sort((a, b) => byCodeUnit(b.recordedAt, a.recordedAt))
  const localById = new Map((local ?? []).map((n) => [n.id, n]))
  const canWrite = user.role === 'officer' || user.role === 'supervisor'
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const quiet = quietWhenEmpty && list.length === 0

  return (
    <section className="profile-section subject-notes" aria-labelledby={headingId}>
      <Heading id={headingId} className={quiet ? 'visually-hidden' : undefined}>
        {title}
      </Heading>
      {list.length === 0 && !quiet ? <p className="hint">No notes.</p> : null}
      <ul className="subject-notes__list">
        {list.map((row) => {
          const when = formatDayTime(row.recordedAt)
          const localNote = localById.get(row.id)
          return (
            <li key={row.id}>
              <p>
                <strong>{when}</strong> · {row.officer === user.collarNumber ? 'your note' : `by ${row.officer}`}
              </p>
              <p className="subject-notes__text">{row.text || 'No transcript yet.'}</p>
              {row.audio === 'local' && localNote ? <LocalNoteAudio note={localNote} label={`Play the note of ${when}`} /> : null}
              {row.audio === 'remote' ? <RemoteNoteAudio src={noteAudioUrl(row.id)} label={`Play the note of ${when}`} /> : null}
            </li>
          )
        })}
      </ul>
      {!online && !quiet ? <p className="hint">Offline: showing your own notes on this device.</p> : null}
      {canWrite ? (
        <Link className="button button--small" to={notePath({ kind, id, label }, returnTo)}>
          {addText ?? `Add a note about ${label}`}
        </Link>
      ) : null}
    </section>
  )
}
