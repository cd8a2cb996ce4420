/**
 * Patrol mode: geofence voice prompts while the officer is out. One tap turns it on (the same tap
 * unlocks speech, as browsers require); it then watches the position with high accuracy, keeps the
 * screen on with the Wake Lock API, and feeds every fix to the shared geofence engine over fences
 * built on this device from the synced package (shared/geofence/fences.ts). On entering fences it
 * says one short en-GB sentence, highest priority first, through the device's one speech queue
 * (never over another utterance), shows a banner that opens the person or the briefing item, and
 * logs the prompt in Dexie (`promptLog`) for the officer's own history. Muted, or quiet for 30
 * minutes: banner and log only. No voice on the device: banner and vibration.
 *
 * Offline behaviour: nothing here needs the network. Fences follow the package as sync changes it
 * (a Dexie live query); a package past its `staleAfter` gives no prompts, as no screen shows it.
 * Browsers give no position to a hidden page, so prompts need Kestrel on screen; nothing is said
 * or shown while the device is locked. Sign-out (the device erase) turns patrol mode off.
 */
import { liveQuery, type Subscription } from 'dexie'
import type { Fix, GeofenceEngine } from '../../shared/geofence/engine.ts'
import type { PromptFence, TrendCellInput } from '../../shared/geofence/fences.ts'
import type * as PatrolGeofence from './patrol-geofence.ts'
import { db, type PackageMeta, type PromptLogRecord } from './database.ts'
import { onDeviceErased } from './device-erase.ts'
import { isDeviceLocked } from './device-lock.ts'
import { createStore, useStore } from './external-store.ts'
import { isPackageStale } from './package-merge.ts'
import { serverNow } from './server-clock.ts'
import { cancelSpeech, hasVoice, primeSpeech, speakQueued, speechAvailable } from './speech-queue.ts'
import { localKeys, readLocal, removeLocal, writeLocal } from './storage.ts'

export const quietForMs = 30 * 60_000
/** A person's or area's label is not prompted twice within this (their several fences). */
const repeatLabelAfterMs = 15 * 60_000
const vibrationPattern = [300, 150, 300]

export type PatrolState = {
  on: boolean
  position: 'waiting' | 'ok' | 'denied' | 'unavailable' | 'unsupported'
  accuracyM: number | null
  wakeLock: 'held' | 'unsupported' | 'refused' | 'off'
  /** Fences watched now; null until built. */
  fences: number | null
  /** The package is past its staleAfter or absent: no prompts. */
  packageUsable: boolean
  /** Whether the device has a voice to speak with (browsers list voices a moment after load). */
  voice: boolean
}

export type PromptSettings = { muted: boolean; quietUntil: number }

export type GeofencePrompt = { at: number; sentence: string; fences: PromptFence[]; delivery: PromptLogRecord['delivery'] }

const offState: PatrolState = { on: false, position: 'waiting', accuracyM: null, wakeLock: 'off', fences: null, packageUsable: true, voice: true }

export const patrolStore = createStore<PatrolState>(offState)
export const promptSettingsStore = createStore<PromptSettings>({ muted: readLocal(localKeys.promptsMuted) === '1', quietUntil: 0 })
/** The latest prompt, for the banner; null once dismissed. */
export const promptBannerStore = createStore<GeofencePrompt | null>(null)

export const usePatrolState = (): PatrolState => useStore(patrolStore)
export const usePromptSettings = (): PromptSettings => useStore(promptSettingsStore)
export const useGeofencePrompt = (): GeofencePrompt | null => useStore(promptBannerStore)

type Geofence = typeof PatrolGeofence

/** The engine and the fences' live query, once the geofence code has loaded. */
type Watching = {
  geofence: Geofence
  engine: GeofenceEngine
  fencesSubscription: Subscription
  /** Builds the fences again each minute: briefing fences come and go with their hours and validity. */
  refreshTimer: number
}

type Running = {
  watching: Watching | null
  fences: Map<string, PromptFence>
  meta: PackageMeta | null
  watchId: number | null
  wakeLock: WakeLockSentinel | null
  lastPrompted: Map<string, number>
}
let running: Running | null = null

function patch(next: Partial<PatrolState>): void {
  patrolStore.set((state) => ({ ...state, ...next }))
}

/** The rule every screen follows: nothing from a package past its staleAfter (or before the first sync). */
function packageUsable(meta: PackageMeta | null): boolean {
  return meta !== null && !isPackageStale(meta, serverNow())
}

