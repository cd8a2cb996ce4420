/**
 * The claims waiting in the outbox, for every claim panel on screen at once: one live query of the
 * outbox shared by all of them, grouped by person. A gallery mounts and unmounts cards with every
 * screen scrolled, and a live query per card would cost an IndexedDB transaction per card shown.
 * The query stops a few seconds after the last panel goes (not at once: scrolling unmounts one card
 * just before it mounts the next).
 *
 * Offline behaviour: reads Dexie only. The device erase restarts the query on the new, empty
 * database, so nothing of the previous officer's outbox is shown.
 */
import { liveQuery, type Subscription } from 'dexie'
import { useSyncExternalStore } from 'react'
import { claimRef } from './claim-actions.ts'
import { db, type OutboxRecord } from './database.ts'
import { onDeviceErased } from './device-erase.ts'

type OpsByRef = ReadonlyMap<string, readonly OutboxRecord[]>

const lingerMs = 5_000
const none: readonly OutboxRecord[] = []

/** undefined until the first answer. */
let current: OpsByRef | undefined
let subscription: Subscription | null = null
let stopTimer: ReturnType<typeof setTimeout> | null = null
const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of listeners) listener()
}

function start(): void {
  subscription = liveQuery(() => db.outbox.where('ref').startsWith(claimRef('')).sortBy('seq')).subscribe({
    next: (rows) => {
      const byRef = new Map<string, OutboxRecord[]>()
      for (const row of rows) if (row.ref !== null) byRef.set(row.ref, [...(byRef.get(row.ref) ?? []), row])
      current = byRef
      notify()
    },
    error: (error: unknown) => {
      console.error('Kestrel: could not read the queued claims', error)
      subscription = null
    },
  })
}

function stop(): void {
  subscription?.unsubscribe()
  subscription = null
  current = undefined
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (stopTimer !== null) clearTimeout(stopTimer)
  stopTimer = null
  if (subscription === null) start()
  return () => {
    listeners.delete(listener)
    if (listeners.size > 0 || stopTimer !== null) return
    stopTimer = setTimeout(() => {
      stopTimer = null
      if (listeners.size === 0) stop()
    }, lingerMs)
  }
}

onDeviceErased(() => {
  const watching = subscription !== null
  stop()
  notify()
  if (watching && listeners.size > 0) start()
})

/** The ops still on the device for one person's claim, oldest first (undefined while reading). */
export function useClaimOps(personId: string): readonly OutboxRecord[] | undefined {
  const ref = claimRef(personId)
  return useSyncExternalStore(subscribe, () => (current === undefined ? undefined : (current.get(ref) ?? none)))
}
