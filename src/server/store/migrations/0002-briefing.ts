/**
 * Briefing on the move: links between people and their addresses, vehicles and associates;
 * briefing items and tasks with read receipts; the change log that delta sync reads; and client
 * operation ids on the audit log, so an audit record queued offline is stored once however often it
 * is replayed.
 */
import type { Kysely } from 'kysely'
import { columnTypes, dialectOf } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db))

  await db.schema.createTable('person_links')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('relation', 'text')
    .addPrimaryKeyConstraint('person_links_pk', ['person_id', 'kind', 'target_id'])
    .execute()
  await db.schema.createIndex('person_links_target').on('person_links').columns(['kind', 'target_id']).execute()

  await db.schema.createTable('briefing_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('area_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('polygon', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull())
    .addColumn('task', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await db.schema.createIndex('briefing_items_valid').on('briefing_items').columns(['valid_to', 'valid_from']).execute()

  await db.schema.createTable('briefing_links')
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('briefing_links_pk', ['item_id', 'subject_kind', 'subject_id'])
    .execute()

  await db.schema.createTable('briefing_reads')
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('briefing_reads_pk', ['item_id', 'user_id'])
    .execute()

  await db.schema.createTable('changes')
    .addColumn('seq', t.autoId, t.autoIdKey)
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()

  await db.schema.alterTable('audit_log').addColumn('op_id', 'text').execute()
  await db.schema.createIndex('audit_log_op_id').unique().on('audit_log').column('op_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_log_op_id').execute()
  await db.schema.alterTable('audit_log').dropColumn('op_id').execute()
  for (const table of ['changes', 'briefing_reads', 'briefing_links', 'briefing_items', 'person_links']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
