/**
 * Click & Collect and the event log. A partial unique index allows one active claim per person, so
 * the database itself arbitrates a race between officers (and between server instances). Events
 * are an append-only log that the event stream replays from a client's Last-Event-ID.
 */
import { sql, type Kysely } from 'kysely'
import { columnTypes, dialectOf } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db))

  await db.schema.createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('note', 'text')
    .addColumn('op_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'integer')
    .execute()
  await db.schema.createIndex('claims_one_active').unique().on('claims').column('person_id').where(sql.ref('status'), '=', 'active').execute()
  await db.schema.createIndex('claims_op_id').unique().on('claims').column('op_id').execute()
  await db.schema.createIndex('claims_status_expires').on('claims').columns(['status', 'expires_at']).execute()

  await db.schema.createTable('claim_assists')
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'integer', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_assists_pk', ['claim_id', 'officer_id'])
    .execute()

  await db.schema.createTable('events')
    .addColumn('id', t.autoId, t.autoIdKey)
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['events', 'claim_assists', 'claims']) await db.schema.dropTable(table).ifExists().execute()
}
