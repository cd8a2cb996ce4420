/**
 * The audit trail: append-only and tamper-evident. Each record carries the hash of the one before
 * it, so editing or deleting any record breaks the chain from that point, and `verifyAuditChain`
 * finds where. There is deliberately no update or delete path in the code base.
 */
import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DialectName } from './dialect.ts'
import type { AuditTable, Database } from './schema.ts'

export const GENESIS_HASH = '0'.repeat(64)

export type AuditEntry = {
  at?: string
  userId: number | null
  collarNumber: string | null
  action: string
  subjectKind?: string | null
  subjectId?: string | null
  reasonCode?: string | null
  reasonText?: string | null
  detail?: Record<string, unknown> | null
  online?: boolean
  /** a client-made id: an entry whose opId is already stored is skipped, so replays are harmless */
  opId?: string | null
}

type HashedFields = Omit<AuditTable, 'id' | 'hash' | 'opId'>

function hashRecord(record: HashedFields): string {
  // A fixed field order, so the hash does not depend on how an object happened to be built.
  const canonical = JSON.stringify([
    record.at, record.userId, record.collarNumber, record.action, record.subjectKind, record.subjectId,
    record.reasonCode, record.reasonText, record.detail, record.online, record.prevHash,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

async function serialiseAppends(trx: Transaction<Database>, dialect: DialectName): Promise<void> {
  // SQLite runs one writer at a time already; PostgreSQL instances take a transaction-scoped lock so
  // two instances never chain onto the same previous record.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7301)`.execute(trx)
}

/** Appends entries to the chain; returns how many were new (replayed opIds are skipped). */
export async function appendAudit(db: Kysely<Database>, dialect: DialectName, entries: AuditEntry | AuditEntry[]): Promise<number> {
  const list = Array.isArray(entries) ? entries : [entries]
  if (list.length === 0) return 0
  return db.transaction().execute((trx) => appendAuditIn(trx, dialect, list))
}

/**
 * Appends entries inside the caller's transaction, so a change and its audit record are stored
 * together or not at all (a process killed between the two would otherwise leave the change
 * unaudited, and a replay finds the change already made and audits nothing).
 */
export async function appendAuditIn(trx: Transaction<Database>, dialect: DialectName, entries: AuditEntry | AuditEntry[]): Promise<number> {
  const list = Array.isArray(entries) ? entries : [entries]
  if (list.length === 0) return 0
  let stored = 0
  await serialiseAppends(trx, dialect)
  const last = await trx.selectFrom('auditLog').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst()
  let prevHash = last?.hash ?? GENESIS_HASH
  for (const entry of list) {
    if (entry.opId) {
      const seen = await trx.selectFrom('auditLog').select('id').where('opId', '=', entry.opId).executeTakeFirst()
      if (seen) continue
    }
    const record: HashedFields = {
      at: entry.at ?? new Date().toISOString(),
      userId: entry.userId,
      collarNumber: entry.collarNumber,
      action: entry.action,
      subjectKind: entry.subjectKind ?? null,
      subjectId: entry.subjectId ?? null,
      reasonCode: entry.reasonCode ?? null,
      reasonText: entry.reasonText ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      online: entry.online === false ? 0 : 1,
      prevHash,
    }
    const hash = hashRecord(record)
    await trx.insertInto('auditLog').values({ ...record, hash, opId: entry.opId ?? null }).execute()
    prevHash = hash
    stored += 1
  }
  return stored
}

export type ChainVerdict = { ok: true; records: number } | { ok: false; records: number; brokenAt: number; why: string }

export async function verifyAuditChain(db: Kysely<Database>, batchSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH
  let lastId = 0
  let records = 0
  for (;;) {
    const rows = await db.selectFrom('auditLog').selectAll().where('id', '>', lastId).orderBy('id').limit(batchSize).execute()
    if (rows.length === 0) return { ok: true, records }
    for (const row of rows) {
      const { id, hash, opId: _opId, ...fields } = row
      if (fields.prevHash !== prevHash) return { ok: false, records, brokenAt: id, why: 'a record is missing or out of order before this one' }
      if (hashRecord(fields) !== hash) return { ok: false, records, brokenAt: id, why: 'this record was altered' }
      prevHash = hash
      lastId = id
      records += 1
    }
  }
}
