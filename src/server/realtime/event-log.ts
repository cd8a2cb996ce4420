/**
 * The append-only event log: claims, releases, outcomes, lapses (and the types later features add).
 * An event is written in the same transaction as the change it reports. On PostgreSQL the same
 * transaction sends a NOTIFY carrying nothing but a wake-up, so every instance reads the new rows
 * from the log itself: the log, not the notification, is the source of truth.
 *
 * Readers follow the log by id ("everything after the last id I saw"), so ids must become visible
 * in order. PostgreSQL hands out ids when rows are inserted, not when they commit: a transaction
 * that took id 11 could commit before the one holding id 10, and a reader in between would move
 * past 10 for good. So appends on PostgreSQL take a transaction-scoped lock, and an event's id is
 * drawn only once every earlier event-writing transaction has committed. (SQLite has one writer.)
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DialectName } from '../store/dialect.ts'
import type { Database } from '../store/schema.ts'

export const EVENTS_CHANNEL = 'kestrel_events'
/** The advisory lock that orders event appends on PostgreSQL (the audit trail's is 7301). */
const EVENTS_APPEND_LOCK = 7302

export type Audience = 'all' | 'supervisors' | `user:${number}`
export type NewEvent = { type: string; personId: string | null; audience: Audience; body: Record<string, unknown> }
export type LoggedEvent = { id: number; type: string; personId: string | null; audience: string; payload: string; createdAt: string }

export async function appendEvent(trx: Transaction<Database>, dialect: DialectName, event: NewEvent): Promise<number> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(EVENTS_APPEND_LOCK)})`.execute(trx)
  const createdAt = new Date().toISOString()
  const row = await trx.insertInto('events').values({
    type: event.type,
    personId: event.personId,
    audience: event.audience,
    payload: JSON.stringify({ ...event.body, type: event.type, personId: event.personId, at: createdAt }),
    createdAt,
  }).returning('id').executeTakeFirstOrThrow()
  if (dialect === 'postgres') await sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(trx)
  return Number(row.id)
}

export async function eventsAfter(db: Kysely<Database>, afterId: number, limit = 1000): Promise<LoggedEvent[]> {
  const rows = await db.selectFrom('events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute()
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}

export async function eventLogBounds(db: Kysely<Database>): Promise<{ oldest: number; newest: number }> {
  const row = await db.selectFrom('events').select((eb) => [eb.fn.min('id').as('oldest'), eb.fn.max('id').as('newest')]).executeTakeFirst()
  return { oldest: Number(row?.oldest ?? 0), newest: Number(row?.newest ?? 0) }
}

/** Drops events older than `before` (ISO); a client whose cursor falls before the log is told to re-sync. */
export async function pruneEvents(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('events').where('createdAt', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