type FenceData = { fences: PromptFence[]; meta: PackageMeta | null }

/** Reads what the fences are made of; a live query, so it runs again when sync changes the package. */
async function loadFenceData({ buildFences }: Geofence): Promise<FenceData> {
  const meta = await db.meta.get('package')
  if (!meta) return { fences: [], meta: null }
  const people = await db.people.filter((person) => person.wanted !== null).toArray()
  const addressIds = new Set<string>()
  for (const person of people) {
    if (person.addressId) addressIds.add(person.addressId)
    for (const link of person.links) if (link.kind === 'address') addressIds.add(link.id)
  }
  const [addresses, briefingItems, markerTypes] = await Promise.all([
    db.addresses.bulkGet([...addressIds]),
    db.briefingItems.toArray(),
    db.markerTypes.toArray(),
  ])
  // Crime-trend cells arrive with the package once the device stores them (issue 6); until a
  // `trendCells` table exists there are none to watch.
  const trendTable = db.tables.find((table) => table.name === 'trendCells')
  const trendCells = trendTable ? ((await trendTable.toArray()) as TrendCellInput[]) : []
  const fences = buildFences({
    people,
    addresses: addresses.filter((address) => address !== undefined),
    briefingItems,
    markerTypes,
    trendCells,
    now: Date.now(),
  })
  return { fences, meta }
}

function applyFences(data: FenceData): void {
  if (!running?.watching) return
  running.watching.engine.setFences(data.fences)
  running.fences = new Map(data.fences.map((fence) => [fence.id, fence]))
  running.meta = data.meta
  patch({ fences: data.fences.length, packageUsable: packageUsable(data.meta) })
}

async function requestWakeLock(): Promise<void> {
  if (!running) return
  if (!('wakeLock' in navigator)) {
    patch({ wakeLock: 'unsupported' })
    return
  }
  try {
    const sentinel = await navigator.wakeLock.request('screen')
    if (!running) {
      void sentinel.release()
      return
    }
    running.wakeLock = sentinel
    patch({ wakeLock: 'held' })
    sentinel.addEventListener('release', () => {
      if (running?.wakeLock === sentinel) patch({ wakeLock: 'off' })
    })
  } catch {
    patch({ wakeLock: 'refused' })
  }
}

function onVoicesChanged(): void {
  if (running) patch({ voice: hasVoice() })
}

/** The browser drops the wake lock when the page is hidden: take it again on return. */
function onVisibilityChange(): void {
  if (running && document.visibilityState === 'visible' && patrolStore.get().wakeLock !== 'held') void requestWakeLock()
}

function deliveryNow(now: number): PromptLogRecord['delivery'] {
  const settings = promptSettingsStore.get()
  if (settings.muted) return 'muted'
  if (now < settings.quietUntil) return 'quiet'
  return hasVoice() ? 'spoken' : 'no-voice'
}

function prompt(entered: PromptFence[], fix: Fix, { promptSentence }: Geofence): void {
  if (!running) return
  const now = Date.now()
  const fresh = entered.filter((fence) => now - (running!.lastPrompted.get(fence.label) ?? -Infinity) >= repeatLabelAfterMs)
  if (fresh.length === 0) return
  for (const fence of fresh) running.lastPrompted.set(fence.label, now)
  const sentence = promptSentence(fresh)
  const delivery = deliveryNow(now)
  if (delivery === 'spoken') speakQueued(sentence)
  else if (delivery === 'no-voice' && typeof navigator.vibrate === 'function') navigator.vibrate(vibrationPattern)
  const fences = [...fresh].sort((a, b) => a.priority - b.priority)
  promptBannerStore.set({ at: now, sentence, fences, delivery })
  const record: Omit<PromptLogRecord, 'seq'> = {
    at: now,
    lat: fix.lat,
    lng: fix.lng,
    accuracyM: fix.accuracyM,
    sentence,
    fences: fences.map(({ id, label, reason, priority, target }) => ({ id, label, reason, priority, target })),
    delivery,
  }
  void db.promptLog.add(record).catch((error: unknown) => console.error('Kestrel: a prompt could not be logged', error))
}

