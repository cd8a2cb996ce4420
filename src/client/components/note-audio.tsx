/**
 * Plays a note's recording: from the device's own copy (the pieces in Dexie, joined into a Blob
 * URL that is released when the player goes), or from the server for a note made elsewhere.
 */
import { useEffect, useState } from 'react'
import type { NoteRecord } from '../lib/database.ts'
import { noteAudioBlob } from '../lib/notes-store.ts'

export function LocalNoteAudio({ note, label }: { note: Pick<NoteRecord, 'id' | 'audioType' | 'audioBytes' | 'stage'>; label: string }) {
  const [url, setUrl] = useState<string | null>(null)
  const { id, audioType, audioBytes, stage } = note
  useEffect(() => {
    if (stage === 'recording' || audioBytes === 0) return
    let made: string | null = null
    let cancelled = false
    void noteAudioBlob({ id, audioType }).then((blob) => {
      if (cancelled || !blob) return
      made = URL.createObjectURL(blob)
      setUrl(made)
    })
    return () => {
      cancelled = true
      if (made) URL.revokeObjectURL(made)
    }
  }, [id, audioType, audioBytes, stage])
  if (!url) return null
  return <audio className="note-audio" controls preload="metadata" src={url} aria-label={label} />
}

export function RemoteNoteAudio({ src, label }: { src: string; label: string }) {
  return <audio className="note-audio" controls preload="none" src={src} aria-label={label} />
}
