/**
 * Checks run on the device, over the synced package in Dexie, when there is no network or the
 * server cannot be reached. They answer in the same shapes as the server (shared/api/checks.ts),
 * so one result view shows both; what differs is said on screen: only the people, vehicles and
 * addresses cached on this device were checked.
 *
 * - People: the shared matching module through Dexie's `yearKeys` index
 *   (person-search.ts); keys only, so only the candidates' records are read.
 * - Vehicles: the plate normalised, and every usual misreading of it (`vrmReadings`), against the
 *   package's vehicles; exact reads first.
 * - Addresses: a postcode (or its start) or words of the street and town.
 *
 * `deviceCheck*` are the functions the app calls and the device benchmark times (bench/).
 */
import type { AddressCheckResponse, LinkedPerson, PersonCandidate, VehicleCheckResponse } from '../../../shared/api/checks.ts'
import type { PersonRecord } from '../../../shared/api/intel.ts'
import { normaliseVrm, vrmReadings, yearKey, type PersonQuery } from '../../../shared/matching/index.ts'
import { db, type KestrelDatabase } from '../../lib/database.ts'
import { unknownBirthYear } from '../../lib/person-match-keys.ts'
import { searchPeople, type KeyHit, type PersonKeyIndex } from './person-search.ts'

type VehicleCandidate = VehicleCheckResponse['candidates'][number]
type AddressCandidate = AddressCheckResponse['candidates'][number]

/** Most vehicles or addresses a check answers. */
const otherResultLimit = 20

/**
 * The person index over Dexie: the `yearKeys` multi-entry index, whose entries are each search key
 * with the person's birth year (`n:smith|1980`). A check with a date reads, for each key, the
 * entries of the years searched (one range: the years are consecutive) and of the unknown year; a
 * check without one reads every entry starting `key|`. Each is one `getAllKeys` request (Dexie's
 * `primaryKeys()` on a plain range), all in one read transaction: a common surname hits thousands
 * of index entries, and stepping a cursor through them one at a time costs seconds in Chromium,
 * where one request per range costs milliseconds.
 */
export function dexiePersonIndex(database: KestrelDatabase = db): PersonKeyIndex {
  const index = () => database.people.where('yearKeys')
  return {
    keyHits: (keys, years) =>
      database.transaction('r', database.people, async () => {
        const lookups: { key: string; ids: Promise<string[]> }[] = []
        for (const key of keys) {
          if (years === null) {
            lookups.push({ key, ids: index().startsWith(`${key}|`).primaryKeys() })
            continue
          }
          // Four-digit years sort as text in number order, so consecutive years are one range.
          const [first, last] = [Math.min(...years), Math.max(...years)]
          if (first >= 1000 && last <= 9999 && last - first === years.length - 1) {
            lookups.push({ key, ids: index().between(yearKey(key, first), yearKey(key, last), true, true).primaryKeys() })
          } else {
            for (const year of years) lookups.push({ key, ids: index().equals(yearKey(key, year)).primaryKeys() })
          }
          lookups.push({ key, ids: index().equals(yearKey(key, unknownBirthYear)).primaryKeys() })
        }
        const found = await Promise.all(lookups.map((lookup) => lookup.ids))
        const hits: KeyHit[] = []
        found.forEach((ids, i) => {
          const key = lookups[i]!.key
          for (const personId of ids) hits.push({ personId, key, birthYear: null })
        })
        return hits
      }),
    people: async (ids) => {
      const rows = await database.people.bulkGet([...ids])
      return rows.filter((row) => row !== undefined)
    },
  }
}

function candidateOf(person: PersonRecord, score: number, matchedOn: string[]): PersonCandidate {
  return {
    personId: person.id,
    score,
    surname: person.surname,
    forenames: person.forenames,
    dob: person.dob,
    matchedOn,
    warningMarkers: person.warningMarkers,
    wanted: person.wanted,
    conditions: person.conditions,
    photoUrl: person.photoUrl,
    description: person.description,
    aliases: person.aliases,
  }
}

/** A person check over the people on this device, best first, at most 20. */
export async function deviceCheckPerson(query: PersonQuery, database: KestrelDatabase = db): Promise<PersonCandidate[]> {
  const ranked = await searchPeople(query, dexiePersonIndex(database))
  return ranked.map((r) => candidateOf(r.person, r.score, r.matchedOn))
}

function linkedPerson(person: PersonRecord, relation: string): LinkedPerson {
  return {
    personId: person.id,
    surname: person.surname,
    forenames: person.forenames,
    dob: person.dob,
    relation,
    warningMarkers: person.warningMarkers,
    wanted: person.wanted !== null,
  }
}

