/**
 * A person check on the device: the same three steps as the server's, over the people of the
 * synced package. The query's search keys (`queryMatchKeys`) are looked up in the people's stored
 * keys, the candidates are picked from the hits (`pickCandidates`), and the candidates ranked
 * (`rankCandidates`), all from the shared matching module, so the device and the server give the
 * same answer on the same people.
 *
 * `PersonKeyIndex` is where the hits come from: Dexie's `yearKeys` index in the app
 * (offline-check.ts), plain arrays in the tests. With a date of birth, only the years searched and
 * the unknown year are read, as the server's SQL `WHERE` does; without one, every year.
 */
import { pickCandidates, queryMatchKeys, rankCandidates, RESULT_LIMIT, type PersonQuery } from '../../../shared/matching/index.ts'
import type { PersonRecord } from '../../../shared/api/intel.ts'

/** A stored key of a person, and the birth year it was stored with (null: not known or not read). */
export type KeyHit = { personId: string; key: string; birthYear: number | null }

export type PersonKeyIndex = {
  /**
   * Every (person, key) pair stored for the given keys: with `years`, of people born in one of
   * them or whose year is not known; with null, of everyone.
   */
  keyHits: (keys: readonly string[], years: readonly number[] | null) => Promise<KeyHit[]>
  /** The records of these people, in any order; ids not held are left out. */
  people: (ids: readonly string[]) => Promise<PersonRecord[]>
}

export type RankedPerson = { person: PersonRecord; score: number; matchedOn: string[] }

export async function searchPeople(query: PersonQuery, index: PersonKeyIndex): Promise<RankedPerson[]> {
  const lookup = queryMatchKeys(query)
  const ids = pickCandidates(await index.keyHits(lookup.keys, lookup.years), lookup)
  const people = await index.people(ids)
  return rankCandidates(query, people, RESULT_LIMIT)
}
