/**
 * Search keys for person checks (src/shared/matching/keys.ts): one row per key a person has, with
 * their birth year beside it, so a check with a date of birth reads only one year either side.
 * The keys themselves are made after migrating, by `ensureMatchKeysCurrent` (store/match-keys.ts),
 * which also rebuilds them whenever the key recipe changes; `store_meta` remembers the recipe.
 * Also indexes for vehicle checks (plates without spaces) and address checks (occupants).
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('person_match_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('person_match_keys_lookup').on('person_match_keys').columns(['key', 'birth_year', 'person_id']).execute()
  await db.schema.createIndex('person_match_keys_person').on('person_match_keys').column('person_id').execute()
  await db.schema.createTable('store_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('vehicles_plate_lookup').on('vehicles').expression(sql`replace(upper(vrm), ' ', '')`).execute()
  await db.schema.createIndex('people_address').on('people').column('address_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_address').execute()
  await db.schema.dropIndex('vehicles_plate_lookup').execute()
  await db.schema.dropTable('store_meta').execute()
  await db.schema.dropTable('person_match_keys').execute()
}
