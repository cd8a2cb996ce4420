/**
 * The claims this device knows about, for every screen that shows them (the wanted gallery, a
 * person's profile, the claim banner): a snapshot of the wanted gallery from the server, kept
 * current by the live event stream and by the officer's own claim actions.
 *
 * The snapshot (`GET /api/wanted`) is audited by the server as a consultation, so it is fetched
 * only while a screen that shows claims is open: when the first such screen mounts and its copy is
 * older than a minute or was never fetched (once the event stream has opened, if it is opening),
 * and again whenever the event stream says events may have been missed (re-sync). Events that
 * arrive while a snapshot is on its way are applied again on top of it, so nothing that happened
 * meanwhile is lost (claims-state.ts has the rules).
 *
 * Offline behaviour: the state is also kept on the device (lib/claim-snapshot.ts) after each fetch
 * and live change, and read back at start, so after a reload with no network screens show the last
 * claim state known, with the time it was known (`asOf`), and say it may be out of date. Only with
 * no snapshot (a first sign-in with no network) do they say the claim state is not known. The device
 * erase clears both copies. The wanted people themselves come from the synced package in Dexie.
 */
import { useEffect } from 'react'
import type { Claim, WantedEntry } from '../../shared/api/claims.ts'
import { eventTypes, type KestrelEvent } from '../../shared/api/events.ts'
import { errorMessage } from './api-client.ts'
import { clearAlerts } from './app-alerts.ts'
import { getWanted } from './api/get-wanted.ts'
import { loadClaimSnapshot, saveClaimSnapshot, underCurrent } from './claim-snapshot.ts'
import { applyClaim, applyClaimEvent, emptyClaimState, fromSnapshot, type ClaimState } from './claims-state.ts'
import { db } from './database.ts'
import { onDeviceErased } from './device-erase.ts'
import { onResync, streamStatusStore, subscribeToEvents } from './event-stream.ts'
import { createStore, useStore } from './external-store.ts'
import { serverNow } from './server-clock.ts'
import { reloadSpeakAlerts } from './speak-alerts.ts'
import { personName } from './subject-labels.ts'

export type ClaimsView = {
  claims: ClaimState
  /** The server's gallery at the last fetch, or null before one succeeded. */
  entries: readonly WantedEntry[] | null
  /** When this page last fetched the claim state whole (ms), or null. */
  fetchedAt: number | null
  /**
   * When the claim state shown was last known to be current (ms): a fetch, or a live change while
   * nothing was missed; after an offline reload, the time saved with the device's copy. Null when
   * nothing is known.
   */
  asOf: number | null
  /** Events may have been missed since: fetch again when a screen needs it. */
  stale: boolean
  loading: boolean
  /** Why the last fetch failed, for the officer. */
  error: string | null
}

const initial: ClaimsView = { claims: emptyClaimState, entries: null, fetchedAt: null, asOf: null, stale: true, loading: false, error: null }
export const claimsStore = createStore<ClaimsView>(initial)

const freshForMs = 60_000
/** Live changes come in bursts (a reconnect replays many): one device write per burst. */
const saveDelayMs = 1_000
const claimEventTypes = eventTypes.filter((type) => type.startsWith('claim.'))

/** Screens showing claims right now. */
let consumers = 0
let inFlight: Promise<void> | null = null
let fetchAgain = false
/** Events received while a snapshot is on its way, to apply again on top of it. */
let sinceFetchStarted: KestrelEvent[] | null = null
/** Bumped by the erase, so an answer in flight for the previous officer is dropped. */
let generation = 0
let saveTimer: ReturnType<typeof setTimeout> | null = null

/** Keep the current claim state on the device, shortly (see saveDelayMs). */
function scheduleSave(): void {
  if (saveTimer !== null) return
  const started = generation
  saveTimer = setTimeout(() => {
    saveTimer = null
    const { claims, asOf } = claimsStore.get()
    if (started !== generation || asOf === null) return
    saveClaimSnapshot(claims, asOf).catch((error: unknown) => console.error('Kestrel: the claim state could not be kept on the device', error))
  }, saveDelayMs)
}

/** Claims changed by a live event or the officer's own action; `asOf` moves only if nothing was missed. */
function setClaims(update: (claims: ClaimState) => ClaimState): void {
  const before = claimsStore.get()
  claimsStore.set((view) => {
    const claims = update(view.claims)
    if (claims === view.claims) return view
    return { ...view, claims, asOf: view.stale || view.asOf === null ? view.asOf : serverNow() }
  })
  if (claimsStore.get() !== before) scheduleSave()
}

/** Show the device's copy until a fetch brings the server's (at start; skipped if a fetch won). */
async function restoreClaims(): Promise<void> {
  const started = generation
  try {
    const restored = await loadClaimSnapshot()
    if (restored === null || started !== generation) return
    claimsStore.set((view) =>
      view.fetchedAt !== null ? view : { ...view, claims: underCurrent(restored.claims, view.claims), asOf: view.asOf ?? restored.asOf },
    )
  } catch (error) {
    console.error('Kestrel: the claim state kept on the device could not be read', error)
  }
}

