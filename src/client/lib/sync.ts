/**
 * Keeping the briefing package on the device: the delta sync and the photos and documents that
 * come with it. Every feature that shows package data reads Dexie; only this module writes the
 * package.
 *
 * A sync sends the stored cursor, applies the answer (package-merge.ts) to the package tables in
 * one Dexie transaction together with the new cursor, so a sync interrupted at any point leaves
 * either the old package or the new one. It runs when the signed-in app opens (so at sign-in), every
 * 5 minutes while online and on screen, on reconnect, when the app comes back on screen after that
 * long, and on demand ("Sync now"). One sync runs at a time; the outbox is drained after each.
 *
 * Photos and documents: after each sync every URL the package names that Cache Storage
 * (`kestrel-media`) does not hold yet is downloaded, four at a time, those of people linked from
 * briefing items first; media of people no longer on the device are deleted. URLs carry the file's
 * content version (`?v=`), so a changed file is downloaded again and its old version, no longer
 * named, is deleted. The service worker answers `/api/media/*` from that cache, so photos and
 * documents open offline.
 *
 * Offline behaviour: no sync is attempted while the browser reports no network; a failed one
 * leaves the package as it was, and screens keep showing it until its `staleAfter` passes. A full
 * disk is reported in words, not thrown. Answers that arrive after the officer signed out (or
 * another officer signed in) are dropped, so one officer's data never lands on another's device.
 */
import { useEffect, useSyncExternalStore } from 'react'
import type { BriefingItem } from '../../shared/api/intel.ts'
import type { SyncResponse } from '../../shared/api/sync.ts'
import { ApiError, NetworkError } from './api-client.ts'
import { getSync } from './api/get-sync.ts'
import { db, type PackageMeta } from './database.ts'
import { onBeforeErase, onDeviceErased } from './device-erase.ts'
import { createStore, useStore } from './external-store.ts'
import { drainOutbox } from './outbox.ts'
import { outboxKinds } from './outbox-kinds.ts'
import { mediaToKeep, planSync, rowCount, trendCellsUpdate, type PendingTaskUpdate } from './package-merge.ts'
import { sessionStore } from './session.ts'
import { fullDeviceMessage, isQuotaError, requestPersistentStorage } from './storage.ts'

export const mediaCacheName = 'kestrel-media'
/** Must match src/sw.ts: requests carrying it are the page's own downloads into the cache. */
export const prefetchHeader = 'X-Kestrel-Prefetch'
export const syncIntervalMs = 5 * 60_000
const mediaConcurrency = 4
const progressIntervalMs = 250

export type SyncStatus = {
  running: boolean
  /** Why the last sync failed, for the officer; null after a success. */
  error: string | null
  /** Photos and documents being saved for offline use. */
  media: { saved: number; total: number } | null
  /** Why some photos or documents could not be saved. */
  mediaProblem: string | null
}

const idle: SyncStatus = { running: false, error: null, media: null, mediaProblem: null }
export const syncStatusStore = createStore<SyncStatus>(idle)

export function useSyncStatus(): SyncStatus {
  return useStore(syncStatusStore)
}

/** Whether a sync is running, alone: for views that must not re-render on every photo saved. */
export function useSyncRunning(): boolean {
  return useSyncExternalStore(syncStatusStore.subscribe, () => syncStatusStore.get().running)
}

/** Why the last sync failed, alone (see useSyncRunning). */
export function useSyncError(): string | null {
  return useSyncExternalStore(syncStatusStore.subscribe, () => syncStatusStore.get().error)
}

/** The sync answer belongs to another session than the one on the device now. */
class SessionChangedError extends Error {}

/** Roles the server sends a package to. */
function syncingUserId(): number | null {
  const state = sessionStore.get()
  if (state.status !== 'signed-in' || state.user.role === 'admin') return null
  return state.user.id
}

function stillSignedInAs(userId: number): boolean {
  return syncingUserId() === userId
}

