/**
 * Search keys for finding a person by name: stored with every person (in the server's
 * `person_match_keys` table on SQLite and PostgreSQL, and in Dexie's multi-entry `matchKeys` index
 * on the device), and made from a check's query, so a check finds the same candidates online and
 * offline on the same data. Keys narrow the search; `rank.ts` decides the order.
 *
 * - `n:<name>`  a normalised surname part (each half of a double-barrelled name, and the whole)
 * - `p:<code>`  its Double Metaphone code (Smyth/Smith, Hussain/Hussein, Chowdhury/Choudhury)
 * - `c:<surname code>:<given-name code>`  surname and first forename together, the forename as every
 *   given name it may shorten (Bill -> William), which keeps common surnames selective
 * - `d:<part with one letter left out>`  for surnames typed with one slip: a check looks up its
 *   surname part as `d:`, and each of its own deletions as `n:` and `d:`, so "Tailor", "Tyalor" and
 *   "Talor" all find Taylor with a few dozen keys (symmetric delete)
 * Aliases give keys too. A check also looks up its forenames as surnames (forenames and surname
 * given the wrong way round).
 * Keys carry the person's birth year beside them (`UNKNOWN_BIRTH_YEAR` when not known); a check
 * with a date or year looks only one year either side, and at people whose date is not known.
 */
import { parseGivenDob, yearsToSearch } from './dates.ts'
import { deletions, nameParts, normaliseName, phoneticCodes } from './names.ts'
import { givenNamesOf } from './nicknames.ts'

export type NameRecord = { surname: string; forenames: string; dob: string | null; aliases?: readonly { surname: string; forenames: string }[] }
export type PersonQuery = { surname: string; forenames?: string | null; dob?: string | null }

/**
 * The recipe's version: change it whenever `personMatchKeys` would make different keys, and the
 * server (at its next migration) and every device (at its next start) rebuild their stored keys.
 */
export const MATCH_KEYS_VERSION = '3'

/** How many candidates a check ranks, at most: the ones with the most key hits. */
export const CANDIDATE_LIMIT = 60
/** How many a check answers, at most. */
export const RESULT_LIMIT = 20

function surnameKeys(surname: string, forenames: string, into: Set<string>) {
  const firstForename = normaliseName(forenames.split(/\s+/)[0] ?? '')
  const givenCodes = firstForename ? [...new Set(givenNamesOf(firstForename).flatMap(phoneticCodes))] : []
  for (const part of nameParts(surname)) {
    into.add(`n:${part}`)
    for (const deletion of deletions(part)) into.add(`d:${deletion}`)
    for (const code of phoneticCodes(part)) {
      into.add(`p:${code}`)
      for (const given of givenCodes) into.add(`c:${code}:${given}`)
    }
  }
}

/** The keys stored for one person. */
export function personMatchKeys(person: NameRecord): string[] {
  const keys = new Set<string>()
  surnameKeys(person.surname, person.forenames, keys)
  for (const alias of person.aliases ?? []) surnameKeys(alias.surname, alias.forenames, keys)
  return [...keys]
}

/** A person's birth year, or null when the date is not known. */
export function birthYearOf(dob: string | null): number | null {
  return parseGivenDob(dob)?.year ?? null
}

/**
 * What the stores keep beside the keys of a person whose birth year is not known: 0, not NULL, so
 * that "these years or not known" is one list an index can search (and IndexedDB cannot index
 * NULL at all).
 */
export const UNKNOWN_BIRTH_YEAR = 0

/** The birth year stored beside a person's keys. */
export function storedBirthYear(dob: string | null): number {
  return birthYearOf(dob) ?? UNKNOWN_BIRTH_YEAR
}

/**
 * A key with the person's stored birth year beside it, as one string (`n:smith|1980`), for stores
 * whose indexes take one value per entry (the device's IndexedDB): a check with a date looks up
 * each key in the years it searches and the unknown year only, and one without a date takes every
 * entry that starts with `key|`. Keys never hold a `|`.
 */
export function yearKey(key: string, birthYear: number): string {
  return `${key}|${birthYear}`
}

export type KeyLookup = { keys: string[]; years: number[] | null }

/** The keys and birth years a check looks up. */
export function queryMatchKeys(query: PersonQuery): KeyLookup {
  const keys = new Set<string>()
  const forenames = query.forenames ?? ''
  surnameKeys(query.surname, forenames, keys)
  // The wrong way round: each forename as a surname, with the surname as the forename.
  for (const word of forenames.split(/\s+/).filter(Boolean)) surnameKeys(word, query.surname, keys)
  for (const part of nameParts(query.surname)) {
    keys.add(`d:${part}`)
    for (const deletion of deletions(part)) keys.add(`n:${deletion}`)
  }
  return { keys: [...keys].sort(), years: yearsToSearch(parseGivenDob(query.dob)) }
}

/**
 * The candidates to rank from key hits, as both stores pick them: people whose birth year is in
 * `years` (or unknown), most distinct keys hit first, then by id; at most `CANDIDATE_LIMIT`. The
 * server does the same in SQL (store/person-checks.ts); the device calls this.
 */
export function pickCandidates(hits: Iterable<{ personId: string; key: string; birthYear: number | null }>, lookup: KeyLookup): string[] {
  const wanted = new Set(lookup.keys)
  const counts = new Map<string, Set<string>>()
  for (const hit of hits) {
    if (!wanted.has(hit.key)) continue
    if (lookup.years && hit.birthYear !== null && hit.birthYear !== UNKNOWN_BIRTH_YEAR && !lookup.years.includes(hit.birthYear)) continue
    const seen = counts.get(hit.personId) ?? new Set<string>()
    seen.add(hit.key)
    counts.set(hit.personId, seen)
  }
  return [...counts].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, CANDIDATE_LIMIT).map(([id]) => id)
}
