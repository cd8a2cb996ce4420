/**
 * Erasing Kestrel's data from this device: the one place that knows everything Kestrel stores.
 * It runs at sign-out, when the server says the session expired or was revoked, and after too
 * many wrong PINs.
 *
 * It removes: the Dexie database `kestrel` (the briefing package, the outbox, the account and
 * PIN; and any other IndexedDB database whose name starts with `kestrel`), the service worker's
 * `workbox-expiration` bookkeeping (it lists the photo and document URLs cached), every Cache
 * Storage cache except the service worker's app-shell precache (that holds code and icons only,
 * and keeps the app opening offline for the next officer) — so `kestrel-media`, the photos and
 * documents, goes too — all of sessionStorage, every `kestrel.` localStorage key, and the
 * in-memory query cache.
 *
 * Offline behaviour: erasing needs no network and always runs to the end. Each part is attempted
 * even when another fails, and failures are logged rather than thrown so a sign-out is never
 * blocked. Tables are cleared before the database is deleted, because deletion waits for other
 * tabs to close their connections and the data must be gone even if that wait runs out.
 *
 * Late writes: background downloads are stopped first (`onBeforeErase`), and the service worker is
 * told to store nothing from a request it began before the erase, so a photo or tile arriving just
 * after cannot re-create a cache the erase removed.
 */
import { Dexie } from 'dexie'
import { db, kestrelDatabaseName } from './database.ts'
import { queryClient } from './query-client.ts'
import { isKestrelLocalKey } from './storage.ts'

/** Workbox names its precache `workbox-precache-v2-<scope>`; nothing personal is ever in it. */
export function isErasableCacheName(name: string): boolean {
  return !name.includes('precache')
}

export function isKestrelDatabaseName(name: string): boolean {
  return name === kestrelDatabaseName || name.startsWith(`${kestrelDatabaseName}-`) || name.startsWith(`${kestrelDatabaseName}.`)
}

/** Workbox's expiration plugin keeps cached URLs (which people's photos) in this database. */
export const workboxExpirationDatabaseName = 'workbox-expiration'

const databaseDeleteTimeoutMs = 3_000

type ErasedListener = () => void
const erasedListeners = new Set<ErasedListener>()
type BeforeEraseListener = () => Promise<void>
const beforeEraseListeners = new Set<BeforeEraseListener>()

/**
 * Work that writes to the device in the background (the photo download) registers here to be
 * stopped before the erase starts, so nothing it does afterwards re-creates what was erased. Each
 * listener must bound its own time.
 */
export function onBeforeErase(listener: BeforeEraseListener): () => void {
  beforeEraseListeners.add(listener)
  return () => beforeEraseListeners.delete(listener)
}

/** In-memory stores subscribe here to drop what they hold once the device has been erased. */
export function onDeviceErased(listener: ErasedListener): () => void {
  erasedListeners.add(listener)
  return () => erasedListeners.delete(listener)
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))])
}

async function eraseDatabases(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })
  // Keep auto-open on, so the next officer's sign-in gets a fresh, empty database.
  await withTimeout(db.delete({ disableAutoOpen: false }), databaseDeleteTimeoutMs)

  if (typeof indexedDB.databases === 'function') {
    const others = (await indexedDB.databases())
      .map((info) => info.name)
      .filter((name): name is string => name !== undefined && name !== kestrelDatabaseName && isKestrelDatabaseName(name))
    await Promise.all(others.map((name) => withTimeout(Dexie.delete(name), databaseDeleteTimeoutMs)))
  }
  // Not awaited: the service worker keeps this database open, so the deletion completes when the
  // worker next stops; the request stays queued in the browser until then.
  indexedDB.deleteDatabase(workboxExpirationDatabaseName)
}

/** Must match the message src/sw.ts answers. */
const eraseMessage = { type: 'ERASE' } as const
const serviceWorkerAnswerTimeoutMs = 1_000

/**
 * Tell the service worker the caches are about to go: it then stores nothing from a request it
 * began before (a photo or tile still downloading would otherwise re-create its cache). Waits for
 * its answer, at most a second; with no worker in control there is nothing to wait for.
 */
async function fenceServiceWorker(): Promise<void> {
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null
  if (!worker) return
  const channel = new MessageChannel()
  const answered = new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve()
  })
  worker.postMessage(eraseMessage, [channel.port2])
  await withTimeout(answered, serviceWorkerAnswerTimeoutMs)
  channel.port1.close()
}

async function eraseCaches(): Promise<void> {
  if (!('caches' in globalThis)) return
  await fenceServiceWorker()
  const names = await caches.keys()
  await Promise.all(names.filter(isErasableCacheName).map((name) => caches.delete(name)))
}

function eraseWebStorage(): void {
  sessionStorage.clear()
  const keys: string[] = []
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index)
    if (key !== null && isKestrelLocalKey(key)) keys.push(key)
  }
  for (const key of keys) localStorage.removeItem(key)
}

/**
 * For a tab whose storage another tab has just erased: drop what this page still holds in memory.
 */
export function forgetInMemoryData(): void {
  queryClient.clear()
  for (const listener of erasedListeners) listener()
}

export async function eraseDeviceData(): Promise<void> {
  // Memory first: no screen may render the old officer's data while the rest is being removed.
  queryClient.clear()
  // Background writers stop first: whatever they did after the erase would re-create what it removed.
  const stopped = await Promise.allSettled([...beforeEraseListeners].map((listener) => listener()))
  const erased = await Promise.allSettled([
    eraseDatabases(),
    eraseCaches(),
    Promise.resolve().then(eraseWebStorage),
  ])
  for (const result of [...stopped, ...erased]) {
    if (result.status === 'rejected') console.error('Kestrel: part of the device erase failed', result.reason)
  }
  for (const listener of erasedListeners) listener()
}
