/**
 * Whether live updates (claims by other officers) are reaching this device right now, in words:
 * an officer must know when "Available" might already be wrong. Not a live region: the offline
 * banner already announces a lost connection, and this changes too often to read out.
 */
import { useStreamStatus, type StreamStatus } from '../lib/event-stream.ts'
import '../styles/claims.css'

const words: Record<StreamStatus, string> = {
  stopped: 'Live updates off',
  connecting: 'Connecting to live updates…',
  live: 'Live updates on',
  reconnecting: 'Live updates interrupted — reconnecting…',
  offline: 'Live updates paused — no connection',
}

export function LiveStatus() {
  const status = useStreamStatus()
  return (
    <p className={`live-status live-status--${status}`} data-status={status}>
      <span className="live-status__dot" aria-hidden="true" />
      <span>{words[status]}</span>
    </p>
  )
}