async function pendingTaskUpdates(): Promise<PendingTaskUpdate[]> {
  const rows = await db.outbox.where('kind').equals('task.update').sortBy('seq')
  const collar = (() => {
    const state = sessionStore.get()
    return state.status === 'signed-in' ? state.user.collarNumber : null
  })()
  return rows.flatMap((row) => {
    if (row.state !== 'pending') return []
    const parsed = outboxKinds['task.update'].safeParse(row.payload)
    return parsed.success ? [{ ...parsed.data, by: collar }] : []
  })
}

async function applySync(response: SyncResponse, userId: number, durationMs: number, persisted: boolean | null): Promise<PackageMeta> {
  // The matching code loads with the first sync rather than with the app (and before the
  // transaction: it must not wait on anything but IndexedDB).
  const { withMatchFields } = await import('./person-match-keys.ts')
  const tables = [db.people, db.vehicles, db.addresses, db.briefingItems, db.markerTypes, db.areas, db.meta, db.outbox, db.trendCells]
  return db.transaction('rw', tables, async () => {
    if (!stillSignedInAs(userId)) throw new SessionChangedError()
    const incomingIds = response.put.briefingItems.map((item) => item.id)
    const localItems = await db.briefingItems.bulkGet(incomingIds)
    const local = new Map<string, BriefingItem>()
    for (const item of localItems) if (item) local.set(item.id, item)
    const plan = planSync(response, local, await pendingTaskUpdates())

    if (plan.full) {
      await Promise.all([db.people.clear(), db.vehicles.clear(), db.addresses.clear(), db.briefingItems.clear()])
    } else {
      await Promise.all([
        db.people.bulkDelete(plan.remove.people),
        db.vehicles.bulkDelete(plan.remove.vehicles),
        db.addresses.bulkDelete(plan.remove.addresses),
        db.briefingItems.bulkDelete(plan.remove.briefingItems),
      ])
    }
    await Promise.all([
      // Each person with their search keys, so checks find them offline (lib/person-match-keys.ts).
      db.people.bulkPut(plan.put.people.map(withMatchFields)),
      db.vehicles.bulkPut(plan.put.vehicles),
      db.addresses.bulkPut(plan.put.addresses),
      db.briefingItems.bulkPut(plan.put.briefingItems),
      db.markerTypes.clear().then(() => db.markerTypes.bulkPut(plan.reference.markerTypes)),
      db.areas.clear().then(() => db.areas.bulkPut(plan.reference.areas)),
    ])
    // Crime-trend cells for the map offline and patrol mode's fences: the whole set, or untouched.
    const trends = trendCellsUpdate(response)
    if (trends) {
      await db.trendCells.clear()
      await db.trendCells.bulkPut(trends.cells)
    }
    const previous = await db.meta.get('package')
    const meta: PackageMeta = {
      key: 'package',
      cursor: response.cursor,
      lastSyncAt: response.generatedAt,
      staleAfter: response.staleAfter,
      persisted: persisted ?? previous?.persisted ?? null,
      lastSync: { full: plan.full, rows: rowCount(plan), durationMs: Math.round(durationMs) },
      trendPeriod: trends ? trends.period : (previous?.trendPeriod ?? null),
      // The photos to keep follow the people and briefing items (and `media` names only new ones).
      mediaComplete: !plan.full && rowCount(plan) === 0 && response.media.length === 0 && previous?.mediaComplete === true,
    }
    await db.meta.put(meta)
    return meta
  })
}

async function fetchPackage(cursor: string | undefined): Promise<SyncResponse> {
  try {
    return await getSync(cursor)
  } catch (error) {
    // A cursor the server no longer understands (a reset database): start again with a full package.
    if (cursor !== undefined && error instanceof ApiError && error.status === 400) return getSync(undefined)
    throw error
  }
}

function syncErrorMessage(error: unknown): string {
  if (isQuotaError(error)) return fullDeviceMessage
  if (error instanceof NetworkError) return 'Kestrel could not reach the server to update the briefing. It will try again.'
  if (error instanceof ApiError) return `The briefing could not be updated. ${error.message}`
  return 'The briefing could not be updated. Kestrel will try again.'
}

