/**
 * The server's clock as this device knows it. A device's own clock can be wrong by hours (set by
 * hand, a flat battery, a wrong time zone entered as a time), and every time that matters comes
 * from the server: when the briefing was generated and goes stale, when the session and claims
 * end, when an event happened. So decisions and "5 minutes ago" compare those times with
 * `serverNow()`, the device clock plus the offset learnt from the `Date` header of the last API
 * answer; times the device stamps on records it sends (a check, an acknowledgement) use it too.
 *
 * Offline behaviour: the offset is kept in localStorage (`kestrel.clock-offset`), so a device
 * opened offline still corrects its clock; elapsed time is then measured by the device clock,
 * which runs at the right rate even when it is set wrong. The device erase removes the offset.
 */
import { localKeys, readLocal, writeLocal } from './storage.ts'

/** The Date header has whole seconds: smaller differences are noise, not a wrong clock. */
const resolutionMs = 1_000

function storedOffset(): number {
  const value = Number(readLocal(localKeys.clockOffset))
  return Number.isFinite(value) ? value : 0
}

let offsetMs: number | null = null

function currentOffset(): number {
  offsetMs ??= storedOffset()
  return offsetMs
}

/**
 * Learn the offset from one answer: `sentAt` and `receivedAt` are device times around the request;
 * the server's time is taken as the middle of its whole second, at the middle of the round trip.
 */
export function noteServerDate(dateHeader: string | null, sentAt: number, receivedAt: number): void {
  if (dateHeader === null) return
  const serverSecond = Date.parse(dateHeader)
  if (Number.isNaN(serverSecond)) return
  const estimate = serverSecond + resolutionMs / 2 - (sentAt + receivedAt) / 2
  const next = Math.abs(estimate) <= resolutionMs ? 0 : Math.round(estimate)
  if (Math.abs(next - currentOffset()) <= resolutionMs) return
  offsetMs = next
  writeLocal(localKeys.clockOffset, String(next))
}

/** Milliseconds since the epoch by the server's clock, as best this device knows it. */
export function serverNow(): number {
  return Date.now() + currentOffset()
}

/** `serverNow()` as an ISO timestamp, for records the server keeps. */
export function serverNowIso(): string {
  return new Date(serverNow()).toISOString()
}
