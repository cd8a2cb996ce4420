/**
 * Curfew checks: one row per door-knock, keyed by the id the device made (so a replayed check is
 * stored once), with the officer, result, time and position; and one row per curfew for the visit
 * in progress ("PC X is on the way"), replaced when it has expired or its officer renews it, so the
 * database itself decides which of two officers holds it.
 */
import type { Kysely } from 'kysely'
import { columnTypes, dialectOf } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db))
  await db.schema.createTable('curfew_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('condition_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('lat', t.float)
    .addColumn('lng', t.float)
    .addColumn('accuracy', t.float)
    .addColumn('note', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('in_window', 'integer', (c) => c.notNull())
    .addColumn('breach', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('curfew_checks_condition').on('curfew_checks').columns(['condition_id', 'checked_at']).execute()
  await db.schema.createIndex('curfew_checks_person').on('curfew_checks').columns(['person_id', 'checked_at']).execute()

  await db.schema.createTable('curfew_visits')
    .addColumn('condition_id', 'text', (c) => c.primaryKey())
    .addColumn('officer_id', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('curfew_visits').ifExists().execute()
  await db.schema.dropTable('curfew_checks').ifExists().execute()
}