async function runSync(): Promise<void> {
  const userId = syncingUserId()
  if (userId === null || !navigator.onLine) return
  syncStatusStore.set((status) => ({ ...status, running: true }))
  try {
    const meta = await db.meta.get('package')
    const started = performance.now()
    const response = await fetchPackage(meta?.cursor)
    // Asked once, at the first sync: the officer has just committed this device to the briefing.
    const persisted = meta ? null : await requestPersistentStorage()
    const stored = await applySync(response, userId, performance.now() - started, persisted)
    syncStatusStore.set((status) => ({ ...status, error: null }))
    void drainOutbox()
    // In the background: the next sync need not wait for a thousand photos.
    if (await mediaPassNeeded(stored)) refreshMedia(userId, response.media)
  } catch (error) {
    if (error instanceof SessionChangedError) return
    // A session that ended is handled by the session module (erase and sign-in page).
    syncStatusStore.set((status) => ({ ...status, error: syncErrorMessage(error) }))
    if (!(error instanceof NetworkError)) console.error('Kestrel: sync failed', error)
  } finally {
    syncStatusStore.set((status) => ({ ...status, running: false }))
  }
}

let running: Promise<void> | null = null

/** Bring the package up to date now. Concurrent calls share the sync in progress. */
export function syncNow(): Promise<void> {
  running ??= runSync().finally(() => {
    running = null
  })
  return running
}

let mediaRun: Promise<void> | null = null
let mediaAgain: { userId: number; named: Set<string> } | null = null
let mediaAbort: AbortController | null = null

// The erase waits for the download to stop: a file stored after it would re-create the cache.
onBeforeErase(async () => {
  mediaAgain = null
  mediaAbort?.abort()
  await mediaRun
})

/** Save photos and documents after a sync; a sync landing meanwhile queues one more pass. */
function refreshMedia(userId: number, named: readonly string[]): void {
  if (mediaRun) {
    mediaAgain = { userId, named: new Set([...(mediaAgain?.named ?? []), ...named]) }
    return
  }
  const abort = new AbortController()
  mediaAbort = abort
  mediaRun = (async () => {
    let next: { userId: number; named: Set<string> } | null = { userId, named: new Set(named) }
    while (next !== null && !abort.signal.aborted) {
      mediaAgain = null
      try {
        await saveMedia(next.userId, [...next.named], abort.signal)
      } catch (error) {
        if (isQuotaError(error)) syncStatusStore.set((status) => ({ ...status, mediaProblem: fullDeviceMessage }))
        else console.error('Kestrel: photos and documents could not be saved', error)
      }
      next = mediaAgain
    }
  })().finally(() => {
    mediaRun = null
    if (mediaAbort === abort) mediaAbort = null
    syncStatusStore.set((status) => ({ ...status, media: null }))
  })
}

/**
 * Download every photo and document the package names that the cache does not hold, and delete
 * those it no longer names. Stops at a full disk, and as soon as the session changes.
 */
