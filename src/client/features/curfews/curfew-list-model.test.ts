import { describe, expect, it } from 'vitest'
import type { AddressRecord, PersonRecord } from '../../../shared/api/intel.ts'
import { addressState, addressStateWords, curfewEntries, distanceWords, nightRange, sortEntries, tonightWords } from './curfew-list-model.ts'

const everyDay = [0, 1, 2, 3, 4, 5, 6]

function person(id: string, surname: string, windows: object[], addressId = `A-${id}`, validTo = '2026-12-31'): PersonRecord {
  return {
    id, surname, forenames: 'Test', dob: null, sex: null, description: {}, aliases: [], warningMarkers: [], areaId: 'area', addressId, photoUrl: null, wanted: null,
    conditions: [
      { id: `R-${id}`, kind: 'residence', details: { requirement: 'Live at the address' }, addressId, validFrom: '2026-01-01', validTo },
      { id: `C-${id}`, kind: 'curfew', details: { windows, doorstep: true, tag: false }, addressId, validFrom: '2026-01-01', validTo },
    ],
    contacts: [], documents: [], links: [], updatedAt: '2026-01-01T00:00:00Z',
  }
}
function address(id: string, lat: number, lng: number): AddressRecord {
  return { id, line1: `${id} Street`, line2: null, town: 'Town', postcode: 'B1 1AA', lat, lng, areaId: 'area', warnings: [], occupantIds: [], updatedAt: '2026-01-01T00:00:00Z' }
}

// Wednesday 25 November 2026, 20:00 in London (GMT).
const evening = new Date('2026-11-25T20:00:00Z')
const people = [
  person('1', 'Early', [{ days: everyDay, start: '19:00', end: '07:00' }]),
  person('2', 'Late', [{ days: everyDay, start: '23:00', end: '06:00' }]),
  person('3', 'Weekend', [{ days: [5, 6], start: '18:00', end: '06:00' }]),
  person('4', 'Ended', [{ days: everyDay, start: '19:00', end: '07:00' }], 'A-4', '2026-11-20'),
]
const addresses = new Map([address('A-1', 52.5, -1.9), address('A-2', 52.48, -1.9), address('A-3', 52.4, -1.9)].map((a) => [a.id, a]))

describe('tonight’s curfews from the package', () => {
  it('lists curfews in force now or starting within the hours ahead, and no other condition', () => {
    const entries = curfewEntries(people, addresses, evening, 6)
    expect(entries.map((e) => e.conditionId)).toEqual(['C-1', 'C-2'])
    expect(entries[0]).toMatchObject({ activeNow: true, doorstep: true, tag: false, address: { id: 'A-1' } })
    expect(entries[1]).toMatchObject({ activeNow: false })
    expect(curfewEntries(people, addresses, evening, 2).map((e) => e.conditionId)).toEqual(['C-1'])
  })

  it('says the window in plain words, in London time', () => {
    const [early, late] = curfewEntries(people, addresses, evening, 6)
    expect(tonightWords(early!, evening)).toBe('In curfew now, until Thu 07:00')
    expect(tonightWords(late!, evening)).toBe('Curfew from 23:00 to Thu 06:00')
    // In summer time the same window is an hour earlier in UTC.
    const summer = new Date('2026-07-01T19:30:00Z')
    expect(tonightWords(curfewEntries(people, addresses, summer, 6)[1]!, summer)).toBe('Curfew from 23:00 to Thu 06:00')
  })

  it('sorts by window start, or nearest first', () => {
    const entries = curfewEntries(people, addresses, evening, 6)
    expect(sortEntries(entries, 'start', null).map((e) => e.conditionId)).toEqual(['C-1', 'C-2'])
    expect(sortEntries(entries, 'distance', { lat: 52.479, lng: -1.9 }).map((e) => e.conditionId)).toEqual(['C-2', 'C-1'])
    // Without a position, distance cannot sort: window start it is.
    expect(sortEntries(entries, 'distance', null).map((e) => e.conditionId)).toEqual(['C-1', 'C-2'])
    expect(distanceWords(340)).toBe('340 m away')
    expect(distanceWords(2345)).toBe('2.3 km away')
  })

  it('takes tonight as noon to noon in London', () => {
    expect(nightRange(evening)).toEqual({ from: new Date('2026-11-25T12:00:00Z'), to: new Date('2026-11-26T12:00:00Z') })
    expect(nightRange(new Date('2026-12-01T03:00:00Z'))).toEqual({ from: new Date('2026-11-30T12:00:00Z'), to: new Date('2026-12-01T12:00:00Z') })
    expect(nightRange(new Date('2026-07-01T23:30:00Z'))).toEqual({ from: new Date('2026-07-01T11:00:00Z'), to: new Date('2026-07-02T11:00:00Z') })
  })
})

describe('what the device knows about an address tonight', () => {
  const officer = { collarNumber: '1042', name: 'PC Ali Khan' }
  const me = { collarNumber: '1001', name: 'PC Me' }
  const check = (id: string, at: string, by = officer, extra = {}) => ({ id, result: 'present' as const, checkedAt: at, officer: by, breach: false, ...extra })
  const visit = { conditionId: 'C-1', officer, startedAt: '2026-11-25T19:50:00Z', expiresAt: '2026-11-25T20:20:00Z' }

  it('puts the latest check first, the device’s or the server’s, then a visit in progress', () => {
    const words = (input: Parameters<typeof addressState>[0]) => addressStateWords(addressState(input), evening)
    expect(words({ serverCheck: null, deviceCheck: null, visit: null, myCollar: '1001', now: evening })).toBe('Not checked yet tonight')
    expect(words({ serverCheck: null, deviceCheck: null, visit, myCollar: '1001', now: evening })).toBe('Check in progress by PC Ali Khan (1042) since 19:50')
    expect(words({ serverCheck: null, deviceCheck: null, visit: { ...visit, officer: me }, myCollar: '1001', now: evening })).toBe('You are on your way (shown to others until 20:20)')
    expect(words({ serverCheck: null, deviceCheck: null, visit: { ...visit, expiresAt: '2026-11-25T19:59:00Z' }, myCollar: '1001', now: evening })).toBe('Not checked yet tonight')
    expect(words({ serverCheck: check('s', '2026-11-25T19:10:00Z'), deviceCheck: null, visit, myCollar: '1001', now: evening })).toBe('Checked tonight: present at 19:10, by PC Ali Khan (1042)')
    expect(words({
      serverCheck: check('s', '2026-11-25T19:10:00Z'),
      deviceCheck: check('d', '2026-11-25T19:40:00Z', me, { result: 'absent', breach: true, state: 'pending' }),
      visit: null, myCollar: '1001', now: evening,
    })).toBe('Checked tonight: absent at 19:40, by you. Possible breach. Saved on this device, waiting to send')
  })
})
