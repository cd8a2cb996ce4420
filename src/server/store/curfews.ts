/**
 * Curfew checks in the store: which curfews are due in an area over a range of time (the shared
 * window rules decide), each door-knock stored once by its client-made id, the visit in progress
 * at an address, and a person's check history.
 *
 * A check is written with its events in one transaction: `curfew.checked` for everyone (no
 * result in it: the due list, an audited read, says what was found) and, for an absent or refused
 * result inside the curfew hours, `curfew.breach` for supervisors only.
 */
import type { Kysely, Selectable } from 'kysely'
import {
  breachResults, curfewDetailsSchema, resultLabels, type CheckRequest, type CurfewCheck, type CurfewVisit, type DueItem,
} from '../../shared/api/curfews.ts'
import { curfewActiveAt, windowInstants, type CurfewRule } from '../../shared/curfew/windows.ts'
import { appendEvent } from '../realtime/event-log.ts'
import type { DialectName } from './dialect.ts'
import { mediaUrl } from './media.ts'
import type { CurfewCheckTable, Database } from './schema.ts'

type Db = Kysely<Database>
type CheckRow = Selectable<CurfewCheckTable> & { collarNumber: string; name: string }

export const VISIT_MINUTES = 30

const day = (iso: string, offsetDays = 0) => new Date(Date.parse(iso) + offsetDays * 86_400_000).toISOString().slice(0, 10)

function checkOf(row: CheckRow): CurfewCheck {
  return {
    id: row.id,
    conditionId: row.conditionId,
    personId: row.personId,
    officer: { collarNumber: row.collarNumber, name: row.name },
    result: row.result,
    checkedAt: row.checkedAt,
    position: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng, accuracy: row.accuracy } : null,
    note: row.note,
    answeredBy: row.answeredBy,
    inWindow: row.inWindow === 1,
    breach: row.breach === 1,
    createdAt: row.createdAt,
  }
}

const checksWithOfficer = (db: Db) =>
  db.selectFrom('curfewChecks').innerJoin('users', 'users.id', 'curfewChecks.officerId').selectAll('curfewChecks').select(['users.collarNumber', 'users.name'])

/** The curfew conditions of people in an area (all areas when null) that may have windows in the range. */
async function curfewsFor(db: Db, areaId: string | null, from: string, to: string) {
  let query = db.selectFrom('conditions').innerJoin('people', 'people.id', 'conditions.personId')
    .leftJoin('addresses', 'addresses.id', 'conditions.addressId')
    .leftJoin('media', 'media.id', 'people.photoMediaId')
    .select([
      'conditions.id as conditionId', 'conditions.personId', 'conditions.details', 'conditions.validFrom', 'conditions.validTo',
      'people.surname', 'people.forenames', 'people.warningMarkers', 'people.areaId', 'people.photoMediaId', 'media.version as photoVersion',
      'addresses.id as addressId', 'addresses.line1', 'addresses.line2', 'addresses.town', 'addresses.postcode', 'addresses.lat', 'addresses.lng',
      'addresses.areaId as addressAreaId', 'addresses.warnings as addressWarnings',
    ])
    .where('conditions.kind', '=', 'curfew')
    // A window may start the day before the range (it runs past midnight) and London is never
    // more than a day from UTC: a day's margin either side.
    .where('conditions.validTo', '>=', day(from, -2))
    .where('conditions.validFrom', '<=', day(to, 1))
  if (areaId !== null) query = query.where('people.areaId', '=', areaId)
  return query.orderBy('people.surname').orderBy('people.forenames').orderBy('conditions.id').execute()
}

async function activeVisits(db: Db, conditionIds: string[], now: string): Promise<Map<string, CurfewVisit>> {
  if (conditionIds.length === 0) return new Map()
  const rows = await db.selectFrom('curfewVisits').innerJoin('users', 'users.id', 'curfewVisits.officerId')
    .selectAll('curfewVisits').select(['users.collarNumber', 'users.name'])
    .where('curfewVisits.conditionId', 'in', conditionIds).where('curfewVisits.expiresAt', '>', now).execute()
  return new Map(rows.map((r) => [r.conditionId, { conditionId: r.conditionId, officer: { collarNumber: r.collarNumber, name: r.name }, startedAt: r.startedAt, expiresAt: r.expiresAt }]))
}

