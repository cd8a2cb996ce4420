/** An item given only a drawn area reaches the officers of the areas under the drawing. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BriefingItemInput } from '../../shared/api/briefing.ts'
import { createTestStore, forEachStore, type TestStore } from '../testing/stores.ts'
import { createBriefingItem, updateBriefingItem } from './briefing.ts'

// Two squares side by side: west (lng -2..-1) and east (lng -1..0), lat 52..53.
const square = (west: number) => JSON.stringify([[west, 52], [west + 1, 52], [west + 1, 53], [west, 53], [west, 52]])

forEachStore('briefing items drawn on a map', (kind) => {
  let t: TestStore
  let authorId: number
  beforeAll(async () => {
    t = await createTestStore(kind)
    await t.store.db.insertInto('areas').values([{ id: 'west', name: 'West', boundary: square(-2) }, { id: 'east', name: 'East', boundary: square(-1) }]).execute()
    authorId = (await t.store.db.insertInto('users').values({ collarNumber: '3001', name: 'Analyst', role: 'analyst', areaId: null, passwordHash: 'x', isDemo: 1, lockedUntil: null, createdAt: new Date().toISOString() })
      .returning('id').executeTakeFirstOrThrow()).id
  })
  afterAll(() => t.cleanup())

  const input = (polygon: BriefingItemInput['polygon'], areaIds: string[] = []): BriefingItemInput => ({
    title: 'Patrol the drawn area', body: 'Burglaries at night.', priority: 2, areaIds, polygon,
    validFrom: new Date().toISOString(), validTo: new Date(Date.now() + 3_600_000).toISOString(), links: [],
  })
  const areasOf = async (id: string) => JSON.parse((await t.store.db.selectFrom('briefingItems').select('areaIds').where('id', '=', id).executeTakeFirstOrThrow()).areaIds) as string[]

  it('reaches only the area a drawing lies in, and both when it crosses the boundary', async () => {
    const inWest = await createBriefingItem(t.store.db, t.store.dialect, authorId, input([{ lat: 52.4, lng: -1.6 }, { lat: 52.4, lng: -1.4 }, { lat: 52.6, lng: -1.5 }]))
    expect(await areasOf(inWest)).toEqual(['west'])
    await updateBriefingItem(t.store.db, t.store.dialect, inWest, input([{ lat: 52.4, lng: -1.2 }, { lat: 52.4, lng: -0.8 }, { lat: 52.6, lng: -1 }]))
    expect(await areasOf(inWest)).toEqual(['east', 'west'])
  })

  it('keeps the areas an author named', async () => {
    const named = await createBriefingItem(t.store.db, t.store.dialect, authorId, input([{ lat: 52.4, lng: -1.6 }, { lat: 52.4, lng: -1.4 }, { lat: 52.6, lng: -1.5 }], ['east']))
    expect(await areasOf(named)).toEqual(['east'])
  })
})