/** People of the package who link to this vehicle or address, by relation; the package is small enough to scan. */
async function peopleLinkedTo(kind: 'vehicle' | 'address', ids: ReadonlySet<string>, database: KestrelDatabase): Promise<Map<string, LinkedPerson[]>> {
  const byRecord = new Map<string, LinkedPerson[]>()
  if (ids.size === 0) return byRecord
  await database.people
    .filter((person) => person.links.some((link) => link.kind === kind && ids.has(link.id)) || (kind === 'address' && person.addressId !== null && ids.has(person.addressId)))
    .each((person) => {
      for (const link of person.links) {
        if (link.kind !== kind || !ids.has(link.id)) continue
        byRecord.set(link.id, [...(byRecord.get(link.id) ?? []), linkedPerson(person, link.relation ?? `linked ${kind}`)])
      }
      if (kind === 'address' && person.addressId !== null && ids.has(person.addressId) && !person.links.some((l) => l.kind === 'address' && l.id === person.addressId)) {
        byRecord.set(person.addressId, [...(byRecord.get(person.addressId) ?? []), linkedPerson(person, 'home address')])
      }
    })
  return byRecord
}

/** A vehicle check over the vehicles on this device: exact reads first, then misreadings. */
export async function deviceCheckVehicle(vrm: string, database: KestrelDatabase = db): Promise<VehicleCandidate[]> {
  const typed = normaliseVrm(vrm)
  if (typed === '') return []
  const readings = new Set(vrmReadings(typed))
  const vehicles = (await database.vehicles.toArray())
    .filter((vehicle) => readings.has(normaliseVrm(vehicle.vrm)))
    .map((vehicle) => ({ vehicle, exact: normaliseVrm(vehicle.vrm) === typed }))
    .sort((a, b) => Number(b.exact) - Number(a.exact) || a.vehicle.vrm.localeCompare(b.vehicle.vrm) || a.vehicle.id.localeCompare(b.vehicle.id))
    .slice(0, otherResultLimit)
  const keeperIds = vehicles.flatMap(({ vehicle }) => (vehicle.keeperPersonId === null ? [] : [vehicle.keeperPersonId]))
  const [keepers, linked] = await Promise.all([database.people.bulkGet(keeperIds), peopleLinkedTo('vehicle', new Set(vehicles.map((v) => v.vehicle.id)), database)])
  const keeperById = new Map(keepers.filter((p) => p !== undefined).map((p) => [p.id, p]))
  return vehicles.map(({ vehicle, exact }) => {
    const keeper = vehicle.keeperPersonId === null ? undefined : keeperById.get(vehicle.keeperPersonId)
    return {
      vehicleId: vehicle.id,
      vrm: vehicle.vrm,
      exact,
      make: vehicle.make,
      model: vehicle.model,
      colour: vehicle.colour,
      markers: vehicle.markers,
      keeper: keeper ? linkedPerson(keeper, 'registered keeper') : null,
      linkedPeople: (linked.get(vehicle.id) ?? []).filter((p) => p.personId !== vehicle.keeperPersonId),
    }
  })
}

const postcodeStart = /^[A-Z]{1,2}\d/

/** Whether an address answers a query: a postcode or its start, or every word in its lines and town. */
export function addressMatches(query: string, address: { line1: string; line2: string | null; town: string; postcode: string }): boolean {
  const compact = query.toUpperCase().replace(/[^A-Z0-9]/g, '')
  if (compact.length >= 2 && postcodeStart.test(compact) && address.postcode.toUpperCase().replace(/[^A-Z0-9]/g, '').startsWith(compact)) return true
  const words = query.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean)
  if (words.length === 0) return false
  const text = `${address.line1} ${address.line2 ?? ''} ${address.town} ${address.postcode}`.toLowerCase()
  return words.every((word) => text.includes(word))
}

/** An address check over the addresses on this device. */
export async function deviceCheckAddress(query: string, database: KestrelDatabase = db): Promise<AddressCandidate[]> {
  const addresses = (await database.addresses.filter((address) => addressMatches(query, address)).toArray())
    .sort((a, b) => a.postcode.localeCompare(b.postcode) || a.line1.localeCompare(b.line1, undefined, { numeric: true }))
    .slice(0, otherResultLimit)
  const occupantIds = [...new Set(addresses.flatMap((a) => a.occupantIds))]
  const [occupants, linked] = await Promise.all([database.people.bulkGet(occupantIds), peopleLinkedTo('address', new Set(addresses.map((a) => a.id)), database)])
  const occupantById = new Map(occupants.filter((p) => p !== undefined).map((p) => [p.id, p]))
  return addresses.map((address) => ({
    addressId: address.id,
    line1: address.line1,
    line2: address.line2,
    town: address.town,
    postcode: address.postcode,
    warnings: address.warnings,
    occupants: address.occupantIds.flatMap((id) => {
      const person = occupantById.get(id)
      return person ? [linkedPerson(person, 'occupant')] : []
    }),
    linkedPeople: (linked.get(address.id) ?? []).filter((p) => !address.occupantIds.includes(p.personId)),
  }))
}

/** How many people this device holds: what an offline person check covered. */
export function cachedPeopleCount(database: KestrelDatabase = db): Promise<number> {
  return database.people.count()
}