/** Everyone in the area whose curfew has a window overlapping [from, to), with their last check and visit. */
export async function dueCurfews(db: Db, input: { areaId: string | null; from: Date; to: Date; now?: Date }): Promise<DueItem[]> {
  const now = (input.now ?? new Date()).toISOString()
  const rows = await curfewsFor(db, input.areaId, input.from.toISOString(), input.to.toISOString())
  const items: (DueItem & { since: string })[] = []
  for (const row of rows) {
    const parsed = curfewDetailsSchema.safeParse(JSON.parse(row.details))
    if (!parsed.success) continue
    const rule: CurfewRule = { windows: parsed.data.windows, validFrom: row.validFrom, validTo: row.validTo }
    const windows = windowInstants(rule, input.from, input.to)
    if (windows.length === 0) continue
    items.push({
      conditionId: row.conditionId,
      personId: row.personId,
      surname: row.surname,
      forenames: row.forenames,
      photoUrl: row.photoMediaId ? mediaUrl(row.photoMediaId, row.photoVersion ?? '') : null,
      warningMarkers: JSON.parse(row.warningMarkers) as string[],
      areaId: row.areaId,
      address: row.addressId !== null ? {
        id: row.addressId, line1: row.line1 ?? '', line2: row.line2, town: row.town ?? '', postcode: row.postcode ?? '', lat: row.lat ?? 0, lng: row.lng ?? 0,
        areaId: row.addressAreaId, warnings: JSON.parse(row.addressWarnings ?? '[]') as { code: string; label: string }[],
      } : null,
      rule,
      windows,
      doorstep: parsed.data.doorstep === true,
      tag: parsed.data.tag === true,
      lastCheck: null,
      visit: null,
      since: windows[0]!.start,
    })
  }
  const ids = items.map((i) => i.conditionId)
  const visits = await activeVisits(db, ids, now)
  const earliest = items.reduce((min, i) => (i.since < min ? i.since : min), input.from.toISOString())
  const checks = ids.length
    ? await checksWithOfficer(db).where('curfewChecks.conditionId', 'in', ids).where('curfewChecks.checkedAt', '>=', earliest)
      .orderBy('curfewChecks.checkedAt', 'desc').execute()
    : []
  const latest = new Map<string, CurfewCheck>()
  for (const row of checks) if (!latest.has(row.conditionId)) latest.set(row.conditionId, checkOf(row))
  return items.map(({ since, ...item }) => {
    const check = latest.get(item.conditionId)
    return { ...item, lastCheck: check && check.checkedAt >= since ? check : null, visit: visits.get(item.conditionId) ?? null }
  })
}

export async function findCurfew(db: Db, conditionId: string) {
  const row = await db.selectFrom('conditions').innerJoin('people', 'people.id', 'conditions.personId')
    .leftJoin('addresses', 'addresses.id', 'conditions.addressId')
    .select(['conditions.id', 'conditions.personId', 'conditions.details', 'conditions.validFrom', 'conditions.validTo', 'people.surname', 'people.forenames', 'people.areaId',
      'addresses.line1', 'addresses.postcode'])
    .where('conditions.id', '=', conditionId).where('conditions.kind', '=', 'curfew').executeTakeFirst()
  if (!row) return null
  const details = curfewDetailsSchema.safeParse(JSON.parse(row.details))
  const rule: CurfewRule = { windows: details.success ? details.data.windows : [], validFrom: row.validFrom, validTo: row.validTo }
  return { ...row, rule, address: row.line1 ? `${row.line1}, ${row.postcode ?? ''}`.trim() : null }
}
export type CurfewRecord = NonNullable<Awaited<ReturnType<typeof findCurfew>>>

/** What a stored check must match for a replay to count as the same check. */
function sameCheck(row: Selectable<CurfewCheckTable>, officerId: number, conditionId: string, input: CheckRequest): boolean {
  return row.officerId === officerId && row.conditionId === conditionId && row.result === input.result
    && Date.parse(row.checkedAt) === Date.parse(input.checkedAt)
    && (row.lat ?? null) === (input.position?.lat ?? null) && (row.lng ?? null) === (input.position?.lng ?? null)
    && (row.accuracy ?? null) === (input.position?.accuracy ?? null)
    && (row.note ?? null) === (input.note || null) && (row.answeredBy ?? null) === (input.answeredBy || null)
}

export type CheckAttempt = { result: 'created' | 'replayed'; check: CurfewCheck } | { result: 'conflict' }

async function checkById(db: Db, id: string): Promise<CurfewCheck> {
  const row = await checksWithOfficer(db).where('curfewChecks.id', '=', id).executeTakeFirstOrThrow()
  return checkOf(row)
}

