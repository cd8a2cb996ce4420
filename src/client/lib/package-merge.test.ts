import { describe, expect, it } from 'vitest'
import type { BriefingItem, PersonRecord, Task } from '../../shared/api/intel.ts'
import type { SyncResponse } from '../../shared/api/sync.ts'
import {
  applySyncPlan,
  emptyPackage,
  isPackageStale,
  mediaToKeep,
  planSync,
  reconcileBriefingItem,
  rowCount,
  trendCellsUpdate,
  type PendingTaskUpdate,
} from './package-merge.ts'

function person(id: string, overrides: Partial<PersonRecord> = {}): PersonRecord {
  return {
    id, surname: 'Smith', forenames: 'Jo', dob: '1990-01-01', sex: 'F', description: {}, aliases: [], warningMarkers: [],
    areaId: 'a1', addressId: null, photoUrl: `/api/media/photo-${id}`, wanted: null, conditions: [], contacts: [], documents: [],
    links: [], updatedAt: '2026-11-25T08:00:00.000Z', ...overrides,
  }
}

const openTask: Task = { type: 'arrest', assignee: { kind: 'officer', id: '1150' }, status: 'open', result: null, updatedBy: null, updatedAt: null }

function item(id: string, overrides: Partial<BriefingItem> = {}): BriefingItem {
  return {
    id, title: `Item ${id}`, body: '', priority: 2, areaIds: [], polygon: null, validFrom: '2026-11-25T06:00:00.000Z',
    validTo: '2026-11-26T06:00:00.000Z', author: { collarNumber: '3001', name: 'A Analyst' }, links: [], task: null, readAt: null,
    updatedAt: '2026-11-25T06:00:00.000Z', ...overrides,
  }
}

type ResponseOverrides = Partial<Omit<SyncResponse, 'put' | 'remove'>> & { put?: Partial<SyncResponse['put']>; remove?: Partial<SyncResponse['remove']> }

function response(overrides: ResponseOverrides): SyncResponse {
  return {
    cursor: '10.1764057600000',
    full: false,
    generatedAt: '2026-11-25T08:00:00.000Z',
    staleAfter: '2026-11-25T22:00:00.000Z',
    media: [],
    reference: { markerTypes: [{ code: 'VI', label: 'Violent', severity: 3, officerSafety: true }], areas: [{ id: 'a1', name: 'Area one' }] },
    ...overrides,
    put: { people: [], vehicles: [], addresses: [], briefingItems: [], ...overrides.put },
    remove: { people: [], vehicles: [], addresses: [], briefingItems: [], ...overrides.remove },
  }
}

const apply = (state: typeof emptyPackage, answer: SyncResponse, pending: PendingTaskUpdate[] = []) =>
  applySyncPlan(state, planSync(answer, state.briefingItems, pending))

describe('applying a sync answer', () => {
  it('a full answer replaces everything the device held', () => {
    const before = apply(emptyPackage, response({ full: true, put: { people: [person('P1'), person('P2')], briefingItems: [item('B1')] } }))
    const after = apply(before, response({ full: true, put: { people: [person('P3')] } }))
    expect([...after.people.keys()]).toEqual(['P3'])
    expect(after.briefingItems.size).toBe(0)
    expect(after.markerTypes).toHaveLength(1)
    expect(after.areas).toEqual([{ id: 'a1', name: 'Area one' }])
  })

  it('a delta removes, updates and inserts, and leaves the rest alone', () => {
    const before = apply(emptyPackage, response({ full: true, put: { people: [person('P1'), person('P2'), person('P3')] } }))
    const after = apply(before, response({ put: { people: [person('P2', { surname: 'Jones' }), person('P4')] }, remove: { people: ['P1'] } }))
    expect([...after.people.keys()].sort()).toEqual(['P2', 'P3', 'P4'])
    expect(after.people.get('P2')?.surname).toBe('Jones')
    expect(after.people.get('P3')).toBe(before.people.get('P3'))
  })

  it('removing an id the device does not hold is harmless', () => {
    const after = apply(emptyPackage, response({ remove: { briefingItems: ['gone'] } }))
    expect(after.briefingItems.size).toBe(0)
  })

  it('counts rows put and removed', () => {
    expect(rowCount(response({ put: { people: [person('P1')], briefingItems: [item('B1')] }, remove: { vehicles: ['V1'] } }))).toBe(3)
  })
})

