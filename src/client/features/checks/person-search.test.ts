import { describe, expect, it } from 'vitest'
import type { PersonRecord } from '../../../shared/api/intel.ts'
import { casePeople, matchCases } from '../../../shared/matching/cases.ts'
import { birthYearOf, personMatchKeys, pickCandidates, queryMatchKeys, rankCandidates, RESULT_LIMIT, yearKey, type PersonQuery } from '../../../shared/matching/index.ts'
import { matchFieldsOf, unknownBirthYear, type CachedPerson } from '../../lib/person-match-keys.ts'
import { searchPeople, type PersonKeyIndex } from './person-search.ts'

function record(person: (typeof casePeople)[number]): PersonRecord {
  return {
    id: person.id, surname: person.surname, forenames: person.forenames, dob: person.dob, sex: null, description: {},
    aliases: [...(person.aliases ?? [])], warningMarkers: [], areaId: null, addressId: null, photoUrl: null, wanted: null,
    conditions: [], contacts: [], documents: [], links: [], updatedAt: '2026-01-01T00:00:00.000Z',
  }
}

/** What the Dexie index holds, as an array of (entry, person) read the way offline-check.ts reads it. */
function memoryIndex(people: readonly CachedPerson[]): PersonKeyIndex {
  const byId = new Map(people.map((p) => [p.id, p]))
  const entries = people.flatMap((p) => p.yearKeys.map((entry) => ({ entry, personId: p.id })))
  return {
    keyHits: async (keys, years) => keys.flatMap((key) => {
      const wanted = years === null ? null : new Set([...years, unknownBirthYear].map((year) => yearKey(key, year)))
      return entries
        .filter(({ entry }) => (wanted === null ? entry.startsWith(`${key}|`) : wanted.has(entry)))
        .map(({ personId }) => ({ personId, key, birthYear: null }))
    }),
    people: async (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []),
  }
}

const unknownDob: PersonRecord[] = [
  record({ id: 'UK01', surname: 'Smith', forenames: 'William', dob: null }),
  record({ id: 'UK02', surname: 'Hussain', forenames: 'Mohammed', dob: null }),
]
const stored: CachedPerson[] = [...casePeople.map(record), ...unknownDob].map((p) => ({ ...p, ...matchFieldsOf(p) }))

/** The reference: every stored key as a hit, straight into the shared functions. */
function direct(query: PersonQuery) {
  const lookup = queryMatchKeys(query)
  const hits = stored.flatMap((p) => personMatchKeys(p).map((key) => ({ personId: p.id, key, birthYear: birthYearOf(p.dob) })))
  const ids = new Set(pickCandidates(hits, lookup))
  return rankCandidates(query, stored.filter((p) => ids.has(p.id)), RESULT_LIMIT)
}

describe('a person check on the device', () => {
  it.each(matchCases)('ranks as the shared functions do: $name', async ({ query, expect: first }) => {
    const ranked = await searchPeople(query, memoryIndex(stored))
    const reference = direct(query)
    expect(ranked.map((r) => [r.person.id, r.score, r.matchedOn])).toEqual(reference.map((r) => [r.person.id, r.score, r.matchedOn]))
    expect(ranked[0]?.person.id).toBe(first)
  })

  it('with a year alone or no date, people whose date is not known are still candidates', async () => {
    const byYear = await searchPeople({ surname: 'Smith', forenames: 'William', dob: '1980' }, memoryIndex(stored))
    expect(byYear.map((r) => r.person.id)).toContain('UK01')
    const noDate = await searchPeople({ surname: 'Hussain', forenames: 'Mohammed' }, memoryIndex(stored))
    expect(noDate.map((r) => r.person.id)).toEqual(direct({ surname: 'Hussain', forenames: 'Mohammed' }).map((r) => r.person.id))
  })

  it('stores the keys the server stores, and 0 for a birth year not known', () => {
    const [known, unknown] = [stored.find((p) => p.id === 'MC01')!, stored.find((p) => p.id === 'UK01')!]
    expect(known.yearKeys).toEqual(personMatchKeys(known).map((key) => `${key}|1980`))
    expect(unknown.yearKeys).toEqual(personMatchKeys(unknown).map((key) => `${key}|0`))
  })

  it('finds no one when no key is held', async () => {
    expect(await searchPeople({ surname: 'Zzyzx', forenames: 'Qwerty', dob: '1950-01-01' }, memoryIndex(stored))).toEqual([])
  })
})
