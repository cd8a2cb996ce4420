/**
 * A note being recorded or edited: the live transcript while recording, then the transcript to
 * correct or type, what it is about, the officer's position if they allow it, Save or Discard.
 * Every change is in Dexie at once, so a draft survives a reload; when the device cannot store it
 * (out of space), the officer is told, and the text stays on screen to save again.
 */
import { useEffect, useId, useState } from 'react'
import { LocalNoteAudio } from '../../components/note-audio.tsx'
import { errorMessage } from '../../lib/api-client.ts'
import type { NoteRecord } from '../../lib/database.ts'
import { discardDraft, saveNote, updateDraft } from '../../lib/notes-store.ts'
import { AttachPicker } from './attach-picker.tsx'
import type { RecorderState } from './use-recorder.ts'

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000)
    return () => window.clearInterval(timer)
  }, [])
  const seconds = Math.max(0, Math.round((now - since) / 1000))
  return <>{`${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`}</>
}

export function TranscriptionLabel({ note }: { note: Pick<NoteRecord, 'transcription' | 'audioType'> }) {
  if (note.transcription === 'not-transcribed') return <span className="note-tag note-tag--warning">Not transcribed</span>
  if (note.transcription === 'live') return <span className="note-tag">Transcribed</span>
  return <span className="note-tag">{note.audioType ? 'Typed' : 'Written note'}</span>
}

export function NoteDraft({ note, recorder, onStop, onSaved }: { note: NoteRecord; recorder: RecorderState; onStop: () => void; onSaved?: () => void }) {
  const recording = recorder.noteId === note.id && recorder.recording
  // The editor mounts once the recording has settled in Dexie, so it starts from the final transcript.
  if (recording || note.stage === 'recording') return <RecordingView note={note} recorder={recorder} onStop={onStop} />
  return <DraftEditor note={note} onSaved={onSaved} />
}

function RecordingView({ note, recorder, onStop }: { note: NoteRecord; recorder: RecorderState; onStop: () => void }) {
  return (
    <section className="note-draft" aria-label="Recording">
      <p role="status" className="note-draft__recording">
        <span className="recording-dot" aria-hidden="true" /> Recording {recorder.startedAt ? <Elapsed since={recorder.startedAt} /> : null}
      </p>
      {recorder.noTranscript ? (
        <p className="hint">{recorder.noTranscript} The audio is being kept; the note will be marked “not transcribed”.</p>
      ) : null}
      <div className="note-draft__live" aria-label="Live transcript" aria-live="polite">
        {note.text}
        {recorder.interim ? <span className="note-draft__interim"> {recorder.interim}</span> : null}
        {!note.text && !recorder.interim ? <span className="hint">{recorder.noTranscript ? 'No live transcript.' : 'Listening…'}</span> : null}
      </div>
      <button type="button" className="button button--danger button--wide" onClick={onStop}>
        Stop recording
      </button>
    </section>
  )
}

function DraftEditor({ note, onSaved }: { note: NoteRecord; onSaved?: (() => void) | undefined }) {
  const ids = { text: useId(), position: useId() }
  const [text, setText] = useState(note.text)
  const [positionProblem, setPositionProblem] = useState<string | null>(null)
  const [storeProblem, setStoreProblem] = useState<string | null>(null)
  const stored = () => setStoreProblem(null)
  const notStored = (error: unknown) => setStoreProblem(errorMessage(error))

  const changeText = (value: string) => {
    setText(value)
    updateDraft(note.id, { text: value, ...(note.transcription === 'not-transcribed' && value.trim() !== '' ? { transcription: 'typed' as const } : {}) }).then(stored, notStored)
  }

  const save = () => {
    // The text on screen, in case storing a keystroke failed (a full device) and space was freed since.
    updateDraft(note.id, { text })
      .then(() => saveNote(note.id))
      .then(() => {
        stored()
        onSaved?.()
      }, notStored)
  }

  const togglePosition = (on: boolean) => {
    setPositionProblem(null)
    if (!on) {
      void updateDraft(note.id, { position: null })
      return
    }
    if (!('geolocation' in navigator)) {
      setPositionProblem('This device cannot give a position.')
      return
    }
    navigator.geolocation.getCurrentPosition(
      (p) => void updateDraft(note.id, { position: { lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) } }),
      () => setPositionProblem('Your position is not available (not allowed, or no fix). The note is kept without it.'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  }

  return (
    <section className="note-draft" aria-label="New note">
      {note.problem ? <p className="notice notice--warning">{note.problem}</p> : null}
      <p>
        <TranscriptionLabel note={note} />{' '}
        {note.transcription === 'not-transcribed' ? <span className="hint">The audio is kept. Type what was said, or retry transcription once saved.</span> : null}
      </p>
      {note.audioType ? <LocalNoteAudio note={note} label="Play this recording" /> : null}
      <div className="field">
        <label htmlFor={ids.text}>Transcript</label>
        <textarea id={ids.text} rows={6} value={text} onChange={(e) => changeText(e.target.value)} />
      </div>
      <AttachPicker value={note.attachedTo} onChange={(value) => void updateDraft(note.id, { attachedTo: value })} />
      <div className="toggle">
        <input id={ids.position} type="checkbox" checked={note.position !== null} onChange={(e) => togglePosition(e.target.checked)} />
        <label htmlFor={ids.position}>Add my position</label>
      </div>
      {note.position ? <p className="hint">Position kept (to within {note.position.accuracyM} m).</p> : null}
      {positionProblem ? <p className="hint">{positionProblem}</p> : null}
      {storeProblem ? (
        <p className="notice notice--warning" role="alert">
          The note is not saved. {storeProblem}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={save}>
          Save note
        </button>
        <button type="button" className="button" onClick={() => void discardDraft(note.id)}>
          Discard
        </button>
      </div>
    </section>
  )
}
