import { describe, expect, it } from 'vitest'
import type { MarkerType } from '../../../shared/api/intel.ts'
import { cardMarkers, comparePriority, distanceKm, distanceText, galleryRows, noFilters, type GalleryPerson } from './gallery-model.ts'

function person(id: string, priority: 1 | 2 | 3, harm: number, extra: Partial<GalleryPerson['wanted']> & { areaId?: string; surname?: string } = {}): GalleryPerson {
  const { areaId = 'birmingham-east', surname = `Person${id}`, ...wanted } = extra
  return {
    personId: id, surname, forenames: 'Alex', dob: '1990-01-01', areaId, warningMarkers: [], photoUrl: null,
    wanted: { priority, offence: 'Burglary', warrantType: null, since: '2026-01-01', reviewDate: '2026-12-01', harm, lastKnown: null, ...wanted },
  }
}

// Birmingham city centre, Coventry and Wolverhampton.
const bullRing = { lat: 52.4775, lng: -1.8936 }
const coventry = { lat: 52.4068, lng: -1.5197 }
const wolverhampton = { lat: 52.5862, lng: -2.1288 }

describe('the wanted gallery order', () => {
  it('puts priority 1 first, then the most harm, then the longest wanted', () => {
    const people = [person('a', 2, 90), person('b', 1, 10), person('c', 1, 80), person('d', 3, 99), person('e', 1, 80, { since: '2025-06-01' })]
    expect(galleryRows(people, noFilters, null).map((row) => row.person.personId)).toEqual(['e', 'c', 'b', 'a', 'd'])
  })

  it('is a stable, total order (ties broken by name and id)', () => {
    const a = person('a', 1, 50, { surname: 'Adams' })
    const b = person('b', 1, 50, { surname: 'Brown' })
    expect(comparePriority(a, b)).toBeLessThan(0)
    expect(comparePriority(a, a)).toBe(0)
  })

  it('sorts nearest first with "Near me", people with no known location last in priority order', () => {
    const people = [
      person('far', 1, 99, { lastKnown: { place: 'Wolverhampton', ...wolverhampton } }),
      person('near', 3, 1, { lastKnown: { place: 'Coventry', ...coventry } }),
      person('unknown-1', 1, 50, { lastKnown: null }),
      person('unknown-2', 2, 50, { lastKnown: { place: 'Somewhere', lat: null, lng: null } }),
    ]
    const rows = galleryRows(people, noFilters, { lat: 52.41, lng: -1.51 })
    expect(rows.map((row) => row.person.personId)).toEqual(['near', 'far', 'unknown-1', 'unknown-2'])
    expect(rows[0]?.distanceKm).toBeLessThan(1)
    expect(rows[2]?.distanceKm).toBeNull()
  })
})

describe('distances', () => {
  it('measures great-circle distance in kilometres', () => {
    // Birmingham to Coventry is about 26 km as the crow flies.
    expect(distanceKm(bullRing, coventry)).toBeGreaterThan(25)
    expect(distanceKm(bullRing, coventry)).toBeLessThan(28)
    expect(distanceKm(bullRing, bullRing)).toBe(0)
  })
  it('says distances the way people read them', () => {
    expect(distanceText(0.004)).toBe('10 m')
    expect(distanceText(0.347)).toBe('350 m')
    expect(distanceText(1.234)).toBe('1.2 km')
    expect(distanceText(26.4)).toBe('26 km')
  })
})

describe('gallery filters', () => {
  const people = [
    person('a', 1, 10, { areaId: 'coventry', offence: 'Robbery', surname: "O'Neill" }),
    person('b', 1, 10, { areaId: 'walsall', offence: 'Burglary', warrantType: 'Recall to prison' }),
  ]
  it('filters by area, offence or warrant type, and name in any case and order', () => {
    expect(galleryRows(people, { ...noFilters, areaId: 'walsall' }, null).map((r) => r.person.personId)).toEqual(['b'])
    expect(galleryRows(people, { ...noFilters, offence: 'ROBB' }, null).map((r) => r.person.personId)).toEqual(['a'])
    expect(galleryRows(people, { ...noFilters, offence: 'recall' }, null).map((r) => r.person.personId)).toEqual(['b'])
    expect(galleryRows(people, { ...noFilters, name: 'alex oneill' }, null).map((r) => r.person.personId)).toEqual([])
    expect(galleryRows(people, { ...noFilters, name: "o'neill, alex" }, null).map((r) => r.person.personId)).toEqual(['a'])
  })
})

describe('warning markers on a card', () => {
  const types = new Map<string, MarkerType>([
    ['DR', { code: 'DR', label: 'Drugs', severity: 1, officerSafety: false }],
    ['WE', { code: 'WE', label: 'Weapons', severity: 3, officerSafety: true }],
    ['VI', { code: 'VI', label: 'Violent', severity: 2, officerSafety: true }],
  ])
  it('shows officer-safety markers first, most severe first; unknown codes as officer safety', () => {
    expect(cardMarkers(['DR', 'VI', 'WE', 'DR'], types).map((m) => m.label)).toEqual(['Weapons', 'Violent', 'Drugs'])
    expect(cardMarkers(['ZZ'], undefined)).toEqual([{ code: 'ZZ', label: 'Warning ZZ', officerSafety: true }])
  })
})
