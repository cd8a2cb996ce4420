/**
 * Storing what the server just confirmed about the session (`/api/me`), apart from session.ts so
 * its ordering can be tested without a browser: the answer may arrive while the officer signs out,
 * and nothing of it may bring the session back once its end has begun.
 */
import type { MeResponse, User } from '../../shared/api/auth.ts'
import type { AccountRecord } from './database.ts'
import type { Store } from './external-store.ts'

export type SessionState =
  | { status: 'loading' }
  /** Erasing the device: nothing may be shown or signed into until it is done. */
  | { status: 'ending' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; user: User; expiresAt: string | null; pinSet: boolean }

export type ConfirmSteps = {
  session: Store<SessionState>
  /** Keeps the confirmed account on the device (Dexie's `account` table in the app). */
  keepAccount: (account: AccountRecord) => Promise<unknown>
  /** Ends the session: the answer names another officer than the one signed in here. */
  endSession: (reason: 'unauthenticated') => Promise<void>
  now: () => number
}

export async function confirmSessionWith(me: MeResponse, { session, keepAccount, endSession, now }: ConfirmSteps): Promise<void> {
  const state = session.get()
  // Signed out (or signing out) meanwhile: an answer in flight must not bring the session back.
  if (state.status !== 'signed-in') return
  if (me.user.id !== state.user.id) {
    await endSession('unauthenticated')
    return
  }
  await keepAccount({ key: 'current', user: me.user, expiresAt: me.session.expiresAt, confirmedAt: now() })
  // Read again: a sign-out that began during the write must not be undone (it would let a sync
  // in flight store the package again after the erase).
  const current = session.get()
  if (current.status !== 'signed-in' || current.user.id !== me.user.id) return
  session.set({ ...current, user: me.user, expiresAt: me.session.expiresAt })
}
