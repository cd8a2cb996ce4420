/**
 * Reading the frames of the live event stream (`GET /api/events`), as pure functions. The server
 * opens every connection with `{type: 'stream.open', head}`: the id it will continue after (the
 * client's Last-Event-ID when it resumed, else the newest event). Events carry an `id:` and a JSON
 * body; `stream.reset` (no id) says the log no longer reaches back to the client's id.
 *
 * Continuity: a connection that does not continue from the last id this device saw may have
 * skipped events, so whatever the device derived from them must be fetched again ("re-sync").
 */
import { z } from 'zod'
import { claimEventSchema, type KestrelEvent } from '../../shared/api/events.ts'

export type StreamFrame =
  | { kind: 'open'; head: number }
  | { kind: 'reset' }
  | { kind: 'event'; event: KestrelEvent }
  | { kind: 'unknown' }

const openSchema = z.object({ type: z.literal('stream.open'), head: z.number() })

export function parseFrame(data: string): StreamFrame {
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return { kind: 'unknown' }
  }
  const open = openSchema.safeParse(value)
  if (open.success) return { kind: 'open', head: open.data.head }
  const event = claimEventSchema.safeParse(value)
  if (!event.success) return { kind: 'unknown' }
  if (event.data.type === 'stream.reset') return { kind: 'reset' }
  return { kind: 'event', event: event.data }
}

/** After `stream.open`: must the device re-sync, given the last event id it saw (null: none yet)? */
export function needsResync(lastSeenId: string | null, head: number): boolean {
  return lastSeenId === null || Number(lastSeenId) !== head
}

/** Where a new connection starts: after the last id seen, so the server replays what was missed. */
export function streamUrl(lastSeenId: string | null): string {
  return lastSeenId === null ? '/api/events' : `/api/events?${new URLSearchParams({ lastEventId: lastSeenId }).toString()}`
}

/** Delay before reopening a stream the browser gave up on: 3 s, doubling, at most a minute. */
export function reopenDelayMs(failures: number): number {
  return Math.min(60_000, 3_000 * 2 ** Math.max(0, Math.min(failures - 1, 5)))
}
