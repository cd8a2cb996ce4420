/**
 * "Prompt history": the geofence prompts patrol mode gave on this device, newest first, for the
 * officer's own record (when, what was said, where, and whether it was spoken). Read from Dexie,
 * so it works offline; the device erase at sign-out removes it.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { db, type PromptLogRecord } from '../lib/database.ts'
import { formatDayTime } from '../lib/date-format.ts'
import { EmptyState, LoadingState } from './data-state.tsx'

const shownPrompts = 50

const deliveryText: Record<PromptLogRecord['delivery'], string> = {
  spoken: 'Spoken',
  muted: 'Shown, muted',
  quiet: 'Shown, quiet period',
  'no-voice': 'Shown and vibrated (no voice)',
}

export function PromptHistory() {
  const prompts = useLiveQuery(() => db.promptLog.orderBy('at').reverse().limit(shownPrompts).toArray(), [])
  if (prompts === undefined) return <LoadingState>Reading prompt history…</LoadingState>
  if (prompts.length === 0) return <EmptyState>No prompts on this device yet. Turn on Patrol mode to hear them.</EmptyState>
  return (
    <ol className="prompt-history" aria-label="Prompt history">
      {prompts.map((prompt) => (
        <li key={prompt.seq} className="prompt-history__item">
          <p className="prompt-history__when">
            <time dateTime={new Date(prompt.at).toISOString()}>{formatDayTime(new Date(prompt.at).toISOString())}</time> ·{' '}
            {deliveryText[prompt.delivery]}
          </p>
          <p>{prompt.sentence}</p>
          <p className="hint">
            At {prompt.lat.toFixed(5)}, {prompt.lng.toFixed(5)} (within {Math.round(prompt.accuracyM)} m)
          </p>
        </li>
      ))}
    </ol>
  )
}
