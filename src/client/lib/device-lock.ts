/**
 * The device lock as live state: locked or not, last activity, wrong PINs so far. The rules are in
 * idle-lock.ts; this module applies them to the clock, the officer's input and storage.
 *
 * Persistence: the state is kept in localStorage (`kestrel.lock`), read synchronously at start, so
 * a reload can never show the app before the lock is decided; a missing or unreadable state counts
 * as locked. Other tabs follow through the `storage` event: lock one tab and all are locked, use
 * one and none goes idle. The PIN verifier itself is in Dexie (database.ts).
 *
 * Timing uses Date.now() and setInterval only, so a test clock (Playwright's page.clock) drives it.
 */
import { useEffect } from 'react'
import { db } from './database.ts'
import { onDeviceErased } from './device-erase.ts'
import { createStore, useStore } from './external-store.ts'
import type { LockState } from './idle-lock.ts'
import { afterActivity, afterLock, afterUnlock, afterWrongPin, parseLockState, shouldBeLocked } from './idle-lock.ts'
import { createPinRecord, verifyPin } from './pin.ts'
import { localKeys, readLocalJson, writeLocal } from './storage.ts'

const failLocked: LockState = { locked: true, lastActivityAt: 0, failedAttempts: 0 }

/** How often the idle deadline is checked; the lock lands at most this late. */
const idleCheckIntervalMs = 5_000
/** Activity is written to storage at most this often: a pointer move fires many events a second. */
const activityWriteIntervalMs = 1_000

const lockStore = createStore<LockState>(parseLockState(readLocalJson(localKeys.lock)) ?? failLocked)

function commit(next: LockState): void {
  lockStore.set(next)
  writeLocal(localKeys.lock, JSON.stringify(next))
}

export function useLockState(): LockState {
  return useStore(lockStore)
}

/** For code outside React (patrol mode): nothing personal is said or shown while locked. */
export function isDeviceLocked(): boolean {
  return lockStore.get().locked
}

/** Lock now if the idle time has run out. Called on a timer, on return to the app, and before activity counts. */
export function evaluateIdle(now: number, idleMs: number): void {
  const state = lockStore.get()
  if (!state.locked && shouldBeLocked(state, now, idleMs)) commit(afterLock(state))
}

export function lockNow(): void {
  commit(afterLock(lockStore.get()))
}

export function recordActivity(now: number): void {
  const state = lockStore.get()
  if (now - state.lastActivityAt < activityWriteIntervalMs) return
  const next = afterActivity(state, now)
  if (next !== state) commit(next)
}

/** A fresh, open lock: at sign-in and when a PIN has just been set. */
export function resetLock(now: number): void {
  commit(afterUnlock(now))
}

/** Store the verifier for a new PIN and open the app. The PIN itself is never stored. */
export async function savePin(pin: string): Promise<void> {
  const record = await createPinRecord(pin)
  await db.pin.put(record)
  resetLock(Date.now())
}

export type UnlockResult =
  | { status: 'unlocked' }
  | { status: 'wrong'; attemptsLeft: number }
  | { status: 'sign-out' }
  | { status: 'no-pin' }

export async function tryUnlock(pin: string, maxAttempts: number): Promise<UnlockResult> {
  const record = await db.pin.get('current')
  if (!record) return { status: 'no-pin' }
  if (await verifyPin(pin, record)) {
    commit(afterUnlock(Date.now()))
    return { status: 'unlocked' }
  }
  // Read the count after the slow hash, so attempts made in another tab meanwhile are included.
  const outcome = afterWrongPin(lockStore.get(), maxAttempts)
  commit(outcome.state)
  return outcome.signOut ? { status: 'sign-out' } : { status: 'wrong', attemptsLeft: outcome.attemptsLeft }
}

/**
 * Watch for idleness while `enabled`: input events count as activity, and a timer locks the app
 * once `idleMs` has passed without any.
 */
export function useIdleLock(enabled: boolean, idleMs: number): void {
  useEffect(() => {
    if (!enabled) return
    const check = (): void => evaluateIdle(Date.now(), idleMs)
    const onActivity = (): void => {
      // Check first: touching a phone that slept past the deadline must lock it, not extend it.
      check()
      recordActivity(Date.now())
    }
    const onReturn = (): void => {
      if (document.visibilityState === 'visible') check()
    }
    const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true })
    document.addEventListener('visibilitychange', onReturn)
    window.addEventListener('pageshow', check)
    window.addEventListener('focus', check)
    const timer = window.setInterval(check, idleCheckIntervalMs)
    check()
    return () => {
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true })
      document.removeEventListener('visibilitychange', onReturn)
      window.removeEventListener('pageshow', check)
      window.removeEventListener('focus', check)
      window.clearInterval(timer)
    }
  }, [enabled, idleMs])
}

/** Follow other tabs, and forget the state in memory once the device is erased. Call once at start. */
export function startDeviceLock(): void {
  window.addEventListener('storage', (event) => {
    if (event.key !== localKeys.lock && event.key !== null) return
    lockStore.set(parseLockState(readLocalJson(localKeys.lock)) ?? failLocked)
  })
  // Memory only: storage was just cleared, and writing it back would undo part of the erase.
  onDeviceErased(() => lockStore.set(failLocked))
}
