/**
 * A saved note in the officer's list: when, what about, the transcript (always as text), how
 * it was transcribed, its recording, and where its upload stands. The transcript can be corrected
 * or typed later; "Retry transcription" replays the recording to the browser's speech-to-text.
 */
import { useId, useState } from 'react'
import { Link } from 'react-router'
import { LocalNoteAudio } from '../../components/note-audio.tsx'
import { formatDayTime } from '../../lib/date-format.ts'
import type { NoteRecord } from '../../lib/database.ts'
import { attachmentKindNames, editSavedNote, noteAudioBlob, type NoteUploadState } from '../../lib/notes-store.ts'
import { profilePath } from '../../lib/profile-paths.ts'
import { startLiveTranscription, whyNoTranscription } from '../../lib/speech-recognition.ts'
import { TranscriptionLabel } from './note-draft.tsx'

function UploadState({ upload, online }: { upload: NoteUploadState; online: boolean }) {
  if (upload.state === 'sent') return <p className="note-upload note-upload--sent">Uploaded</p>
  if (upload.state === 'failed') return <p className="note-upload note-upload--failed">Not sent: {upload.message} <Link to="/settings#waiting-to-send">Review</Link></p>
  if (upload.state === 'local') return null
  const progress = upload.audioBytes > 0 && upload.audioSent > 0 && upload.audioSent < upload.audioBytes
    ? ` (recording ${Math.floor((upload.audioSent / upload.audioBytes) * 100)}% sent)`
    : ''
  const why = !online ? ': no signal, it will go when you are back online' : upload.retrying ? ': will try again shortly' : ''
  return <p className="note-upload note-upload--waiting">Waiting to upload{progress}{why}</p>
}

export function AttachedLink({ attachedTo }: { attachedTo: NonNullable<NoteRecord['attachedTo']> }) {
  const { kind, id, label } = attachedTo
  const profile = kind === 'person' || kind === 'vehicle' || kind === 'address' ? profilePath(kind, id) : null
  return (
    <p className="note-card__about">
      About: {attachmentKindNames[kind]} {profile ? <Link to={profile}>{label}</Link> : label}
    </p>
  )
}

async function replayToRecognition(note: NoteRecord): Promise<string> {
  const blob = await noteAudioBlob(note)
  if (!blob) return ''
  const url = URL.createObjectURL(blob)
  try {
    let heard = ''
    let failed: string | null = null
    const live = startLiveTranscription({ onText: (final) => { heard = final }, onFailed: (why) => { failed = why } })
    if (!live) throw new Error('Speech-to-text could not start.')
    const audio = new Audio(url)
    await audio.play()
    await new Promise((resolve) => {
      audio.onended = resolve
      audio.onerror = resolve
    })
    await live.stop()
    if (failed) throw new Error(failed)
    return heard
  } finally {
    URL.revokeObjectURL(url)
  }
}

export function NoteCard({ note, upload, online }: { note: NoteRecord; upload: NoteUploadState; online: boolean }) {
  const textId = useId()
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(note.text)
  const [retry, setRetry] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null })
  const when = formatDayTime(note.recordedAt)
  const cannotTranscribe = whyNoTranscription()

  const retryTranscription = async () => {
    setRetry({ busy: true, message: null })
    try {
      const heard = await replayToRecognition(note)
      if (heard.trim() === '') {
        setRetry({ busy: false, message: 'Nothing was recognised. Type the transcript instead.' })
        return
      }
      await editSavedNote(note.id, heard)
      setRetry({ busy: false, message: 'Transcribed. Check the words against the recording.' })
    } catch (error) {
      setRetry({ busy: false, message: `${error instanceof Error ? error.message : 'Transcription failed.'} Type the transcript instead.` })
    }
  }

  return (
    <article className="note-card" aria-label={`Note of ${when}`}>
      <header className="note-card__header">
        <h3>{when}</h3>
        <TranscriptionLabel note={note} />
      </header>
      {note.attachedTo ? <AttachedLink attachedTo={note.attachedTo} /> : null}
      {editing ? (
        <div className="field">
          <label htmlFor={textId}>Transcript</label>
          <textarea id={textId} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="actions">
            <button type="button" className="button button--primary button--small" onClick={() => { void editSavedNote(note.id, text); setEditing(false) }}>
              Save transcript
            </button>
            <button type="button" className="button button--small" onClick={() => { setText(note.text); setEditing(false) }}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <p className="note-card__text">{note.text || <span className="hint">No transcript yet.</span>}</p>
      )}
      {note.audioType ? <LocalNoteAudio note={note} label={`Play the note of ${when}`} /> : null}
      {note.position ? <p className="hint">Recorded at {note.position.lat.toFixed(5)}, {note.position.lng.toFixed(5)} (±{note.position.accuracyM} m)</p> : null}
      <UploadState upload={upload} online={online} />
      {!editing ? (
        <div className="actions">
          <button type="button" className="button button--small" onClick={() => { setText(note.text); setEditing(true) }}>
            {note.transcription === 'not-transcribed' ? 'Type the transcript' : 'Correct the transcript'}
          </button>
          {note.transcription === 'not-transcribed' && note.audioType ? (
            <button type="button" className="button button--small" disabled={retry.busy || cannotTranscribe !== null} onClick={() => void retryTranscription()}>
              {retry.busy ? 'Listening to the recording…' : 'Retry transcription'}
            </button>
          ) : null}
        </div>
      ) : null}
      {note.transcription === 'not-transcribed' && note.audioType ? (
        <p className="hint">
          {cannotTranscribe ?? 'Browsers only transcribe live speech: Kestrel plays the recording aloud and listens through the microphone. Use a quiet place, then check the words.'}
        </p>
      ) : null}
      {retry.message ? <p role="status">{retry.message}</p> : null}
    </article>
  )
}
