/**
 * The device-lock rules as pure functions over timestamps, so they can be tested without a
 * browser: when the app must show the lock screen, and what a wrong or right PIN does.
 *
 * The rules (DOMAIN.md, device baseline): lock after `idleLockMinutes` without the officer touching
 * the app; a lock, once on, stays on until the PIN is entered, across reloads; after
 * `maxPinAttempts` wrong PINs the officer is signed out and the device erased. A clock that has
 * jumped backwards past the last activity counts as expired: fail locked, not open.
 */

export type LockState = {
  locked: boolean
  /** Last time the officer used the app (ms since epoch). */
  lastActivityAt: number
  /** Wrong PINs since the last successful unlock. */
  failedAttempts: number
}

export const defaultIdleLockMinutes = 30
export const defaultMaxPinAttempts = 5

/** How far in the future a last-activity time may be before it is treated as tampering. */
const clockSkewToleranceMs = 5 * 60_000

export function idleLockMs(idleLockMinutes: number): number {
  const minutes = Number.isFinite(idleLockMinutes) && idleLockMinutes > 0 ? idleLockMinutes : defaultIdleLockMinutes
  return minutes * 60_000
}

export function isIdleExpired(state: LockState, now: number, idleMs: number): boolean {
  if (state.lastActivityAt - now > clockSkewToleranceMs) return true
  return now - state.lastActivityAt >= idleMs
}

export function shouldBeLocked(state: LockState, now: number, idleMs: number): boolean {
  return state.locked || isIdleExpired(state, now, idleMs)
}

/** Activity counts only while unlocked: touching the lock screen must not extend anything. */
export function afterActivity(state: LockState, now: number): LockState {
  if (state.locked || now <= state.lastActivityAt) return state
  return { ...state, lastActivityAt: now }
}

export function afterLock(state: LockState): LockState {
  return state.locked ? state : { ...state, locked: true }
}

export function afterUnlock(now: number): LockState {
  return { locked: false, lastActivityAt: now, failedAttempts: 0 }
}

export type WrongPinOutcome = {
  state: LockState
  attemptsLeft: number
  /** True when this was the last allowed attempt: sign out and erase. */
  signOut: boolean
}

export function afterWrongPin(state: LockState, maxAttempts: number): WrongPinOutcome {
  const failedAttempts = state.failedAttempts + 1
  const attemptsLeft = Math.max(0, maxAttempts - failedAttempts)
  return { state: { ...state, locked: true, failedAttempts }, attemptsLeft, signOut: attemptsLeft === 0 }
}

/** A stored lock state, or null when what is stored is missing or not a lock state. */
export function parseLockState(value: unknown): LockState | null {
  if (typeof value !== 'object' || value === null) return null
  if (!('locked' in value) || !('lastActivityAt' in value) || !('failedAttempts' in value)) return null
  const { locked, lastActivityAt, failedAttempts } = value
  if (typeof locked !== 'boolean') return null
  if (typeof lastActivityAt !== 'number' || !Number.isFinite(lastActivityAt)) return null
  if (typeof failedAttempts !== 'number' || !Number.isInteger(failedAttempts) || failedAttempts < 0) return null
  return { locked, lastActivityAt, failedAttempts }
}