function onPosition(position: GeolocationPosition): void {
  if (!running) return
  // The time the fix reached the page, not `position.timestamp`: some devices stamp fixes on another
  // clock (GPS time), and with maximumAge 0 the two differ by milliseconds. One clock for the
  // engine's speed and crossing rules also lets tests drive time with a fake clock.
  const fix: Fix = { lat: position.coords.latitude, lng: position.coords.longitude, accuracyM: position.coords.accuracy, timestamp: Date.now() }
  patch({ position: 'ok', accuracyM: Math.round(fix.accuracyM) })
  // Until the geofence code has loaded (a moment after the tap) there are no fences to cross.
  const watching = running.watching
  if (!watching) return
  const events = watching.engine.update(fix)
  // Events stay in the engine's order: priority 1 first (rule 5).
  const entered = events.flatMap((event) => (event.type === 'enter' ? (running!.fences.get(event.fenceId) ?? []) : []))
  if (entered.length === 0) return
  const usable = packageUsable(running.meta)
  if (!usable) patch({ packageUsable: false })
  if (!usable || isDeviceLocked()) return
  prompt(entered, fix, watching.geofence)
}

function onPositionError(error: GeolocationPositionError): void {
  patch({ position: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' })
}

/** Turn patrol mode on. Call from the officer's tap: it unlocks speech. */
export function startPatrol(): void {
  if (running) return
  const { muted } = promptSettingsStore.get()
  // The tap's utterance unlocks speech; a muted officer gets a silent one.
  primeSpeech(muted ? undefined : 'Patrol mode on.')
  const started: Running = { watching: null, fences: new Map(), meta: null, watchId: null, wakeLock: null, lastPrompted: new Map() }
  running = started
  void import('./patrol-geofence.ts').then(
    (geofence) => {
      // Turned off (or off and on again) while the code loaded: that run is over.
      if (running !== started) return
      const fail = (error: unknown): void => console.error('Kestrel: geofences could not be built', error)
      const fencesSubscription = liveQuery(() => loadFenceData(geofence)).subscribe({ next: applyFences, error: fail })
      // The engine keeps each fence's state by id, so a rebuild reports a fence that has just become
      // active (an analyst's fence at the start of its hours) when the officer is already inside it.
      const refreshTimer = window.setInterval(() => {
        loadFenceData(geofence).then(applyFences, fail)
      }, 60_000)
      started.watching = { geofence, engine: geofence.createGeofenceEngine([]), fencesSubscription, refreshTimer }
    },
    (error: unknown) => {
      console.error('Kestrel: the geofence code could not be loaded', error)
      if (running === started) patch({ fences: 0 })
    },
  )
  patrolStore.set({ ...offState, on: true, voice: hasVoice() })
  if (speechAvailable()) window.speechSynthesis.addEventListener('voiceschanged', onVoicesChanged)
  if ('geolocation' in navigator) {
    running.watchId = navigator.geolocation.watchPosition(onPosition, onPositionError, { enableHighAccuracy: true, maximumAge: 0, timeout: 60_000 })
  } else {
    patch({ position: 'unsupported' })
  }
  document.addEventListener('visibilitychange', onVisibilityChange)
  void requestWakeLock()
}

export function stopPatrol(): void {
  const stopping = running
  running = null
  if (!stopping) return
  if (stopping.watchId !== null) navigator.geolocation.clearWatch(stopping.watchId)
  stopping.watching?.fencesSubscription.unsubscribe()
  if (stopping.watching) window.clearInterval(stopping.watching.refreshTimer)
  void stopping.wakeLock?.release().catch(() => {})
  document.removeEventListener('visibilitychange', onVisibilityChange)
  if (speechAvailable()) window.speechSynthesis.removeEventListener('voiceschanged', onVoicesChanged)
  cancelSpeech()
  promptBannerStore.set(null)
  patrolStore.set(offState)
}

export function setPromptsMuted(muted: boolean): void {
  if (muted) {
    writeLocal(localKeys.promptsMuted, '1')
    cancelSpeech()
  } else {
    removeLocal(localKeys.promptsMuted)
  }
  promptSettingsStore.set((settings) => ({ ...settings, muted }))
}

/** "Quiet for 30 minutes": banners and log only until then. */
export function quietPrompts(now = Date.now()): void {
  cancelSpeech()
  promptSettingsStore.set((settings) => ({ ...settings, quietUntil: now + quietForMs }))
}

export function endQuiet(): void {
  promptSettingsStore.set((settings) => ({ ...settings, quietUntil: 0 }))
}

export function dismissPrompt(): void {
  promptBannerStore.set(null)
}

onDeviceErased(() => {
  stopPatrol()
  promptSettingsStore.set({ muted: false, quietUntil: 0 })
})
