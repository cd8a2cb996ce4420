/**
 * Click & Collect in the store. Claiming is a compare-and-set the database decides: the partial
 * unique index admits one active claim per person, so under any concurrency, on any number of
 * instances, exactly one insert wins and every other caller is told who holds the claim. Every
 * change writes its event to the log in the same transaction, and a new claim its audit record
 * too: a claim is never stored without them, whenever the process stops.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Claim } from '../../shared/api/claims.ts'
import { appendEvent } from '../realtime/event-log.ts'
import { appendAuditIn, type AuditEntry } from './audit.ts'
import type { DialectName } from './dialect.ts'
import type { ClaimStatus, ClaimTable, Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

export async function loadClaims(db: Db, where: { ids?: string[]; activeForPeople?: string[] }): Promise<Claim[]> {
  let query = db.selectFrom('claims').innerJoin('users', 'users.id', 'claims.officerId')
    .selectAll('claims').select(['users.collarNumber', 'users.name'])
  if (where.ids) query = query.where('claims.id', 'in', where.ids.length ? where.ids : [''])
  if (where.activeForPeople) query = query.where('claims.status', '=', 'active').where('claims.personId', 'in', where.activeForPeople.length ? where.activeForPeople : [''])
  if (!where.ids && !where.activeForPeople) query = query.where('claims.status', '=', 'active')
  const rows = await query.execute()
  const assists = rows.length
    ? await db.selectFrom('claimAssists').innerJoin('users', 'users.id', 'claimAssists.officerId')
      .select(['claimAssists.claimId', 'users.collarNumber', 'users.name']).where('claimAssists.claimId', 'in', rows.map((r) => r.id))
      .orderBy('claimAssists.joinedAt').execute()
    : []
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    officer: { collarNumber: r.collarNumber, name: r.name },
    status: r.status,
    outcome: r.outcome as Claim['outcome'],
    note: r.note,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    endedAt: r.endedAt,
    assisting: assists.filter((a) => a.claimId === r.id).map(({ collarNumber, name }) => ({ collarNumber, name })),
  }))
}

async function claimById(db: Db, id: string): Promise<Claim> {
  const [claim] = await loadClaims(db, { ids: [id] })
  if (!claim) throw new Error(`claim ${id} vanished`)
  return claim
}

async function emit(trx: Transaction<Database>, dialect: DialectName, type: string, claim: Claim) {
  await appendEvent(trx, dialect, { type, personId: claim.personId, audience: 'all', body: { claim } })
}

/** Lapses every active claim past its expiry; each lapse is an event. Returns the claims lapsed. */
export async function lapseExpiredClaims(db: Kysely<Database>, dialect: DialectName, now = new Date()): Promise<Claim[]> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString()
    const rows = await trx.updateTable('claims').set({ status: 'lapsed', endedAt: at })
      .where('status', '=', 'active').where('expiresAt', '<=', at).returning('id').execute()
    const lapsed: Claim[] = []
    for (const { id } of rows) {
      const claim = await claimById(trx, id)
      await emit(trx, dialect, 'claim.lapsed', claim)
      lapsed.push(claim)
    }
    return lapsed
  })
}

export type ClaimAttempt =
  | { result: 'created' | 'replayed'; claim: Claim }
  | { result: 'held'; holder: Claim }

