/**
 * What the device stores beside each person of the package so that a check can find them with no
 * network: the person's search keys (`personMatchKeys`, the same keys the server stores), each
 * with the person's birth year beside it (`yearKey`: `n:smith|1980`), in one multi-entry index, so
 * a check with a date reads only the entries of the years it searches, as the server's index on
 * (key, birth year) does. IndexedDB cannot index `null`, so a person whose date of birth is not
 * known is stored with birth year 0 (`unknownBirthYear`); the offline check reads that back as
 * "not known", as the server's SQL reads NULL.
 */
import type { PersonRecord } from '../../shared/api/intel.ts'
import { birthYearOf, personMatchKeys, yearKey } from '../../shared/matching/index.ts'

/** Stored for a person whose date of birth is not known (no real birth year is 0). */
export const unknownBirthYear = 0

export type PersonMatchFields = { yearKeys: string[] }

/** A person as the device stores them: the package's record plus its search fields. */
export type CachedPerson = PersonRecord & PersonMatchFields

export function matchFieldsOf(person: Pick<PersonRecord, 'surname' | 'forenames' | 'dob' | 'aliases'>): PersonMatchFields {
  const birthYear = birthYearOf(person.dob) ?? unknownBirthYear
  return { yearKeys: personMatchKeys(person).map((key) => yearKey(key, birthYear)) }
}

export function withMatchFields(person: PersonRecord): CachedPerson {
  return { ...person, ...matchFieldsOf(person) }
}