export async function recordCurfewCheck(
  db: Db, dialect: DialectName, curfew: CurfewRecord, officer: { id: number; collarNumber: string; name: string }, input: CheckRequest,
): Promise<CheckAttempt> {
  const earlier = await db.selectFrom('curfewChecks').selectAll().where('id', '=', input.id).executeTakeFirst()
  if (earlier) return sameCheck(earlier, officer.id, curfew.id, input) ? { result: 'replayed', check: await checkById(db, input.id) } : { result: 'conflict' }
  const checkedAt = new Date(input.checkedAt).toISOString()
  const inWindow = curfewActiveAt(curfew.rule, new Date(checkedAt))
  const breach = inWindow && breachResults.includes(input.result)
  const inserted = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('curfewChecks').values({
      id: input.id, conditionId: curfew.id, personId: curfew.personId, officerId: officer.id, result: input.result, checkedAt,
      lat: input.position?.lat ?? null, lng: input.position?.lng ?? null, accuracy: input.position?.accuracy ?? null,
      note: input.note || null, answeredBy: input.answeredBy || null, inWindow: inWindow ? 1 : 0, breach: breach ? 1 : 0, createdAt: new Date().toISOString(),
    }).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst()
    if (!row) return false
    const officerRef = { collarNumber: officer.collarNumber, name: officer.name }
    await appendEvent(trx, dialect, { type: 'curfew.checked', personId: curfew.personId, audience: 'all', body: { curfew: { conditionId: curfew.id, officer: officerRef, checkId: input.id, checkedAt } } })
    if (breach) {
      await appendEvent(trx, dialect, {
        type: 'curfew.breach', personId: curfew.personId, audience: 'supervisors',
        body: { curfew: {
          conditionId: curfew.id, officer: officerRef, checkId: input.id, result: input.result, checkedAt,
          personName: `${curfew.surname.toUpperCase()}, ${curfew.forenames}`, address: curfew.address ?? undefined, areaId: curfew.areaId,
        } },
      })
    }
    return true
  })
  if (!inserted) {
    // Another request with the same id won the race: judge this one against it.
    return recordCurfewCheck(db, dialect, curfew, officer, input)
  }
  return { result: 'created', check: await checkById(db, input.id) }
}

export type VisitAttempt = { result: 'started'; visit: CurfewVisit } | { result: 'held'; holder: CurfewVisit }

/**
 * Marks "on my way" at a curfew address for VISIT_MINUTES. The row per condition is taken over
 * only when it has expired or is the same officer's, so of two officers exactly one holds it.
 */
export async function startVisit(db: Db, dialect: DialectName, curfew: CurfewRecord, officer: { id: number; collarNumber: string; name: string }, now = new Date()): Promise<VisitAttempt> {
  const startedAt = now.toISOString()
  const expiresAt = new Date(now.getTime() + VISIT_MINUTES * 60_000).toISOString()
  const taken = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('curfewVisits').values({ conditionId: curfew.id, officerId: officer.id, startedAt, expiresAt })
      .onConflict((oc) => oc.column('conditionId').doUpdateSet({ officerId: officer.id, startedAt, expiresAt })
        .where((eb) => eb.or([eb('curfewVisits.expiresAt', '<=', startedAt), eb('curfewVisits.officerId', '=', officer.id)])))
      .returning('conditionId').executeTakeFirst()
    if (!row) return false
    await appendEvent(trx, dialect, {
      type: 'curfew.visit', personId: curfew.personId, audience: 'all',
      body: { curfew: { conditionId: curfew.id, officer: { collarNumber: officer.collarNumber, name: officer.name }, expiresAt } },
    })
    return true
  })
  if (taken) return { result: 'started', visit: { conditionId: curfew.id, officer: { collarNumber: officer.collarNumber, name: officer.name }, startedAt, expiresAt } }
  const holder = (await activeVisits(db, [curfew.id], startedAt)).get(curfew.id)
  // The holder's visit expired between our attempt and this read: try again.
  if (!holder) return startVisit(db, dialect, curfew, officer, now)
  return { result: 'held', holder }
}

/** A person's curfew checks, newest first. */
export async function curfewHistory(db: Db, personId: string, limit = 100): Promise<CurfewCheck[]> {
  const rows = await checksWithOfficer(db).where('curfewChecks.personId', '=', personId).orderBy('curfewChecks.checkedAt', 'desc').limit(limit).execute()
  return rows.map(checkOf)
}

/** The words a breach's briefing item uses. */
export function breachItemText(curfew: CurfewRecord, check: CurfewCheck) {
  const name = `${curfew.surname.toUpperCase()}, ${curfew.forenames}`
  const at = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(check.checkedAt))
  const lines = [
    `${check.officer.name} (${check.officer.collarNumber}) recorded "${resultLabels[check.result]}" at a curfew check on ${at}${curfew.address ? ` at ${curfew.address}` : ''}.`,
    check.answeredBy ? `Door answered by: ${check.answeredBy}.` : null,
    check.note ? `Note: ${check.note}` : null,
    'Possible breach of a curfew condition: consider arrest for breach of bail or a breach report, and check again.',
  ].filter((l): l is string => l !== null)
  return { title: `Possible curfew breach: ${name}`, body: lines.join('\n') }
}