async function fetchSnapshot(): Promise<void> {
  const started = generation
  sinceFetchStarted = []
  claimsStore.set((view) => ({ ...view, loading: true }))
  try {
    const entries = await getWanted()
    if (started !== generation) return
    const since = sinceFetchStarted
    const now = serverNow()
    claimsStore.set((view) => ({
      claims: fromSnapshot(view.claims, entries.map((entry) => entry.claim), since),
      entries,
      fetchedAt: now,
      asOf: now,
      stale: false,
      loading: false,
      error: null,
    }))
    scheduleSave()
  } catch (error) {
    if (started !== generation) return
    claimsStore.set((view) => ({ ...view, loading: false, error: errorMessage(error) }))
  } finally {
    if (started === generation) sinceFetchStarted = null
  }
}

/** Fetch the gallery and its claims now. Concurrent calls share one fetch (and queue one more). */
export function refreshClaims(): Promise<void> {
  if (inFlight) {
    fetchAgain = true
    return inFlight
  }
  inFlight = (async () => {
    do {
      fetchAgain = false
      await fetchSnapshot()
    } while (fetchAgain)
  })().finally(() => {
    inFlight = null
  })
  return inFlight
}

/** A claim the officer's own action returned: show it at once, before its event arrives. */
export function applyOwnClaim(claim: Claim): void {
  setClaims((claims) => applyClaim(claims, claim))
}

/** Mark the claim state as needing a fetch; fetch now if a screen shows it. */
export function markClaimsStale(): void {
  claimsStore.set((view) => (view.stale ? view : { ...view, stale: true }))
  if (consumers > 0) void refreshClaims()
}

/**
 * The claim state, for a screen that shows it. Mounting registers the screen as a consumer and
 * fetches when the state is stale or older than a minute.
 */
export function useClaims(): ClaimsView {
  useEffect(() => {
    consumers += 1
    const stopWaiting = fetchIfDue()
    return () => {
      consumers -= 1
      stopWaiting()
    }
  }, [])
  return useStore(claimsStore)
}

function fetchDue(): boolean {
  const view = claimsStore.get()
  // Many panels mount at once (a page of cards): one fetch serves them all.
  return !inFlight && (view.stale || view.fetchedAt === null || serverNow() - view.fetchedAt > freshForMs)
}

/** How long a screen waits for the event stream to open before it fetches the claims anyway. */
const streamOpenWaitMs = 3_000

/**
 * Fetches the claim state when it is due. While the event stream is still opening, it waits: the
 * stream's first frame asks for a fetch (a re-sync) when the device may have missed events, and a
 * fetch made just before would be made again, the whole gallery downloaded, parsed and audited
 * twice as a screen opens. Returns a function that stops the wait.
 */
function fetchIfDue(): () => void {
  if (!fetchDue()) return () => {}
  if (streamStatusStore.get() !== 'connecting') {
    void refreshClaims()
    return () => {}
  }
  let waiting = true
  const timers: number[] = []
  const fetchIfStillDue = (): void => {
    if (!waiting) return
    stop()
    if (fetchDue()) void refreshClaims()
  }
  // A task later: the stream sets its status before it asks for the re-sync, whose fetch this joins.
  const unsubscribe = streamStatusStore.subscribe(() => {
    if (streamStatusStore.get() !== 'connecting') timers.push(window.setTimeout(fetchIfStillDue, 0))
  })
  timers.push(window.setTimeout(fetchIfStillDue, streamOpenWaitMs))
  function stop(): void {
    waiting = false
    unsubscribe()
    for (const timer of timers) window.clearTimeout(timer)
  }
  return stop
}

/** The active claim on one person, or null. */
export function useClaimOn(personId: string): Claim | null {
  return useClaims().claims.active.get(personId) ?? null
}

/** A person's name for a banner: from the gallery snapshot, else the synced package. */
export async function wantedPersonName(personId: string): Promise<string | null> {
  const entry = claimsStore.get().entries?.find((candidate) => candidate.personId === personId)
  if (entry) return personName(entry)
  try {
    const person = await db.people.get(personId)
    return person ? personName(person) : null
  } catch {
    return null
  }
}

/**
 * Wire the store to the event stream and the device erase (which also clears the claim banner and
 * re-reads the erased "Speak alerts" setting), and show the claim state kept on the device until a
 * fetch replaces it. Call once at start.
 */
export function startClaimsStore(): void {
  subscribeToEvents((event) => {
    sinceFetchStarted?.push(event)
    setClaims((claims) => applyClaimEvent(claims, event))
  }, claimEventTypes)
  onResync(markClaimsStale)
  void restoreClaims()
  onDeviceErased(() => {
    generation += 1
    sinceFetchStarted = null
    if (saveTimer !== null) clearTimeout(saveTimer)
    saveTimer = null
    claimsStore.set(initial)
    clearAlerts()
    reloadSpeakAlerts()
  })
}
