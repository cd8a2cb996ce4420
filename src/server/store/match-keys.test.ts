/** Stored person-check keys follow the recipe: a changed recipe rebuilds them once. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { MATCH_KEYS_VERSION, personMatchKeys } from '../../shared/matching/keys.ts'
import { upsertPeople } from '../importers/people.ts'
import { createTestStore, forEachStore, type TestStore } from '../testing/stores.ts'
import { ensureMatchKeysCurrent } from './match-keys.ts'

forEachStore('person check keys', (kind) => {
  let t: TestStore
  beforeAll(async () => {
    t = await createTestStore(kind)
    await upsertPeople(t.store.db, t.store.dialect, [
      { id: 'K1', surname: 'Smith-Jones', forenames: 'Emma', dob: '1995-04-22', aliases: [{ surname: 'Marsh', forenames: 'Em' }] },
      { id: 'K2', surname: "O'Brien", forenames: 'Siobhan', dob: '1979-09-09' },
    ])
  })
  afterAll(() => t.cleanup())

  const keysOf = async (id: string) => (await t.store.db.selectFrom('personMatchKeys').select(['key', 'birthYear']).where('personId', '=', id).execute())

  it('stores every key of a person with their birth year when people are written', async () => {
    const stored = await keysOf('K1')
    expect(stored.map((k) => k.key).sort()).toEqual(personMatchKeys({ surname: 'Smith-Jones', forenames: 'Emma', dob: '1995-04-22', aliases: [{ surname: 'Marsh', forenames: 'Em' }] }).sort())
    expect(new Set(stored.map((k) => k.birthYear))).toEqual(new Set([1995]))
    // A rewrite replaces the keys rather than adding to them.
    await upsertPeople(t.store.db, t.store.dialect, [{ id: 'K1', surname: 'Jones', forenames: 'Emma', dob: '1996-04-22' }])
    expect((await keysOf('K1')).map((k) => k.key).sort()).toEqual(personMatchKeys({ surname: 'Jones', forenames: 'Emma', dob: null }).sort())
  })

  it('rebuilds all keys once when they were made by another recipe', async () => {
    expect(await ensureMatchKeysCurrent(t.store.db)).toBeNull()
    await t.store.db.deleteFrom('personMatchKeys').execute()
    await t.store.db.updateTable('storeMeta').set({ value: 'older' }).where('key', '=', 'match_keys_version').execute()
    expect(await ensureMatchKeysCurrent(t.store.db)).toBe(2)
    expect((await keysOf('K2')).map((k) => k.key)).toContain('n:obrien')
    expect((await t.store.db.selectFrom('storeMeta').select('value').where('key', '=', 'match_keys_version').executeTakeFirst())?.value).toBe(MATCH_KEYS_VERSION)
    expect(await ensureMatchKeysCurrent(t.store.db)).toBeNull()
  })
})
