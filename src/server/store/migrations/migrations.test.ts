/**
 * Migrations that rebuild a table keep its rows, and can be undone and done again, on SQLite and
 * PostgreSQL: 0010 (the crime rollup read from one B-tree). The migrator looks only at its own
 * store's tables, so another store (another schema) being dropped meanwhile cannot fail it.
 */
import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { storeCrimes, type CrimeRecord } from '../crimes.ts'
import { createTestStore, forEachStore, type TestStore } from '../../testing/stores.ts'
import { migratorFor } from '../db.ts'

forEachStore('migrations', (kind) => {
  let test: TestStore | undefined
  let other: TestStore | undefined
  afterEach(async () => {
    await test?.cleanup()
    await other?.cleanup()
    test = other = undefined
  })

  it("sees only its own store's tables, and migrates while another store is dropped", async () => {
    test = await createTestStore(kind)
    other = await createTestStore(kind)
    await sql`create table only_in_the_other_store (id integer)`.execute(other.store.db)

    const tables = await test.store.db.introspection.getTables({ withInternalKyselyTables: true })
    const names = tables.map((t) => t.name)
    expect(names).toEqual(expect.arrayContaining(['kysely_migration', 'kysely_migration_lock', 'people', 'audit_log']))
    expect(names).not.toContain('only_in_the_other_store')
    if (test.store.schema) expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([test.store.schema]))
    expect((await test.store.db.introspection.getTables()).map((t) => t.name)).not.toContain('kysely_migration')

    const dropped = other.cleanup()
    other = undefined
    const [migrated] = await Promise.all([migratorFor(test.store).migrateToLatest(), dropped])
    expect(migrated.error).toBeUndefined()
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