export async function claimPerson(
  db: Kysely<Database>, dialect: DialectName,
  input: {
    personId: string; officerId: number; ttlMinutes: number; opId?: string; now?: Date
    /** the audit record of a new claim, stored in the claim's own transaction */
    audit?: (claimId: string) => AuditEntry
  },
): Promise<ClaimAttempt> {
  const now = input.now ?? new Date()
  if (input.opId) {
    const earlier = await db.selectFrom('claims').select(['id', 'officerId']).where('opId', '=', input.opId).executeTakeFirst()
    if (earlier && earlier.officerId === input.officerId) return { result: 'replayed', claim: await claimById(db, earlier.id) }
  }
  // A claim past its expiry must not block a new one, even if the lapse timer has not run yet.
  await lapseExpiredClaims(db, dialect, now)
  const id = randomUUID()
  const inserted = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('claims').values({
      id, personId: input.personId, officerId: input.officerId, status: 'active', outcome: null, note: null, opId: input.opId ?? null,
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + input.ttlMinutes * 60_000).toISOString(), endedAt: null, endedBy: null,
    }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst()
    if (!row) return false
    if (input.audit) await appendAuditIn(trx, dialect, input.audit(id))
    await emit(trx, dialect, 'claim.created', await claimById(trx, id))
    return true
  })
  if (inserted) return { result: 'created', claim: await claimById(db, id) }
  const [holder] = await loadClaims(db, { activeForPeople: [input.personId] })
  if (!holder) {
    // The holder ended their claim between our insert and this read: the officer may try again.
    return claimPerson(db, dialect, input)
  }
  return { result: 'held', holder }
}

/** Ends or changes an active claim; returns null when the claim is not active (any more). */
export async function changeClaim(
  db: Kysely<Database>, dialect: DialectName, claimId: string, byUserId: number,
  change:
    | { kind: 'release' | 'cancel' }
    | { kind: 'outcome'; outcome: string; note: string | null }
    | { kind: 'renew'; ttlMinutes: number },
): Promise<Claim | null> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString()
    let set: Partial<ClaimTable>
    let type: string
    if (change.kind === 'renew') {
      set = { expiresAt: new Date(Date.now() + change.ttlMinutes * 60_000).toISOString() }
      type = 'claim.renewed'
    } else {
      const status: ClaimStatus = change.kind === 'release' ? 'released' : change.kind === 'cancel' ? 'cancelled' : 'closed'
      set = { status, endedAt: now, endedBy: byUserId, ...(change.kind === 'outcome' ? { outcome: change.outcome, note: change.note } : {}) }
      type = change.kind === 'release' ? 'claim.released' : change.kind === 'cancel' ? 'claim.cancelled' : 'claim.outcome'
    }
    const result = await trx.updateTable('claims').set(set).where('id', '=', claimId).where('status', '=', 'active').where('expiresAt', '>', now).executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) return null
    const claim = await claimById(trx, claimId)
    await emit(trx, dialect, type, claim)
    return claim
  })
}

/** A supervisor hands an active claim to another officer: the old one ends, a new one starts. */
export async function reassignClaim(db: Kysely<Database>, dialect: DialectName, claimId: string, byUserId: number, toOfficerId: number, ttlMinutes: number): Promise<Claim | null> {
  return db.transaction().execute(async (trx) => {
    const now = new Date()
    const current = await trx.selectFrom('claims').select(['personId']).where('id', '=', claimId).where('status', '=', 'active').executeTakeFirst()
    if (!current) return null
    await trx.updateTable('claims').set({ status: 'reassigned', endedAt: now.toISOString(), endedBy: byUserId }).where('id', '=', claimId).execute()
    const id = randomUUID()
    await trx.insertInto('claims').values({
      id, personId: current.personId, officerId: toOfficerId, status: 'active', outcome: null, note: null, opId: null,
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(), endedAt: null, endedBy: null,
    }).execute()
    const claim = await claimById(trx, id)
    await emit(trx, dialect, 'claim.reassigned', claim)
    return claim
  })
}

export async function assistClaim(db: Kysely<Database>, dialect: DialectName, claimId: string, officerId: number): Promise<Claim | null> {
  return db.transaction().execute(async (trx) => {
    const active = await trx.selectFrom('claims').select('officerId').where('id', '=', claimId).where('status', '=', 'active').executeTakeFirst()
    if (!active) return null
    if (active.officerId !== officerId) {
      await trx.insertInto('claimAssists').values({ claimId, officerId, joinedAt: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['claimId', 'officerId']).doNothing()).execute()
    }
    const claim = await claimById(trx, claimId)
    await emit(trx, dialect, 'claim.assist', claim)
    return claim
  })
}

export async function claimOwner(db: Kysely<Database>, claimId: string) {
  return db.selectFrom('claims').select(['id', 'officerId', 'personId', 'status']).where('id', '=', claimId).executeTakeFirst()
}