async function saveMedia(userId: number, named: readonly string[], signal: AbortSignal): Promise<void> {
  if (!('caches' in globalThis)) return
  const [people, items, meta] = await db.transaction('r', db.people, db.briefingItems, db.meta, () =>
    Promise.all([db.people.toArray(), db.briefingItems.toArray(), db.meta.get('package')]))
  const wanted = mediaToKeep(people, items, named)
  const wantedSet = new Set(wanted)
  // Opening creates the cache: never once the session is ending (the erase may have deleted it).
  if (signal.aborted || !stillSignedInAs(userId)) return
  const cache = await caches.open(mediaCacheName)
  const held = new Set<string>()
  for (const request of await cache.keys()) {
    const url = new URL(request.url)
    const path = `${url.pathname}${url.search}`
    if (wantedSet.has(path)) held.add(path)
    else await cache.delete(request)
  }
  const missing = wanted.filter((url) => !held.has(url))
  if (missing.length === 0) {
    syncStatusStore.set((status) => ({ ...status, mediaProblem: null }))
    await markMediaComplete(userId, meta?.cursor, signal)
    return
  }

  let saved = 0
  let problem: string | null = null
  let stop = false
  let shownAt = 0
  const showProgress = (force: boolean): void => {
    // A few times a second at most: every screen showing the status re-renders.
    if (!force && Date.now() - shownAt < progressIntervalMs) return
    shownAt = Date.now()
    syncStatusStore.set((status) => ({ ...status, media: { saved, total: missing.length } }))
  }
  showProgress(true)
  const queue = [...missing]
  const worker = async (): Promise<void> => {
    for (let url = queue.shift(); url !== undefined && !stop && !signal.aborted; url = queue.shift()) {
      try {
        // The header tells the service worker to stay out of the way: this code stores the copy.
        const response = await fetch(url, { credentials: 'same-origin', headers: { [prefetchHeader]: '1' }, signal })
        if (response.status === 401 || response.status === 403) {
          // The session is over or changed: the session check deals with it; stop downloading.
          stop = true
          return
        }
        if (!response.ok) continue
        // Checked right before writing: a sign-out may have erased the cache meanwhile.
        if (signal.aborted || !stillSignedInAs(userId)) {
          stop = true
          return
        }
        await cache.put(url, response)
        saved += 1
        showProgress(false)
      } catch (error) {
        if (isQuotaError(error)) {
          problem = fullDeviceMessage
          stop = true
        } else if (!navigator.onLine) {
          stop = true
        }
        // Anything else (one file failing): the next sync tries it again.
      }
    }
  }
  await Promise.all(Array.from({ length: mediaConcurrency }, worker))
  syncStatusStore.set((status) => ({ ...status, mediaProblem: problem }))
  if (saved === missing.length && !stop) await markMediaComplete(userId, meta?.cursor, signal)
}

/** Unless the last pass found every file and the package has not changed since (and the cache is still there: a full disk may purge it). */
async function mediaPassNeeded(stored: PackageMeta): Promise<boolean> {
  if (!stored.mediaComplete) return true
  return 'caches' in globalThis && !(await caches.has(mediaCacheName))
}

/** Every file of the package as of `cursor` is on the device: until the package changes, no pass is needed. */
async function markMediaComplete(userId: number, cursor: string | undefined, signal: AbortSignal): Promise<void> {
  if (cursor === undefined || signal.aborted) return
  await db.transaction('rw', db.meta, async () => {
    const meta = await db.meta.get('package')
    // A sync that landed meanwhile may have named more; and nothing is written once the session is ending.
    if (meta?.cursor !== cursor || signal.aborted || !stillSignedInAs(userId)) return
    await db.meta.put({ ...meta, mediaComplete: true })
  })
}

/**
 * Run the sync schedule while the signed-in app is open: now, every 5 minutes while online and on
 * screen, on reconnect, and on return to the app when the last sync is that old.
 */
export function useSyncSchedule(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let lastAttempt = 0
    const sync = (): void => {
      lastAttempt = Date.now()
      void syncNow()
    }
    const onTick = (): void => {
      if (document.visibilityState === 'visible' && Date.now() - lastAttempt >= syncIntervalMs - 1_000) sync()
    }
    const onVisible = (): void => {
      if (document.visibilityState === 'visible' && Date.now() - lastAttempt >= syncIntervalMs) sync()
    }
    window.addEventListener('online', sync)
    document.addEventListener('visibilitychange', onVisible)
    const timer = window.setInterval(onTick, syncIntervalMs)
    sync()
    return () => {
      window.removeEventListener('online', sync)
      document.removeEventListener('visibilitychange', onVisible)
      window.clearInterval(timer)
    }
  }, [enabled])
}

/** Forget in-memory sync state once the device is erased. Call once at start. */
export function startSync(): void {
  onDeviceErased(() => syncStatusStore.set(idle))
}
