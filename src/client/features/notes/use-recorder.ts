/**
 * Recording a note: the microphone through MediaRecorder with a one-second timeslice, each piece
 * stored in Dexie as it arrives (so a reload or crash loses at most a second), and live
 * transcription alongside when the browser has it and there is a signal. Without it the note is
 * recorded all the same and marked "not transcribed".
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { NoteRecord } from '../../lib/database.ts'
import { addNoteChunk, startNote, updateDraft } from '../../lib/notes-store.ts'
import { startLiveTranscription, whyNoTranscription, type LiveTranscription } from '../../lib/speech-recognition.ts'

const preferredTypes = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4']

function recordingType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null
  return preferredTypes.find((type) => MediaRecorder.isTypeSupported(type)) ?? null
}

export type RecorderState = {
  noteId: string | null
  recording: boolean
  startedAt: number | null
  /** What is being heard but not yet settled. */
  interim: string
  /** Why there is no live transcript, when there is none. */
  noTranscript: string | null
  problem: string | null
}

const idle: RecorderState = { noteId: null, recording: false, startedAt: null, interim: '', noTranscript: null, problem: null }

export function useRecorder() {
  const [state, setState] = useState<RecorderState>(idle)
  const session = useRef<{ recorder: MediaRecorder; stream: MediaStream; transcription: LiveTranscription | null; writes: Promise<void>; noteId: string; text: string } | null>(null)

  const start = useCallback(async (userId: number, attachedTo: NoteRecord['attachedTo']) => {
    if (session.current) return
    const type = recordingType()
    if (!type || !navigator.mediaDevices?.getUserMedia) {
      setState({ ...idle, problem: 'This device cannot record audio here. Write the note instead.' })
      return
    }
    let stream: MediaStream
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true })
    } catch {
      setState({ ...idle, problem: 'Kestrel may not use the microphone. Allow it in the browser’s settings, or write the note instead.' })
      return
    }
    const note = await startNote({ userId, attachedTo, audioType: type })
    const recorder = new MediaRecorder(stream, { mimeType: type })
    const current = { recorder, stream, transcription: null as LiveTranscription | null, writes: Promise.resolve(), noteId: note.id, text: '' }
    session.current = current
    let index = 0
    recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return
      const piece = index
      index += 1
      current.writes = current.writes.then(() => addNoteChunk(note.id, piece, event.data)).catch((error: unknown) => console.error('Kestrel: a piece of the recording could not be stored', error))
    }
    recorder.start(1_000)
    const why = whyNoTranscription()
    setState({ noteId: note.id, recording: true, startedAt: Date.now(), interim: '', noTranscript: why, problem: null })
    if (why === null) {
      current.transcription = startLiveTranscription({
        onText: (final, interim) => {
          current.text = final
          setState((s) => ({ ...s, interim }))
          void updateDraft(note.id, { text: final, transcription: 'live' })
        },
        onFailed: (reason) => setState((s) => ({ ...s, interim: '', noTranscript: reason })),
      })
      if (!current.transcription) setState((s) => ({ ...s, noTranscript: 'Speech-to-text could not start.' }))
    }
  }, [])

  const stop = useCallback(async () => {
    const current = session.current
    if (!current) return
    session.current = null
    const stopped = new Promise<void>((resolve) => current.recorder.addEventListener('stop', () => resolve(), { once: true }))
    if (current.recorder.state !== 'inactive') current.recorder.stop()
    await stopped
    for (const track of current.stream.getTracks()) track.stop()
    await current.transcription?.stop()
    await current.writes
    const transcribed = current.text.trim() !== ''
    await updateDraft(current.noteId, {
      stage: 'draft',
      transcription: transcribed ? 'live' : 'not-transcribed',
    })
    setState(idle)
  }, [])

  // Leaving the page stops the recording; what was recorded stays as a draft.
  useEffect(() => () => void stop(), [stop])

  return { state, start, stop }
}
