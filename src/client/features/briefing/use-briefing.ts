/**
 * The Briefing screen's data, from the device: the officer's briefing items, names for the
 * records they link to, area names, and the outbox ops still waiting for each item.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import type { BriefingItem } from '../../../shared/api/intel.ts'
import { db, type OutboxRecord } from '../../lib/database.ts'
import { addressLabel, personName, vehicleLabel } from '../../lib/subject-labels.ts'

export function useBriefingItems(): BriefingItem[] | undefined {
  return useLiveQuery(() => db.briefingItems.toArray(), [])
}

/** `kind:id` → how to name it; records not on the device are absent. */
export function useLinkLabels(items: readonly BriefingItem[] | undefined): ReadonlyMap<string, string> | undefined {
  const key = [...new Set((items ?? []).flatMap((item) => item.links.map((link) => `${link.kind}:${link.id}`)))].sort().join('|')
  return useLiveQuery(async () => {
    const pairs = key === '' ? [] : key.split('|')
    const ids = (kind: string) => [...new Set(pairs.filter((pair) => pair.startsWith(`${kind}:`)).map((pair) => pair.slice(kind.length + 1)))]
    const [people, vehicles, addresses] = await Promise.all([db.people.bulkGet(ids('person')), db.vehicles.bulkGet(ids('vehicle')), db.addresses.bulkGet(ids('address'))])
    const labels = new Map<string, string>()
    for (const person of people) if (person) labels.set(`person:${person.id}`, personName(person))
    for (const vehicle of vehicles) if (vehicle) labels.set(`vehicle:${vehicle.id}`, vehicleLabel(vehicle))
    for (const address of addresses) if (address) labels.set(`address:${address.id}`, addressLabel(address))
    return labels
  }, [key])
}

export function useAreaNames(): ReadonlyMap<string, string> | undefined {
  return useLiveQuery(async () => new Map((await db.areas.toArray()).map((area) => [area.id, area.name])), [])
}

/** Outbox ops per briefing item, for "waiting to send" and refusals. */
export function useBriefingOps(): ReadonlyMap<string, OutboxRecord[]> | undefined {
  return useLiveQuery(async () => {
    const rows = await db.outbox.where('ref').startsWith('briefing-item:').sortBy('seq')
    const byItem = new Map<string, OutboxRecord[]>()
    for (const row of rows) {
      const itemId = row.ref?.slice('briefing-item:'.length) ?? ''
      byItem.set(itemId, [...(byItem.get(itemId) ?? []), row])
    }
    return byItem
  }, [])
}
