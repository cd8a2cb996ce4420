/**
 * A content version on every photo and document (see store/media.ts): the URL a device caches a
 * file under carries it, so a changed file gets a new URL. Files already stored are versioned here
 * from their bytes, a batch at a time.
 */
import { sql, type Kysely } from 'kysely'
import { mediaVersion } from '../media.ts'

const batch = 200

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('media').addColumn('version', 'text', (c) => c.notNull().defaultTo('')).execute()
  let after = ''
  for (;;) {
    const { rows } = await sql<{ id: string; bytes: Uint8Array }>`select id, bytes from media where id > ${after} order by id limit ${batch}`.execute(db)
    for (const row of rows) {
      await sql`update media set version = ${mediaVersion(row.bytes)} where id = ${row.id}`.execute(db)
    }
    const last = rows.at(-1)
    if (last === undefined || rows.length < batch) break
    after = last.id
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('media').dropColumn('version').execute()
}
