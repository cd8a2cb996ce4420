/**
 * The change log delta sync reads. Every write to a synced record appends (entity, id, op) in the
 * same transaction as the write. Writers that record changes take one lock on PostgreSQL, so
 * sequence numbers become visible in order and a reader's cursor never skips a change that commits
 * late; SQLite has one writer anyway.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DialectName } from './dialect.ts'
import type { Database } from './schema.ts'

/** 'crime_trends' has one id, 'latest': the officer's trend cells are sent again in full. */
export type ChangeEntity = 'person' | 'vehicle' | 'address' | 'briefing_item' | 'crime_trends'

export async function lockChangeLog(trx: Transaction<Database>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7302)`.execute(trx)
}

export async function recordChanges(trx: Transaction<Database>, entity: ChangeEntity, ids: Iterable<string>, op: 'put' | 'remove' = 'put'): Promise<void> {
  const at = new Date().toISOString()
  const rows = [...new Set(ids)].map((entityId) => ({ entity, entityId, op, at }))
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('changes').values(rows.slice(i, i + 500)).execute()
}

export async function latestChangeSeq(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst()
  return Number(row?.seq ?? 0)
}

/** The ids changed after `since`, per entity, and the highest sequence number read. */
export async function changesSince(db: Kysely<Database>, since: number) {
  const rows = await db.selectFrom('changes').select(['seq', 'entity', 'entityId']).where('seq', '>', since).orderBy('seq').execute()
  const byEntity = new Map<ChangeEntity, Set<string>>()
  let last = since
  for (const row of rows) {
    const entity = row.entity as ChangeEntity
    if (!byEntity.has(entity)) byEntity.set(entity, new Set())
    byEntity.get(entity)!.add(row.entityId)
    last = Math.max(last, Number(row.seq))
  }
  return { byEntity, last }
}
