/**
 * The profile screens' data, from the device: a record and the records it points to, in one live
 * query each, so a sync that lands while a profile is open updates it. `null` means the device
 * does not hold that record (never sent, or removed by the last sync).
 */
import { useLiveQuery } from 'dexie-react-hooks'
import type { AddressRecord, MarkerType, PersonRecord, VehicleRecord } from '../../../shared/api/intel.ts'
import { db } from '../../lib/database.ts'

export type PersonProfile = {
  person: PersonRecord
  markerTypes: ReadonlyMap<string, MarkerType>
  addresses: ReadonlyMap<string, AddressRecord>
  vehicles: readonly VehicleRecord[]
  associates: ReadonlyMap<string, PersonRecord>
}

export function usePersonProfile(id: string): PersonProfile | null | undefined {
  return useLiveQuery(async () => {
    const person = await db.people.get(id)
    if (!person) return null
    const addressIds = [
      ...new Set([person.addressId, ...person.links.filter((l) => l.kind === 'address').map((l) => l.id), ...person.conditions.map((c) => c.addressId)].filter((v): v is string => v !== null)),
    ]
    const vehicleIds = person.links.filter((l) => l.kind === 'vehicle').map((l) => l.id)
    const associateIds = person.links.filter((l) => l.kind === 'associate').map((l) => l.id)
    const [types, addresses, linkedVehicles, keptVehicles, associates] = await Promise.all([
      db.markerTypes.toArray(),
      db.addresses.bulkGet(addressIds),
      db.vehicles.bulkGet(vehicleIds),
      db.vehicles.where('keeperPersonId').equals(id).toArray(),
      db.people.bulkGet(associateIds),
    ])
    const vehicles = new Map<string, VehicleRecord>()
    for (const vehicle of [...linkedVehicles, ...keptVehicles]) if (vehicle) vehicles.set(vehicle.id, vehicle)
    const byId = <T extends { id: string }>(records: readonly (T | undefined)[]) => {
      const map = new Map<string, T>()
      for (const record of records) if (record) map.set(record.id, record)
      return map
    }
    return {
      person,
      markerTypes: new Map(types.map((type) => [type.code, type])),
      addresses: byId(addresses),
      vehicles: [...vehicles.values()],
      associates: byId(associates),
    }
  }, [id])
}

export function useVehicleProfile(id: string): { vehicle: VehicleRecord; keeper: PersonRecord | null } | null | undefined {
  return useLiveQuery(async () => {
    const vehicle = await db.vehicles.get(id)
    if (!vehicle) return null
    const keeper = vehicle.keeperPersonId === null ? null : ((await db.people.get(vehicle.keeperPersonId)) ?? null)
    return { vehicle, keeper }
  }, [id])
}

export function useAddressProfile(id: string): { address: AddressRecord; occupants: readonly PersonRecord[]; missingOccupants: number } | null | undefined {
  return useLiveQuery(async () => {
    const address = await db.addresses.get(id)
    if (!address) return null
    const found = await db.people.bulkGet(address.occupantIds)
    const occupants = found.filter((person) => person !== undefined)
    return { address, occupants, missingOccupants: found.length - occupants.length }
  }, [id])
}

/** The record's label for the audit trail before the record itself is shown. */
export function useSubjectLabel(table: 'people' | 'vehicles' | 'addresses', id: string): string | undefined {
  return useLiveQuery(async () => {
    if (table === 'people') {
      const person = await db.people.get(id)
      return person ? `${person.surname.toUpperCase()}, ${person.forenames} (${id})` : id
    }
    if (table === 'vehicles') return (await db.vehicles.get(id))?.vrm ?? id
    const address = await db.addresses.get(id)
    return address ? `${address.line1}, ${address.postcode}` : id
  }, [table, id])
}