describe('what the officer did on the device survives a sync', () => {
  it('an acknowledgement the server has not heard of yet is kept', () => {
    const local = item('B1', { readAt: '2026-11-25T07:00:00.000Z' })
    expect(reconcileBriefingItem(item('B1', { title: 'Edited' }), local, []).readAt).toBe('2026-11-25T07:00:00.000Z')
    // The server's own time wins once it has one.
    expect(reconcileBriefingItem(item('B1', { readAt: '2026-11-25T07:00:05.000Z' }), local, []).readAt).toBe('2026-11-25T07:00:05.000Z')
  })

  it('a queued task update is laid over the server copy, in order', () => {
    const pending: PendingTaskUpdate[] = [
      { itemId: 'B1', status: 'accepted', result: null, at: '2026-11-25T07:00:00.000Z', by: '1150' },
      { itemId: 'B1', status: 'done', result: 'Arrested at home', at: '2026-11-25T07:30:00.000Z', by: '1150' },
      { itemId: 'B2', status: 'accepted', result: null, at: '2026-11-25T07:00:00.000Z', by: '1150' },
    ]
    const task = reconcileBriefingItem(item('B1', { task: openTask }), undefined, pending).task
    expect(task).toMatchObject({ status: 'done', result: 'Arrested at home', updatedBy: '1150', updatedAt: '2026-11-25T07:30:00.000Z' })
  })

  it('a task the server says is done stays done', () => {
    const done: Task = { ...openTask, status: 'done', result: 'Found by 1002', updatedBy: '1002', updatedAt: '2026-11-25T06:30:00.000Z' }
    const pending: PendingTaskUpdate[] = [{ itemId: 'B1', status: 'accepted', result: null, at: '2026-11-25T07:00:00.000Z', by: '1150' }]
    expect(reconcileBriefingItem(item('B1', { task: done }), undefined, pending).task).toEqual(done)
  })

  it('with nothing to reconcile the server record is stored as it came', () => {
    const incoming = item('B1', { task: openTask })
    expect(reconcileBriefingItem(incoming, item('B1'), [])).toBe(incoming)
  })

  it('applies to full syncs too', () => {
    const before = apply(emptyPackage, response({ full: true, put: { briefingItems: [item('B1')] } }))
    const acknowledged = { ...before, briefingItems: new Map([['B1', item('B1', { readAt: '2026-11-25T07:00:00.000Z' })]]) }
    const after = apply(acknowledged, response({ full: true, put: { briefingItems: [item('B1')] } }))
    expect(after.briefingItems.get('B1')?.readAt).toBe('2026-11-25T07:00:00.000Z')
  })
})

describe('mediaToKeep', () => {
  it('puts the media of people linked from briefing items first, without repeats', () => {
    const people = [
      person('P1', { documents: [{ id: 'D1', title: 'Summary', contentType: 'application/pdf', url: '/api/media/D1' }] }),
      person('P2', { photoUrl: null }),
      person('P3'),
    ]
    const items = [item('B1', { links: [{ kind: 'person', id: 'P3' }] })]
    expect(mediaToKeep(people, items, ['/api/media/photo-P1', '/api/media/extra'])).toEqual([
      '/api/media/photo-P3',
      '/api/media/photo-P1',
      '/api/media/D1',
      '/api/media/extra',
    ])
  })
})

describe('isPackageStale', () => {
  const meta = { staleAfter: '2026-11-25T22:00:00.000Z' }
  it('is stale only after staleAfter', () => {
    expect(isPackageStale(meta, Date.parse('2026-11-25T21:59:59.000Z'))).toBe(false)
    expect(isPackageStale(meta, Date.parse('2026-11-25T22:00:01.000Z'))).toBe(true)
  })
  it('treats an unreadable time as stale, and no package as not stale (there is nothing to hide)', () => {
    expect(isPackageStale({ staleAfter: 'soon' }, 0)).toBe(true)
    expect(isPackageStale(null, 0)).toBe(false)
  })
})

describe('trendCellsUpdate', () => {
  const cell = { cell: '89194ad3353ffff', lat: 52.48, lng: -1.9, count: 9, baseline: 2, z: 3.2, trend: 'rising' as const, giZ: 2.1 }
  const period = { month: '2026-10', baselineMonths: 3, resolution: 9, areaId: null }

  it('replaces the set when the package carries cells, empties it on a full package without, keeps it otherwise', () => {
    expect(trendCellsUpdate({ full: false, trendCells: [cell], trendPeriod: period })).toEqual({ cells: [cell], period })
    expect(trendCellsUpdate({ full: true, trendCells: [] })).toEqual({ cells: [], period: null })
    expect(trendCellsUpdate({ full: true })).toEqual({ cells: [], period: null })
    expect(trendCellsUpdate({ full: false })).toBeNull()
  })
})
