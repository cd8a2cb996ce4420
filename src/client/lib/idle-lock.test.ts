import { describe, expect, it } from 'vitest'
import type { LockState } from './idle-lock.ts'
import {
  afterActivity,
  afterLock,
  afterUnlock,
  afterWrongPin,
  idleLockMs,
  isIdleExpired,
  parseLockState,
  shouldBeLocked,
} from './idle-lock.ts'

const minute = 60_000
const start = Date.UTC(2026, 10, 25, 22, 0, 0)
const open: LockState = { locked: false, lastActivityAt: start, failedAttempts: 0 }
const thirty = idleLockMs(30)

describe('idle lock decision', () => {
  it('stays open before the idle time and locks exactly at it', () => {
    expect(shouldBeLocked(open, start + 29 * minute + 59_999, thirty)).toBe(false)
    expect(shouldBeLocked(open, start + 30 * minute, thirty)).toBe(true)
  })

  it('stays locked once locked, whatever the time', () => {
    expect(shouldBeLocked(afterLock(open), start, thirty)).toBe(true)
  })

  it('treats a clock that went far backwards as expired', () => {
    expect(isIdleExpired(open, start - 10 * minute, thirty)).toBe(true)
    expect(isIdleExpired(open, start - 1 * minute, thirty)).toBe(false)
  })

  it('falls back to 30 minutes for a missing or nonsense setting', () => {
    expect(idleLockMs(Number.NaN)).toBe(thirty)
    expect(idleLockMs(0)).toBe(thirty)
    expect(idleLockMs(5)).toBe(5 * minute)
  })
})

describe('activity', () => {
  it('moves the idle deadline while open', () => {
    const later = afterActivity(open, start + 20 * minute)
    expect(shouldBeLocked(later, start + 40 * minute, thirty)).toBe(false)
  })

  it('does nothing while locked, so touching the lock screen never reopens the app', () => {
    const locked = afterLock(open)
    expect(afterActivity(locked, start + 5 * minute)).toBe(locked)
  })
})

describe('PIN attempts', () => {
  it('counts down and asks for sign-out on the fifth wrong PIN', () => {
    let state = afterLock(open)
    const left: number[] = []
    let signOut = false
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const outcome = afterWrongPin(state, 5)
      state = outcome.state
      left.push(outcome.attemptsLeft)
      signOut = outcome.signOut
    }
    expect(left).toEqual([4, 3, 2, 1, 0])
    expect(signOut).toBe(true)
    expect(state.locked).toBe(true)
  })

  it('a right PIN opens the app and resets the count', () => {
    expect(afterUnlock(start)).toEqual({ locked: false, lastActivityAt: start, failedAttempts: 0 })
  })
})

describe('parseLockState', () => {
  it('reads a stored state and refuses anything else', () => {
    expect(parseLockState({ locked: true, lastActivityAt: start, failedAttempts: 2 })).toEqual({
      locked: true,
      lastActivityAt: start,
      failedAttempts: 2,
    })
    expect(parseLockState(null)).toBeNull()
    expect(parseLockState({ locked: 'no', lastActivityAt: start, failedAttempts: 0 })).toBeNull()
    expect(parseLockState({ locked: false, lastActivityAt: start, failedAttempts: -1 })).toBeNull()
  })
})
