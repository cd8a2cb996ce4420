/**
 * Migrations that rebuild a table keep its rows, and can be undone and done again, on SQLite and
 * PostgreSQL: 0010 (the crime rollup read from one B-tree).
 */
import { afterEach, expect, it } from 'vitest'
import { storeCrimes, type CrimeRecord } from '../crimes.ts'
import { createTestStore, forEachStore, type TestStore } from '../../testing/stores.ts'
import { migratorFor } from '../db.ts'

forEachStore('migrations', (kind) => {
  let test: TestStore | undefined
  afterEach(async () => {
    await test?.cleanup()
    test = undefined
  })

  it('0010 keeps every rollup row when undone and done again', async () => {
    test = await createTestStore(kind)
    const { store } = test
    const crime = (crimeId: string, month: string, category: string, lat: number, lng: number): CrimeRecord => ({
      source: 'police.uk', crimeId, month, date: null, category, lat, lng, location: 'On or near A Street',
      lsoaCode: null, lsoaName: null, outcome: null, force: 'Test Police',
    })
    await storeCrimes(store.db, store.dialect, [
      crime('a'.repeat(64), '2026-01', 'burglary', 52.48, -1.9),
      crime('b'.repeat(64), '2026-01', 'burglary', 52.48, -1.9),
      crime('c'.repeat(64), '2026-02', 'drugs', 52.49, -1.91),
    ])
    const rollup = () => store.db.selectFrom('crimeCellCounts').select(['category', 'month', 'cell', 'n'])
      .orderBy('category').orderBy('month').orderBy('cell').execute()
      .then((rows) => rows.map((r) => ({ ...r, n: Number(r.n) })))
    const before = await rollup()
    expect(before.filter((r) => r.category === '*').map((r) => r.n).sort()).toEqual([1, 2])

    const migrator = migratorFor(store)
    const down = await migrator.migrateDown()
    expect(down.error).toBeUndefined()
    expect(down.results?.map((r) => [r.migrationName, r.status])).toEqual([['0010-crime-rollup-read', 'Success']])
    expect(await rollup()).toEqual(before)
    const up = await migrator.migrateToLatest()
    expect(up.error).toBeUndefined()
    expect(await rollup()).toEqual(before)
  })
})
