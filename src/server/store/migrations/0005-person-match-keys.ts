/**
 * Search keys for person checks (src/shared/matching/keys.ts): one row per key a person has, with
 * their birth year beside it, so a check with a date of birth reads only one year either side.
 * People already stored get their keys here; from now on `upsertPeople` keeps them current. Also
 * indexes for vehicle checks (plates without spaces) and address checks (occupants).
 */
import { sql, type Kysely } from 'kysely'
import { birthYearOf, personMatchKeys } from '../../../shared/matching/keys.ts'

const batch = 2000

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('person_match_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('person_match_keys_lookup').on('person_match_keys').columns(['key', 'birth_year', 'person_id']).execute()
  await db.schema.createIndex('person_match_keys_person').on('person_match_keys').column('person_id').execute()

  // Vehicle checks read plates without spaces and in capitals; address checks list occupants.
  await sql`create index vehicles_plate_lookup on vehicles (replace(upper(vrm), ' ', ''))`.execute(db)
  await db.schema.createIndex('people_address').on('people').column('address_id').execute()

  let after = ''
  for (;;) {
    const { rows } = await sql<{ id: string; surname: string; forenames: string; dob: string | null; aliases: string }>`
      select id, surname, forenames, dob, aliases from people where id > ${after} order by id limit ${batch}`.execute(db)
    const keys = rows.flatMap((p) => {
      const aliases = JSON.parse(p.aliases) as { surname: string; forenames: string }[]
      const birthYear = birthYearOf(p.dob)
      return personMatchKeys({ ...p, aliases }).map((key) => ({ key, birth_year: birthYear, person_id: p.id }))
    })
    for (let i = 0; i < keys.length; i += 500) {
      await db.insertInto('person_match_keys' as never).values(keys.slice(i, i + 500) as never).execute()
    }
    const last = rows.at(-1)
    if (last === undefined || rows.length < batch) break
    after = last.id
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_address').execute()
  await db.schema.dropIndex('vehicles_plate_lookup').execute()
  await db.schema.dropTable('person_match_keys').execute()
}
