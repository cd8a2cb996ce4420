/**
 * Delta sync correctness on each store: inserts, updates, deletions and expiries each reach the
 * device exactly once, and a record that leaves the officer's scope is removed from the device.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BriefingItemInput } from '../../shared/api/briefing.ts'
import type { SyncResponse } from '../../shared/api/sync.ts'
import { upsertPeople } from '../importers/people.ts'
import { forEachStore, createTestStore, type TestStore } from '../testing/stores.ts'
import { createBriefingItem, deleteBriefingItem, updateBriefingItem } from './briefing.ts'
import { buildSync, type PackageUser } from './briefing-package.ts'

const options = { lookaheadHours: 12, staleHours: 14 }
const HOUR = 3_600_000

forEachStore('delta sync', (kind) => {
  let t: TestStore
  let officer: PackageUser
  let analystId: number
  const t0 = Date.now()
  const at = (ms: number) => new Date(t0 + ms)
  const sync = (cursor: string | undefined, now: Date) => buildSync(t.store.db, officer, cursor, now, options)
  const ids = (response: SyncResponse) => ({
    put: Object.fromEntries(Object.entries(response.put).map(([k, v]) => [k, v.map((r: { id: string }) => r.id).sort()])),
    remove: response.remove,
  })
  const nothing = { put: { people: [], vehicles: [], addresses: [], briefingItems: [] }, remove: { people: [], vehicles: [], addresses: [], briefingItems: [] } }

  beforeAll(async () => {
    t = await createTestStore(kind)
    const db = t.store.db
    const now = new Date().toISOString()
    await db.insertInto('areas').values([{ id: 'north', name: 'North', boundary: '[]' }, { id: 'south', name: 'South', boundary: '[]' }]).execute()
    const users = await db.insertInto('users').values([
      { collarNumber: '1001', name: 'PC North', role: 'officer', areaId: 'north', passwordHash: 'x', isDemo: 1, lockedUntil: null, createdAt: now },
      { collarNumber: '3001', name: 'Analyst', role: 'analyst', areaId: null, passwordHash: 'x', isDemo: 1, lockedUntil: null, createdAt: now },
    ]).returning(['id', 'collarNumber', 'role', 'areaId']).execute()
    officer = users[0]!
    analystId = users[1]!.id
    await db.insertInto('addresses').values([
      { id: 'A1', line1: '1 High Street', line2: null, town: 'Northtown', postcode: 'B1 1AA', lat: 52.48, lng: -1.89, areaId: 'north', warnings: '[]', updatedAt: now },
      { id: 'A2', line1: '2 Low Road', line2: null, town: 'Southtown', postcode: 'B2 2BB', lat: 52.4, lng: -1.9, areaId: 'south', warnings: '[{"code":"DOG","label":"Dangerous dog"}]', updatedAt: now },
    ]).execute()
    await upsertPeople(db, t.store.dialect, [
      { id: 'W1', surname: 'Wanted', forenames: 'Walter', dob: '1990-01-01', addressId: 'A1', areaId: 'south' },
      { id: 'C1', surname: 'Curfew', forenames: 'Carl', dob: '1991-02-02', areaId: 'north' },
      { id: 'C2', surname: 'Curfew', forenames: 'Sam', dob: '1992-03-03', areaId: 'south' },
      { id: 'P1', surname: 'Plain', forenames: 'Pat', dob: '1993-04-04', areaId: 'south', addressId: 'A2' },
    ])
    await db.insertInto('wanted').values({ personId: 'W1', priority: 1, offence: 'Robbery', warrantType: null, since: '2026-01-01', reviewDate: '2026-12-01', harm: 90, lastKnownPlace: 'Bull Ring', lastKnownLat: 52.47, lastKnownLng: -1.89, updatedAt: now }).execute()
    await db.insertInto('conditions').values([
      { id: 'K1', personId: 'C1', kind: 'curfew', details: '{"windows":[{"days":[0,1,2,3,4,5,6],"start":"19:00","end":"07:00"}]}', addressId: 'A1', validFrom: '2026-01-01', validTo: '2099-01-01', updatedAt: now },
      { id: 'K2', personId: 'C2', kind: 'curfew', details: '{}', addressId: 'A2', validFrom: '2026-01-01', validTo: '2099-01-01', updatedAt: now },
    ]).execute()
    await db.insertInto('vehicles').values({ id: 'V1', vrm: 'AB12 CDE', make: 'Ford', model: 'Focus', colour: 'Blue', keeperPersonId: 'W1', markers: '[]', updatedAt: now }).execute()
  })
  afterAll(() => t.cleanup())

  const item = (over: Partial<BriefingItemInput> = {}): BriefingItemInput => ({
    title: 'Look out for Pat Plain', body: 'Seen near the canal.', priority: 2, areaIds: ['north'],
    validFrom: at(-HOUR).toISOString(), validTo: at(2 * HOUR).toISOString(), links: [{ kind: 'person', id: 'P1' }], ...over,
  })

  let cursor: string

  it('sends the whole package first: wanted force-wide, conditions in the area, their addresses and vehicles', async () => {
    const full = await sync(undefined, at(0))
    expect(full.full).toBe(true)
    expect(ids(full).put).toEqual({ people: ['C1', 'W1'], vehicles: ['V1'], addresses: ['A1'], briefingItems: [] })
    const walter = full.put.people.find((p) => p.id === 'W1')!
    expect(walter.wanted).toMatchObject({ priority: 1, offence: 'Robbery', lastKnown: { place: 'Bull Ring' } })
    expect(full.put.people.find((p) => p.id === 'C1')!.conditions).toEqual([expect.objectContaining({ id: 'K1', kind: 'curfew', details: { windows: [expect.any(Object)] } })])
    expect(Date.parse(full.staleAfter) - Date.parse(full.generatedAt)).toBe(14 * HOUR)
    cursor = full.cursor
    expect(ids(await sync(cursor, at(1000)))).toEqual(nothing)
  })

  it('delivers a new item, the person it links to and their address once', async () => {
    const id = await createBriefingItem(t.store.db, t.store.dialect, analystId, item())
    const delta = await sync(cursor, at(2000))
    expect(delta.full).toBe(false)
    expect(ids(delta)).toEqual({ ...nothing, put: { ...nothing.put, people: ['P1'], addresses: ['A2'], briefingItems: [id] } })
    expect(delta.put.briefingItems[0]).toMatchObject({ title: 'Look out for Pat Plain', author: { collarNumber: '3001' }, links: [{ kind: 'person', id: 'P1' }] })
    cursor = delta.cursor
    expect(ids(await sync(cursor, at(3000)))).toEqual(nothing)
  })

  it('delivers an edit once, and an imported change to a person once', async () => {
    const [{ id }] = (await sync(undefined, at(4000))).put.briefingItems
    await updateBriefingItem(t.store.db, t.store.dialect, id, item({ title: 'Pat Plain: now in a red van' }))
    await upsertPeople(t.store.db, t.store.dialect, [{ id: 'W1', surname: 'Wanted-Smith', forenames: 'Walter', dob: '1990-01-01', addressId: 'A1', areaId: 'south' }])
    const delta = await sync(cursor, at(5000))
    expect(ids(delta).put.briefingItems).toEqual([id])
    expect(delta.put.briefingItems[0]!.title).toBe('Pat Plain: now in a red van')
    expect(ids(delta).put.people).toEqual(['P1', 'W1'])
    expect(ids(delta).put.addresses).toEqual(['A1', 'A2'])
    expect(delta.put.people.find((p) => p.id === 'W1')!.surname).toBe('Wanted-Smith')
    cursor = delta.cursor
    expect(ids(await sync(cursor, at(6000)))).toEqual(nothing)
  })

  it('removes a withdrawn item and the person (and address) only it brought, once', async () => {
    const [{ id }] = (await sync(undefined, at(7000))).put.briefingItems
    await deleteBriefingItem(t.store.db, t.store.dialect, id)
    const delta = await sync(cursor, at(8000))
    expect(ids(delta)).toEqual({ ...nothing, remove: { ...nothing.remove, people: ['P1'], addresses: ['A2'], briefingItems: [id] } })
    cursor = delta.cursor
    expect(ids(await sync(cursor, at(9000)))).toEqual(nothing)
  })

  it('removes an item when it expires, once, and sends one that comes within the look-ahead', async () => {
    const expiring = await createBriefingItem(t.store.db, t.store.dialect, analystId, item({ title: 'Short', links: [], validTo: at(HOUR).toISOString() }))
    const later = await createBriefingItem(t.store.db, t.store.dialect, analystId, item({ title: 'Tomorrow', links: [], validFrom: at(20 * HOUR).toISOString(), validTo: at(30 * HOUR).toISOString() }))
    const before = await sync(cursor, at(10_000))
    expect(ids(before).put.briefingItems).toEqual([expiring])
    expect(ids(before).remove.briefingItems).toEqual([later])
    cursor = before.cursor
    const afterExpiry = await sync(cursor, at(HOUR + 1000))
    expect(ids(afterExpiry)).toEqual({ ...nothing, remove: { ...nothing.remove, briefingItems: [expiring] } })
    cursor = afterExpiry.cursor
    expect(ids(await sync(cursor, at(HOUR + 2000)))).toEqual(nothing)
    const ahead = await sync(cursor, at(9 * HOUR))
    expect(ids(ahead).put.briefingItems).toEqual([later])
    expect(ids(await sync(ahead.cursor, at(9 * HOUR + 1000)))).toEqual(nothing)
  })

  it('does not send again a wanted person the device holds when a new item links them', async () => {
    const id = await createBriefingItem(t.store.db, t.store.dialect, analystId, item({ title: 'Walter seen', links: [{ kind: 'person', id: 'W1' }] }))
    const delta = await sync(cursor, at(HOUR + 3000))
    expect(ids(delta)).toEqual({ ...nothing, put: { ...nothing.put, briefingItems: [id] } })
    cursor = delta.cursor
  })

  it('removes a person an edit unlinks, once, when nothing else keeps them', async () => {
    const id = await createBriefingItem(t.store.db, t.store.dialect, analystId, item({ title: 'Pat again' }))
    const added = await sync(cursor, at(HOUR + 4000))
    expect(ids(added).put.people).toEqual(['P1'])
    await updateBriefingItem(t.store.db, t.store.dialect, id, item({ title: 'Pat again', links: [] }))
    const edited = await sync(added.cursor, at(HOUR + 5000))
    expect(ids(edited)).toEqual({ put: { ...nothing.put, briefingItems: [id] }, remove: { ...nothing.remove, people: ['P1'], addresses: ['A2'] } })
    expect(ids(await sync(edited.cursor, at(HOUR + 6000)))).toEqual(nothing)
    cursor = edited.cursor
  })

  it('does not send items for another area, unless the task is assigned to the officer', async () => {
    const other = await createBriefingItem(t.store.db, t.store.dialect, analystId, item({ title: 'South only', areaIds: ['south'], links: [] }))
    const mine = await createBriefingItem(t.store.db, t.store.dialect, analystId, item({ title: 'Visit', areaIds: ['south'], links: [{ kind: 'address', id: 'A2' }], task: { type: 'visit', assignee: { kind: 'officer', id: '1001' } } }))
    const full = await sync(undefined, at(11_000))
    const itemIds = full.put.briefingItems.map((i) => i.id)
    expect(itemIds).toContain(mine)
    expect(itemIds).not.toContain(other)
    expect(full.put.addresses.map((a) => a.id)).toContain('A2')
    expect(full.put.addresses.find((a) => a.id === 'A2')).toMatchObject({ warnings: [{ code: 'DOG' }], occupantIds: ['P1'] })
  })
})

it('does not share one store between suites (sanity of the helper)', async () => {
  const a = await createTestStore('sqlite')
  const b = await createTestStore('sqlite')
  expect(a.config).not.toEqual(b.config)
  await a.cleanup()
  await b.cleanup()
})
