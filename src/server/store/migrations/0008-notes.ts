/**
 * Audio notes (store/notes.ts). A note is stored once by the id the device made; its recording
 * lives in a table of its own (bytes, content type, SHA-256 and how many bytes have arrived), so
 * listing notes never reads audio, and an upload cut part-way resumes from `received`.
 */
import type { Kysely } from 'kysely'
import { columnTypes, dialectOf } from '../dialect.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db))
  await db.schema.createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('officer_id', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('attached_kind', 'text')
    .addColumn('attached_id', 'text')
    .addColumn('lat', t.float)
    .addColumn('lng', t.float)
    .addColumn('accuracy_m', t.float)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('text_edited_at', 'text')
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notes_officer_recorded').on('notes').columns(['officer_id', 'recorded_at']).execute()
  await db.schema.createIndex('notes_attached').on('notes').columns(['attached_kind', 'attached_id', 'recorded_at']).execute()

  await db.schema.createTable('note_audio')
    .addColumn('note_id', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('bytes', t.blob, (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('note_audio').execute()
  await db.schema.dropTable('notes').execute()
}
