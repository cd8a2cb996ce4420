/**
 * The officer's session on this device: who is signed in, whether the app PIN is set, and the ways
 * a session ends. Every ending (sign-out, expiry, revocation, too many wrong PINs) goes through
 * `endSession`, which erases the device and leaves a message for the sign-in page.
 *
 * Offline behaviour: the session is restored from the last `/api/me` answer kept in Dexie, so a
 * reload with no network opens the signed-in app (behind the lock rules). A network failure never
 * ends a session; only the server saying so (401 unauthenticated / session_expired /
 * session_revoked, at the next contact) or the session's own end time passing does. A sign-out
 * made offline is sent to the server when the device is next online.
 *
 * Other tabs of the same origin follow through a BroadcastChannel: a sign-out in one tab signs out
 * all, and a sign-in in one is picked up by the others.
 */
import { queryOptions } from '@tanstack/react-query'
import type { MeResponse, User } from '../../shared/api/auth.ts'
import { NetworkError, onSessionEnded } from './api-client.ts'
import { clientConfigStore } from './api/get-client-config.ts'
import { getMe } from './api/get-me.ts'
import { logout } from './api/logout.ts'
import { db } from './database.ts'
import { eraseDeviceData, forgetInMemoryData } from './device-erase.ts'
import { evaluateIdle, resetLock } from './device-lock.ts'
import { createStore, useStore } from './external-store.ts'
import { confirmSessionWith, type SessionState } from './session-confirm.ts'
import { serverNow } from './server-clock.ts'
import { idleLockMs } from './idle-lock.ts'
import type { SignOutReason } from './sign-out-notices.ts'
import { signOutNotice } from './sign-out-notices.ts'
import { localKeys, readLocal, removeLocal, writeLocal } from './storage.ts'

export type { SessionState }

export const sessionStore = createStore<SessionState>({ status: 'loading' })

export function useSession(): SessionState {
  return useStore(sessionStore)
}

/** The signed-in officer, or null in the moment a session is ending (pages then render nothing). */
export function useSignedInUser(): User | null {
  const session = useSession()
  return session.status === 'signed-in' ? session.user : null
}

type TabMessage = { type: 'signed-out'; notice: string } | { type: 'signed-in' }

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('kestrel-session') : null

function tellOtherTabs(message: TabMessage): void {
  channel?.postMessage(message)
}

/** Restore the session kept on this device. Runs once at start, before the first screen. */
export async function bootSession(): Promise<void> {
  try {
    const [account, pin] = await Promise.all([db.account.get('current'), db.pin.get('current')])
    if (!account) {
      // A PIN without an account is a half-finished erase: finish it.
      if (pin) await eraseDeviceData()
      sessionStore.set({ status: 'signed-out', notice: null })
      void retryPendingLogout()
      return
    }
    // Decide the lock against the clock before anything of the session is on screen.
    evaluateIdle(Date.now(), idleLockMs(clientConfigStore.get().idleLockMinutes))
    sessionStore.set({ status: 'signed-in', user: account.user, expiresAt: account.expiresAt, pinSet: pin !== undefined })
  } catch (error) {
    // IndexedDB unavailable (some private modes) or broken: this device cannot hold a session.
    console.error('Kestrel: could not read the device database', error)
    sessionStore.set({ status: 'signed-out', notice: null })
  }
}

/** After a successful sign-in: keep the officer on the device and open a fresh lock. */
export async function startSession(user: User): Promise<void> {
  removeLocal(localKeys.pendingLogout)
  const previous = await db.account.get('current')
  // Never let one officer's cached data sit under another's session.
  if (previous && previous.user.id !== user.id) await eraseDeviceData()
  await db.account.put({ key: 'current', user, expiresAt: null, confirmedAt: Date.now() })
  const pin = await db.pin.get('current')
  resetLock(Date.now())
  sessionStore.set({ status: 'signed-in', user, expiresAt: null, pinSet: pin !== undefined })
  tellOtherTabs({ type: 'signed-in' })
}

/** The app PIN has just been stored. */
export function markPinSet(): void {
  const state = sessionStore.get()
  if (state.status === 'signed-in') sessionStore.set({ ...state, pinSet: true })
}

/** Store what the server just confirmed about this session. */
function confirmSession(me: MeResponse): Promise<void> {
  return confirmSessionWith(me, {
    session: sessionStore,
    keepAccount: (account) => db.account.put(account),
    endSession,
    now: Date.now,
  })
}

/**
 * Ask the server about this session. A 401 ends it through the API client's listener; a network
 * failure leaves it as it is.
 */
