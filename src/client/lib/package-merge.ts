/**
 * Applying a sync answer to what the device holds, as pure functions over plain arrays and maps:
 * the Dexie code in sync.ts applies the same plan inside one transaction, and the tests check the
 * plan against in-memory state.
 *
 * Rules:
 * - A full answer replaces every package table; a delta removes its ids, then puts its records.
 * - Reference lists (marker types, areas) are small and always replaced.
 * - Crime-trend cells come whole or not at all: a package that carries them replaces the device's
 *   set, a full package without them (no crime stored yet) empties it, a delta without them keeps it.
 * - What the officer did on this device and the server has not heard yet wins over the server's
 *   copy: an item acknowledged here stays acknowledged (an acknowledgement is never undone), and a
 *   task update still waiting in the outbox is laid over the server's task, unless the server says
 *   the task is done (someone else finished it; the queued update will be refused and explained).
 */
import type { SyncResponse } from '../../shared/api/sync.ts'
import type { AddressRecord, BriefingItem, MarkerType, PersonRecord, Task, VehicleRecord } from '../../shared/api/intel.ts'
import type { TrendCellRecord } from '../../shared/api/crime.ts'
import type { AreaRecord, TrendPeriod } from './database.ts'

export type PendingTaskUpdate = { itemId: string; status: 'accepted' | 'done'; result: string | null; at: string; by: string | null }

export type PackageState = {
  people: ReadonlyMap<string, PersonRecord>
  vehicles: ReadonlyMap<string, VehicleRecord>
  addresses: ReadonlyMap<string, AddressRecord>
  briefingItems: ReadonlyMap<string, BriefingItem>
  markerTypes: readonly MarkerType[]
  areas: readonly AreaRecord[]
}

export type SyncPlan = {
  full: boolean
  put: SyncResponse['put']
  remove: SyncResponse['remove']
  reference: SyncResponse['reference']
}

export const emptyPackage: PackageState = {
  people: new Map(),
  vehicles: new Map(),
  addresses: new Map(),
  briefingItems: new Map(),
  markerTypes: [],
  areas: [],
}

/** The task with the officer's queued updates laid over it, in the order they were made. */
export function taskWithPending(task: Task | null, pending: readonly PendingTaskUpdate[]): Task | null {
  if (task === null || pending.length === 0 || task.status === 'done') return task
  let next = task
  for (const update of pending) {
    next = { ...next, status: update.status, result: update.result ?? next.result, updatedBy: update.by ?? next.updatedBy, updatedAt: update.at }
  }
  return next
}

/** One incoming briefing item, reconciled with the device's copy and its queued task updates. */
export function reconcileBriefingItem(incoming: BriefingItem, local: BriefingItem | undefined, pending: readonly PendingTaskUpdate[]): BriefingItem {
  const readAt = incoming.readAt ?? local?.readAt ?? null
  const ownUpdates = pending.filter((update) => update.itemId === incoming.id)
  const task = taskWithPending(incoming.task, ownUpdates)
  return readAt === incoming.readAt && task === incoming.task ? incoming : { ...incoming, readAt, task }
}

/** What to write for a sync answer, given the briefing items the device holds now. */
export function planSync(
  response: SyncResponse,
  localItems: ReadonlyMap<string, BriefingItem>,
  pending: readonly PendingTaskUpdate[],
): SyncPlan {
  return {
    full: response.full,
    put: {
      ...response.put,
      briefingItems: response.put.briefingItems.map((item) => reconcileBriefingItem(item, localItems.get(item.id), pending)),
    },
    remove: response.remove,
    reference: response.reference,
  }
}

function patched<T extends { id: string }>(current: ReadonlyMap<string, T>, full: boolean, remove: readonly string[], put: readonly T[]): Map<string, T> {
  const next = full ? new Map<string, T>() : new Map(current)
  for (const id of remove) next.delete(id)
  for (const record of put) next.set(record.id, record)
  return next
}

/** The package after a plan: what the Dexie transaction in sync.ts leaves on the device. */
export function applySyncPlan(state: PackageState, plan: SyncPlan): PackageState {
  return {
    people: patched(state.people, plan.full, plan.remove.people, plan.put.people),
    vehicles: patched(state.vehicles, plan.full, plan.remove.vehicles, plan.put.vehicles),
    addresses: patched(state.addresses, plan.full, plan.remove.addresses, plan.put.addresses),
    briefingItems: patched(state.briefingItems, plan.full, plan.remove.briefingItems, plan.put.briefingItems),
    markerTypes: plan.reference.markerTypes,
    areas: plan.reference.areas,
  }
}

export type TrendCellsUpdate = { cells: TrendCellRecord[]; period: TrendPeriod | null }

/** What a sync answer does to the device's trend cells: replace them (the update) or leave them (null). */
export function trendCellsUpdate(response: Pick<SyncResponse, 'full' | 'trendCells' | 'trendPeriod'>): TrendCellsUpdate | null {
  if (response.trendCells) return { cells: response.trendCells, period: response.trendPeriod ?? null }
  return response.full ? { cells: [], period: null } : null
}

/** Records put plus ids removed: the size of a sync in rows. */
export function rowCount(plan: Pick<SyncPlan, 'put' | 'remove'>): number {
  const put = plan.put.people.length + plan.put.vehicles.length + plan.put.addresses.length + plan.put.briefingItems.length
  const removed = plan.remove.people.length + plan.remove.vehicles.length + plan.remove.addresses.length + plan.remove.briefingItems.length
  return put + removed
}

/** Photos and documents of these people, as same-origin URLs. */
export function mediaUrlsOf(people: Iterable<PersonRecord>): string[] {
  const urls: string[] = []
  for (const person of people) {
    if (person.photoUrl) urls.push(person.photoUrl)
    for (const document of person.documents) urls.push(document.url)
  }
  return urls
}

/**
 * The photos and documents the device should keep, those of people linked from briefing items
 * first (the officer is most likely to open them next), without repeats.
 */
export function mediaToKeep(people: readonly PersonRecord[], items: readonly BriefingItem[], named: readonly string[] = []): string[] {
  const linked = new Set(items.flatMap((item) => item.links.filter((link) => link.kind === 'person').map((link) => link.id)))
  const first = people.filter((person) => linked.has(person.id))
  const rest = people.filter((person) => !linked.has(person.id))
  return [...new Set([...mediaUrlsOf(first), ...mediaUrlsOf(rest), ...named])]
}

/** Whether the package has passed its expiry: then nothing of it is shown until a fresh sync. */
export function isPackageStale(meta: { staleAfter: string } | null | undefined, now: number): boolean {
  if (!meta) return false
  const staleAfter = Date.parse(meta.staleAfter)
  return Number.isNaN(staleAfter) || now > staleAfter
}
