import { describe, expect, it } from 'vitest'
import { casePeople, matchCases } from './cases.ts'
import { birthYearOf, personMatchKeys, pickCandidates, queryMatchKeys, RESULT_LIMIT } from './keys.ts'
import { nameParts, normaliseName } from './names.ts'
import { rankCandidates } from './rank.ts'
import { normaliseVrm, vrmReadings } from './vrm.ts'

const hits = casePeople.flatMap((p) => personMatchKeys(p).map((key) => ({ personId: p.id, key, birthYear: birthYearOf(p.dob) })))
const byId = new Map(casePeople.map((p) => [p.id, p]))

function check(query: Parameters<typeof queryMatchKeys>[0]) {
  const ids = pickCandidates(hits, queryMatchKeys(query))
  return rankCandidates(query, ids.map((id) => byId.get(id)!), RESULT_LIMIT)
}

describe('person matching', () => {
  it.each(matchCases)('$name ranks the right person first', ({ query, expect: id }) => {
    const ranked = check(query)
    expect(ranked[0]?.person.id).toBe(id)
  })

  it('scores an exact name and date of birth 1 and says why', () => {
    const [top] = check({ surname: 'smith', forenames: 'william', dob: '1980-03-12' })
    expect(top).toMatchObject({ score: 1, matchedOn: ['surname', 'forename', 'dob'] })
  })

  it('says how a near match matched', () => {
    expect(check({ surname: 'Smith', forenames: 'Bill', dob: '1980-12-03' })[0]?.matchedOn).toEqual(['surname', 'forename-short-form', 'dob-day-month-swapped'])
    expect(check({ surname: 'Marsh', forenames: 'Darren' })[0]?.matchedOn).toContain('alias')
    expect(check({ surname: 'William', forenames: 'Smith', dob: '1980-03-12' })[0]?.matchedOn).toContain('names-swapped')
  })

  it('answers at most 20 candidates, best first', () => {
    const ranked = check({ surname: 'Smith' })
    expect(ranked.length).toBe(RESULT_LIMIT)
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score)
  })

  it('finds no one for a name nobody has', () => {
    expect(check({ surname: 'Zzyzx', forenames: 'Quentin', dob: '1950-01-01' })).toEqual([])
  })
})

describe('name normalisation', () => {
  it('treats case, accents, punctuation and Mc/Mac alike', () => {
    expect(normaliseName("  O'Brien ")).toBe('obrien')
    expect(normaliseName('McDonald')).toBe(normaliseName('MacDonald'))
    expect(normaliseName('Zoë')).toBe('zoe')
  })
  it('splits double-barrelled names and joins separate prefixes', () => {
    expect(nameParts('Smith-Jones')).toEqual(['smith', 'jones', 'smithjones'])
    expect(nameParts('O Brien')).toEqual(['obrien'])
  })
})

describe('vehicle registration marks', () => {
  it('ignores spacing and case and tries the usual misreads', () => {
    expect(normaliseVrm(' ab12 cde')).toBe('AB12CDE')
    const readings = vrmReadings('AB12CDE')
    expect(readings[0]).toBe('AB12CDE')
    expect(readings).toContain('A812CDE')
    expect(readings).toContain('ABI2CDE')
  })
})