export async function checkSession(signal?: AbortSignal): Promise<MeResponse> {
  const me = await getMe(signal)
  await confirmSession(me)
  return me
}

export const sessionCheckQueryOptions = queryOptions({
  queryKey: ['session', 'me'],
  queryFn: ({ signal }) => checkSession(signal),
  staleTime: 0,
  retry: false,
})

/**
 * The session's end time has passed by this device's clock. Ask the server, which decides and
 * explains; if it cannot be reached, end the session here so an offline device does not keep an
 * expired officer's data.
 */
export async function expireSessionIfDue(): Promise<void> {
  const state = sessionStore.get()
  if (state.status !== 'signed-in' || state.expiresAt === null) return
  if (Date.parse(state.expiresAt) > serverNow()) return
  try {
    await checkSession()
  } catch (error) {
    if (error instanceof NetworkError) await endSession('session_expired')
  }
}

let ending: Promise<void> | null = null

type BeforeSignOutListener = () => Promise<void>
const beforeSignOutListeners = new Set<BeforeSignOutListener>()

/**
 * Work to finish before an officer's own sign-out erases the device, such as sending queued audit
 * records. Each listener must bound its own time; a failure never blocks the sign-out.
 */
export function onBeforeSignOut(listener: BeforeSignOutListener): () => void {
  beforeSignOutListeners.add(listener)
  return () => beforeSignOutListeners.delete(listener)
}

/**
 * End the session: tell the server when the officer or the PIN limit ended it, erase the device,
 * and go to sign-in with a message saying why. Concurrent calls (a burst of 401s) end it once.
 */
export function endSession(reason: SignOutReason): Promise<void> {
  if (ending) return ending
  if (sessionStore.get().status === 'signed-out') return Promise.resolve()
  const notice = signOutNotice(reason, clientConfigStore.get().maxPinAttempts)
  const tellServer = reason === 'signed_out' || reason === 'pin_attempts'
  sessionStore.set({ status: 'ending' })
  ending = (async () => {
    // Only when the session is still valid on the server: after a revocation or expiry it would refuse.
    if (tellServer) await Promise.allSettled([...beforeSignOutListeners].map((listener) => listener()))
    const [serverResult] = await Promise.allSettled([tellServer ? logout() : Promise.resolve(), eraseDeviceData()])
    // Written after the erase (which clears kestrel.* keys) so it survives it.
    if (tellServer && serverResult.status === 'rejected' && serverResult.reason instanceof NetworkError) {
      writeLocal(localKeys.pendingLogout, '1')
    }
    sessionStore.set({ status: 'signed-out', notice })
    tellOtherTabs({ type: 'signed-out', notice })
  })().finally(() => {
    ending = null
  })
  return ending
}

/** Clear the sign-in page's message once it has been read and the officer moves on. */
export function clearSignOutNotice(): void {
  const state = sessionStore.get()
  if (state.status === 'signed-out' && state.notice !== null) sessionStore.set({ status: 'signed-out', notice: null })
}

/** A sign-out made while offline still has to end the session on the server. */
async function retryPendingLogout(): Promise<void> {
  if (readLocal(localKeys.pendingLogout) === null) return
  // Only while signed out here: after a new sign-in the cookie belongs to the new session.
  if (sessionStore.get().status !== 'signed-out') return
  try {
    await logout()
    removeLocal(localKeys.pendingLogout)
  } catch {
    // Still offline: try again at the next `online` event or start.
  }
}

function onTabMessage(message: TabMessage): void {
  const status = sessionStore.get().status
  if (message.type === 'signed-out' && (status === 'signed-in' || status === 'loading')) {
    // The other tab erased the device's storage; drop what this page still holds in memory.
    forgetInMemoryData()
    sessionStore.set({ status: 'signed-out', notice: message.notice })
  } else if (message.type === 'signed-in' && status === 'signed-out') {
    void bootSession()
  }
}

function isTabMessage(data: unknown): data is TabMessage {
  if (typeof data !== 'object' || data === null || !('type' in data)) return false
  if (data.type === 'signed-in') return true
  return data.type === 'signed-out' && 'notice' in data && typeof data.notice === 'string'
}

/** Wire the session to the API client, other tabs and connectivity, then restore it. Call once. */
export function startSessionServices(): Promise<void> {
  onSessionEnded((code) => void endSession(code))
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isTabMessage(event.data)) onTabMessage(event.data)
  })
  window.addEventListener('online', () => void retryPendingLogout())
  return bootSession()
}
