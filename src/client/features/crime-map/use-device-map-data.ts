/**
 * What the crime map reads from this device: the package's trend cells and the period they
 * describe, and the points of the people layers: wanted people's last known places and curfew
 * addresses. Live (Dexie liveQuery), so a sync redraws the map.
 *
 * Offline behaviour: all of it is on the device. People layers are personal data: the page shows
 * them only while the package is current (not past its expiry).
 */
import { useLiveQuery } from 'dexie-react-hooks'
import type { PersonRecord } from '../../../shared/api/intel.ts'
import { db, type TrendCellRow, type TrendPeriod } from '../../lib/database.ts'
import { personName } from '../../lib/subject-labels.ts'

export type MapPoint = { id: string; lat: number; lng: number; label: string }

export function useDeviceTrendCells(): { cells: TrendCellRow[]; period: TrendPeriod | null } | undefined {
  return useLiveQuery(async () => {
    const [cells, meta] = await Promise.all([db.trendCells.toArray(), db.meta.get('package')])
    return { cells, period: meta?.trendPeriod ?? null }
  }, [])
}

function wantedPoint(person: PersonRecord): MapPoint | null {
  const last = person.wanted?.lastKnown
  if (!last || last.lat === null || last.lng === null) return null
  const place = last.place ? `, last known near ${last.place}` : ', last known place'
  return { id: `wanted:${person.id}`, lat: last.lat, lng: last.lng, label: `Wanted: ${personName(person)}${place}` }
}

export function usePeoplePoints(): { wanted: MapPoint[]; curfews: MapPoint[] } | undefined {
  return useLiveQuery(async () => {
    // A cursor, not one getAll: many short tasks, where reading every person at once held the page
    // for one long one while the map opened.
    const wanted: MapPoint[] = []
    const curfewPeople: PersonRecord[] = []
    await db.people.each((person) => {
      const point = wantedPoint(person)
      if (point) wanted.push(point)
      if (person.conditions.some((condition) => condition.kind === 'curfew')) curfewPeople.push(person)
    })
    const addressIds = [
      ...new Set(
        curfewPeople.flatMap((person) => person.conditions.filter((c) => c.kind === 'curfew').map((c) => c.addressId ?? person.addressId)),
      ),
    ].filter((id): id is string => id !== null)
    const addresses = new Map((await db.addresses.bulkGet(addressIds)).flatMap((address) => (address ? [[address.id, address] as const] : [])))
    const curfews: MapPoint[] = []
    const seen = new Set<string>()
    for (const person of curfewPeople) {
      for (const condition of person.conditions) {
        if (condition.kind !== 'curfew') continue
        const address = addresses.get(condition.addressId ?? person.addressId ?? '')
        if (!address || seen.has(`${person.id}:${address.id}`)) continue
        seen.add(`${person.id}:${address.id}`)
        curfews.push({ id: `curfew:${person.id}:${address.id}`, lat: address.lat, lng: address.lng, label: `Curfew: ${personName(person)}, ${address.line1}` })
      }
    }
    return { wanted, curfews }
  }, [])
}
