import { describe, expect, it, vi } from 'vitest'
import type { User } from '../../shared/api/auth.ts'
import type { AccountRecord } from './database.ts'
import { createStore } from './external-store.ts'
import { confirmSessionWith, type SessionState } from './session-confirm.ts'

const officer: User = { id: 7, collarNumber: '1007', name: 'PC Jo Bloggs', role: 'officer', areaId: 'A1' }
const signedIn: SessionState = { status: 'signed-in', user: officer, expiresAt: null, pinSet: true }
const answer = (user: User = officer) => ({ user, session: { expiresAt: '2026-12-07T20:00:00.000Z' } })

/** The session store, with every state it passes through. */
function watchedSession(initial: SessionState) {
  const session = createStore<SessionState>(initial)
  const states: SessionState['status'][] = []
  session.subscribe(() => states.push(session.get().status))
  return { session, states }
}

describe('confirmSessionWith (the answer of /api/me)', () => {
  it('keeps the confirmed account and shows its end time and details', async () => {
    const { session } = watchedSession(signedIn)
    const kept: AccountRecord[] = []
    const renamed = { ...officer, name: 'PS Jo Bloggs' }
    await confirmSessionWith(answer(renamed), { session, keepAccount: async (a) => kept.push(a), endSession: vi.fn(), now: () => 1000 })
    expect(kept).toEqual([{ key: 'current', user: renamed, expiresAt: '2026-12-07T20:00:00.000Z', confirmedAt: 1000 }])
    expect(session.get()).toEqual({ status: 'signed-in', user: renamed, expiresAt: '2026-12-07T20:00:00.000Z', pinSet: true })
  })

  it('never signs the session in again when the officer signs out while the answer is being stored', async () => {
    const { session, states } = watchedSession(signedIn)
    // The sign-out begins during the write, as a tap on "Sign out" can.
    const keepAccount = async () => {
      session.set({ status: 'ending' })
      await Promise.resolve()
    }
    await confirmSessionWith(answer(), { session, keepAccount, endSession: vi.fn(), now: Date.now })
    expect(session.get()).toEqual({ status: 'ending' })
    expect(states).toEqual(['ending'])
  })

  it('stores nothing from an answer that arrives after the sign-out began', async () => {
    for (const state of [{ status: 'ending' }, { status: 'signed-out', notice: null }] satisfies SessionState[]) {
      const { session, states } = watchedSession(state)
      const keepAccount = vi.fn(async () => {})
      await confirmSessionWith(answer(), { session, keepAccount, endSession: vi.fn(), now: Date.now })
      expect(keepAccount).not.toHaveBeenCalled()
      expect(states).toEqual([])
    }
  })

  it('ends the session when the server answers for another officer, and keeps nothing of theirs', async () => {
    const { session } = watchedSession(signedIn)
    const keepAccount = vi.fn(async () => {})
    const endSession = vi.fn(async () => {})
    await confirmSessionWith(answer({ ...officer, id: 8, collarNumber: '1008' }), { session, keepAccount, endSession, now: Date.now })
    expect(endSession).toHaveBeenCalledWith('unauthenticated')
    expect(keepAccount).not.toHaveBeenCalled()
  })
})
