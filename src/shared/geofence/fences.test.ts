import { latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import type { AddressRecord, BriefingItem, MarkerType, PersonRecord } from '../api/intel.ts'
import { createGeofenceEngine } from './engine.ts'
import { buildFences, promptSentence, type FenceSource } from './fences.ts'

const markerTypes: MarkerType[] = [
  { code: 'VI', label: 'Violent (demo code)', severity: 3, officerSafety: true },
  { code: 'WE', label: 'Weapons (demo code)', severity: 3, officerSafety: true },
  { code: 'DR', label: 'Drugs (demo code)', severity: 2, officerSafety: false },
]

function person(overrides: Partial<PersonRecord>): PersonRecord {
  return {
    id: 'p1', surname: 'Smith', forenames: 'John', dob: null, sex: 'M', description: {}, aliases: [], warningMarkers: [], areaId: 'A',
    addressId: null, photoUrl: null, wanted: null, conditions: [], contacts: [], documents: [], links: [], updatedAt: '2026-11-25T00:00:00Z',
    ...overrides,
  }
}

function wanted(priority: 1 | 2 | 3, lastKnown: { lat: number | null; lng: number | null } | null): NonNullable<PersonRecord['wanted']> {
  return { priority, offence: 'Robbery', warrantType: null, since: '2026-11-01', reviewDate: '2026-12-01', harm: 80, lastKnown: lastKnown && { place: 'High Street', ...lastKnown } }
}

function address(id: string, lat: number, lng: number): AddressRecord {
  return { id, line1: '1 High Street', line2: null, town: 'Birmingham', postcode: 'B1 1AA', lat, lng, areaId: 'A', warnings: [], occupantIds: [], updatedAt: '2026-11-25T00:00:00Z' }
}

function item(overrides: Partial<BriefingItem>): BriefingItem {
  return {
    id: 'b1', title: 'Burglary patrols, Shard End.', body: '', priority: 2, areaIds: ['A'], polygon: null, validFrom: '2026-11-25T00:00:00Z',
    validTo: '2026-11-26T00:00:00Z', author: { collarNumber: '3001', name: 'Analyst' }, links: [], task: null, readAt: null, updatedAt: '2026-11-25T00:00:00Z',
    ...overrides,
  }
}

const now = Date.parse('2026-11-25T12:00:00Z')
const source = (parts: Partial<FenceSource>): FenceSource => ({ people: [], addresses: [], briefingItems: [], markerTypes, now, ...parts })

describe('buildFences', () => {
  it('wanted people: circles at the last known location and every linked address, with their priority', () => {
    const fences = buildFences(source({
      people: [
        person({ wanted: wanted(1, { lat: 52.48, lng: -1.89 }), warningMarkers: ['VI', 'DR'], addressId: 'a1', links: [{ kind: 'address', id: 'a2', relation: null }, { kind: 'address', id: 'missing', relation: null }] }),
        person({ id: 'p2', forenames: 'Jane', surname: 'Doe' }),
      ],
      addresses: [address('a1', 52.5, -1.9), address('a2', 52.51, -1.91)],
    }))
    expect(fences.map((fence) => fence.id)).toEqual(['wanted:p1:last-known', 'wanted:p1:address:a1', 'wanted:p1:address:a2'])
    for (const fence of fences) {
      expect(fence).toMatchObject({ priority: 1, reason: 'wanted', title: 'John Smith', target: { kind: 'person', id: 'p1' } })
      expect(fence.label).toBe('an area frequented by John Smith, wanted, priority one, violent warning')
      expect(fence.shape).toMatchObject({ kind: 'circle', radiusM: 250 })
    }
  })

  it('no last known coordinates: only the addresses; the radius is configurable but never under 100 m', () => {
    const people = [person({ wanted: wanted(3, { lat: null, lng: null }), addressId: 'a1', warningMarkers: ['VI', 'WE'] })]
    const fences = buildFences(source({ people, addresses: [address('a1', 52.5, -1.9)] }), { wantedRadiusM: 40 })
    expect(fences).toHaveLength(1)
    expect(fences[0]!.shape).toMatchObject({ kind: 'circle', radiusM: 100 })
    expect(fences[0]!.label).toBe('an area frequented by John Smith, wanted, priority three, violent and weapons warnings')
    expect(buildFences(source({ people }), { wantedRadiusM: 400 })).toEqual([])
  })

  it('briefing items with a drawn area, only while in force', () => {
    const polygon = [{ lat: 52.48, lng: -1.9 }, { lat: 52.49, lng: -1.9 }, { lat: 52.49, lng: -1.88 }]
    const fences = buildFences(source({
      briefingItems: [
        item({ polygon }),
        item({ id: 'later', polygon, validFrom: '2026-11-25T20:00:00Z' }),
        item({ id: 'no-area' }),
      ],
    }))
    expect(fences).toEqual([{
      id: 'briefing:b1', title: 'Burglary patrols, Shard End.', priority: 2, reason: 'briefing', target: { kind: 'briefing-item', id: 'b1' },
      label: 'the area of the briefing item Burglary patrols, Shard End, priority two',
      shape: { kind: 'polygon', ring: polygon },
    }])
  })

  it('an analyst\'s circle: its centre and radius, the message as its label, the item\'s priority; in force only', () => {
    const fence = { shape: 'circle' as const, center: { lat: 52.48, lng: -1.9 }, radiusM: 300, message: '  Drug dealing reported at the park. ' }
    const fences = buildFences(source({
      briefingItems: [item({ priority: 1, fence }), item({ id: 'later', fence, validFrom: '2026-11-25T20:00:00Z' })],
    }))
    expect(fences).toEqual([{
      id: 'briefing:b1', title: 'Burglary patrols, Shard End.', priority: 1, reason: 'briefing', says: 'message', target: { kind: 'briefing-item', id: 'b1' },
      label: 'Drug dealing reported at the park',
      shape: { kind: 'circle', center: { lat: 52.48, lng: -1.9 }, radiusM: 300 },
    }])
    const engine = createGeofenceEngine(fences)
    expect(engine.update({ lat: 52.481, lng: -1.9, accuracyM: 5, timestamp: 0 })).toEqual([{ type: 'enter', fenceId: 'briefing:b1', timestamp: 0 }])
    expect(promptSentence(fences)).toBe('Caution: Drug dealing reported at the park.')
  })

  it('an analyst\'s fence on the drawn area uses the polygon and the message; without a polygon it makes none', () => {
    const polygon = [{ lat: 52.48, lng: -1.9 }, { lat: 52.49, lng: -1.9 }, { lat: 52.49, lng: -1.88 }]
    const fences = buildFences(source({
      briefingItems: [item({ polygon, fence: { shape: 'area', message: 'Car crime hotspot' } }), item({ id: 'no-area', fence: { shape: 'area', message: 'Nothing drawn' } })],
    }))
    expect(fences.map((fence) => [fence.id, fence.label, fence.shape.kind])).toEqual([['briefing:b1', 'Car crime hotspot', 'polygon']])
  })

  it('active hours on the London wall clock, across midnight and across the change to GMT', () => {
    const fence = { shape: 'circle' as const, center: { lat: 52.48, lng: -1.9 }, radiusM: 200, message: 'Pub fights', activeHours: { start: '22:00', end: '03:00' } }
    const items = [item({ fence, validFrom: '2026-01-01T00:00:00Z', validTo: '2027-01-01T00:00:00Z' })]
    const at = (iso: string) => buildFences(source({ briefingItems: items, now: Date.parse(iso) })).length
    // November: London is on GMT.
    expect(at('2026-11-25T21:59:00Z')).toBe(0)
    expect(at('2026-11-25T22:00:00Z')).toBe(1)
    expect(at('2026-11-26T02:59:00Z')).toBe(1)
    expect(at('2026-11-26T03:00:00Z')).toBe(0)
    expect(at('2026-11-25T12:00:00Z')).toBe(0)
    // July: London is on BST, so 22:00 there is 21:00 UTC.
    expect(at('2026-07-01T21:30:00Z')).toBe(1)
    expect(at('2026-07-02T02:30:00Z')).toBe(0)
    // Hours within one day.
    const day = [item({ fence: { ...fence, activeHours: { start: '09:00', end: '17:00' } } })]
    expect(buildFences(source({ briefingItems: day, now: Date.parse('2026-11-25T12:00:00Z') }))).toHaveLength(1)
    expect(buildFences(source({ briefingItems: day, now: Date.parse('2026-11-25T17:00:00Z') }))).toHaveLength(0)
  })

  it('rising crime-trend cells: their H3 hexagon at priority 3 (a circle when the cell id is unreadable)', () => {
    const cell = latLngToCell(52.48, -1.9, 9)
    const fences = buildFences(source({
      trendCells: [
        { cell, lat: 52.48, lng: -1.9, trend: 'rising' },
        { cell: 'not-a-cell', lat: 52.5, lng: -1.9, trend: 'rising' },
        { cell, lat: 52.48, lng: -1.9, trend: 'falling' },
      ],
    }))
    expect(fences.map((fence) => [fence.id, fence.priority, fence.reason, fence.shape.kind])).toEqual([
      [`trend:${cell}`, 3, 'crime-trend', 'polygon'],
      ['trend:not-a-cell', 3, 'crime-trend', 'circle'],
    ])
    // The hexagon contains its centre.
    const engine = createGeofenceEngine(fences.slice(0, 1))
    expect(engine.update({ lat: 52.48, lng: -1.9, accuracyM: 5, timestamp: 0 })).toHaveLength(1)
  })
})

describe('promptSentence', () => {
  it('says one fence as the issue words it', () => {
    const [fence] = buildFences(source({ people: [person({ wanted: wanted(1, { lat: 52.48, lng: -1.89 }), warningMarkers: ['VI'] })] }))
    expect(promptSentence([fence!])).toBe('Caution: you are entering an area frequented by John Smith, wanted, priority one, violent warning.')
  })

  it('joins several, highest priority first, each label once', () => {
    const fences = [
      { label: 'an area where crime is rising', priority: 3 as const },
      { label: 'an area frequented by Jane Doe, wanted, priority two', priority: 2 as const },
      { label: 'an area frequented by John Smith, wanted, priority one', priority: 1 as const },
      { label: 'an area frequented by Jane Doe, wanted, priority two', priority: 2 as const },
    ]
    expect(promptSentence(fences)).toBe(
      'Caution: you are entering an area frequented by John Smith, wanted, priority one; and an area frequented by Jane Doe, wanted, priority two; and an area where crime is rising.',
    )
  })

  it('says an analyst\'s message as written, in its place by priority, with the places entered as one clause', () => {
    const fences = [
      { label: 'an area where crime is rising', priority: 3 as const },
      { label: 'Drug dealing reported at the park', priority: 1 as const, says: 'message' as const },
      { label: 'an area frequented by Jane Doe, wanted, priority two', priority: 2 as const },
      { label: 'Car crime hotspot', priority: 3 as const, says: 'message' as const },
    ]
    expect(promptSentence(fences)).toBe(
      'Caution: Drug dealing reported at the park; and you are entering an area frequented by Jane Doe, wanted, priority two; and an area where crime is rising; and Car crime hotspot.',
    )
  })
})
