/**
 * What the outbox does after an attempt to send an op: pure decisions, so they can be tested
 * without a browser or a server.
 *
 * - A 2xx is done (an unreadable 2xx answer too: the server took the op, and it stores each op once).
 * - 401 waits: the session may be over, in which case the device erase removes the op with
 *   everything else; otherwise the op goes at the next try. 408 and 429 are "try later".
 * - Any other 4xx is a refusal that will not change on retry: the op is kept as failed, with the
 *   server's message for the officer, never silently dropped.
 * - 5xx, no network, or anything unexpected: retry with exponential backoff and jitter.
 */
import { ApiError, NetworkError } from './api-client.ts'

export type SendOutcome =
  | { action: 'sent' }
  | { action: 'retry'; delayMs: number; message: string }
  | { action: 'fail'; message: string }

export const firstRetryDelayMs = 5_000
export const longestRetryDelayMs = 5 * 60_000

/** Statuses that mean "not now" rather than "never". */
const retryableClientStatuses = new Set([401, 408, 429])

/**
 * Delay before the next try after `attempts` failed tries (1 or more): 5 s, 10 s, 20 s … capped at
 * 5 minutes, each spread by ±25 % so a fleet of devices coming back online does not retry in step.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 16))
  const base = Math.min(longestRetryDelayMs, firstRetryDelayMs * 2 ** exponent)
  return Math.round(base * (0.75 + random() * 0.5))
}

export function outcomeOf(error: unknown, attempts: number, random: () => number = Math.random): SendOutcome {
  if (error instanceof ApiError) {
    if (error.status >= 200 && error.status < 300) return { action: 'sent' }
    if (error.status >= 400 && error.status < 500 && !retryableClientStatuses.has(error.status)) {
      return { action: 'fail', message: error.message }
    }
    return { action: 'retry', delayMs: backoffMs(attempts, random), message: error.message }
  }
  if (error instanceof NetworkError) return { action: 'retry', delayMs: backoffMs(attempts, random), message: error.message }
  return { action: 'retry', delayMs: backoffMs(attempts, random), message: 'Something went wrong while sending. Kestrel will try again.' }
}
