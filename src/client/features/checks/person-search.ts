/**
 * A person check on the device: the same three steps as the server's, over the people of the
 * synced package. The query's search keys (`queryMatchKeys`) are looked up in the people's stored
 * keys, the candidates are picked from the hits (`pickCandidates`), and the candidates ranked
 * (`rankCandidates`), all from the shared matching module, so the device and the server give the
 * same answer on the same people.
 *
 * `PersonKeyIndex` is where the hits come from: Dexie's `matchKeys` and `birthYear` indexes in the
 * app (offline-check.ts), plain arrays in the tests. With a date of birth, the birth-year index
 * answers only the years searched and the unknown ones, as the server's SQL `WHERE` does; hits of
 * people born in other years are left out before picking, which `pickCandidates` would do anyway.
 */
import { pickCandidates, queryMatchKeys, rankCandidates, RESULT_LIMIT, type PersonQuery } from '../../../shared/matching/index.ts'
import type { PersonRecord } from '../../../shared/api/intel.ts'

export type KeyHit = { personId: string; key: string }

export type PersonKeyIndex = {
  /** Every (person, key) pair stored for the given keys. */
  keyHits: (keys: readonly string[]) => Promise<KeyHit[]>
  /** The birth year (null: not known) of every person born in one of `years` or whose year is not known. */
  birthYears: (years: readonly number[]) => Promise<ReadonlyMap<string, number | null>>
  /** The records of these people, in any order; ids not held are left out. */
  people: (ids: readonly string[]) => Promise<PersonRecord[]>
}

export type RankedPerson = { person: PersonRecord; score: number; matchedOn: string[] }

export async function searchPeople(query: PersonQuery, index: PersonKeyIndex): Promise<RankedPerson[]> {
  const lookup = queryMatchKeys(query)
  // The two lookups do not depend on each other: ask both at once.
  const [hits, years] = await Promise.all([index.keyHits(lookup.keys), lookup.years === null ? null : index.birthYears(lookup.years)])
  let withYears: { personId: string; key: string; birthYear: number | null }[]
  if (years === null) {
    withYears = hits.map((hit) => ({ ...hit, birthYear: null }))
  } else {
    withYears = []
    for (const hit of hits) {
      const birthYear = years.get(hit.personId)
      if (birthYear !== undefined) withYears.push({ ...hit, birthYear })
    }
  }
  const ids = pickCandidates(withYears, lookup)
  const people = await index.people(ids)
  return rankCandidates(query, people, RESULT_LIMIT)
}
