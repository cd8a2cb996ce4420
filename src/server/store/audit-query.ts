/**
 * Reading the audit trail back: the supervisor's filtered view and its CSV export. Officers read
 * only their own records (the route forces `officer`). Newest first, paged by id.
 */
import type { Kysely } from 'kysely'
import type { AuditQuery, AuditRecord } from '../../shared/api/checks.ts'
import type { AuditTable, Database } from './schema.ts'

type Row = Omit<AuditTable, 'id' | 'opId'> & { id: number }

/** How many results a record's detail says it had (checks say resultCount; older reads, results). */
function resultCountOf(detail: Record<string, unknown>): number | null {
  if (typeof detail.resultCount === 'number') return detail.resultCount
  return typeof detail.results === 'number' ? detail.results : null
}

function summarise(row: Row, detail: Record<string, unknown>, count: number | null): string {
  const query = detail.query as Record<string, string> | undefined
  const asked = query ? Object.values(query).join(' ') : null
  const parts = [(row.subjectKind ?? row.action).replace(/-/g, ' ')]
  if (asked) parts.push(`"${asked}"`)
  else if (row.subjectId) parts.push(row.subjectId)
  if (count !== null) parts.push(`${count} result${count === 1 ? '' : 's'}`)
  return parts.join(': ')
}

export function toAuditRecord(row: Row): AuditRecord {
  const detail = row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : {}
  const count = resultCountOf(detail)
  return {
    id: row.id, at: row.at, collarNumber: row.collarNumber, action: row.action, subjectKind: row.subjectKind, subjectId: row.subjectId,
    reasonCode: row.reasonCode, reasonText: row.reasonText, online: row.online === 1, resultCount: count,
    device: typeof detail.device === 'string' ? detail.device : null, summary: summarise(row, detail, count),
  }
}

/** One page of records matching the filters, newest first. */
export async function queryAudit(db: Kysely<Database>, filters: AuditQuery): Promise<{ records: AuditRecord[]; nextBefore: number | null }> {
  let q = db.selectFrom('auditLog').select(['id', 'at', 'userId', 'collarNumber', 'action', 'subjectKind', 'subjectId', 'reasonCode', 'reasonText', 'detail', 'online', 'prevHash', 'hash'])
  if (filters.officer) q = q.where('collarNumber', '=', filters.officer)
  if (filters.reason) q = q.where('reasonCode', '=', filters.reason)
  if (filters.action) q = q.where('action', '=', filters.action)
  if (filters.from) q = q.where('at', '>=', filters.from)
  if (filters.to) q = q.where('at', '<', nextDay(filters.to))
  if (filters.before) q = q.where('id', '<', filters.before)
  const subject = filters.subject
  // A subject is the record's own subject, or one of a check's results.
  if (subject) q = q.where((eb) => eb.or([eb('subjectId', '=', subject), eb('detail', 'like', `%"${subject}"%`)]))
  const rows = await q.orderBy('id', 'desc').limit(filters.limit + 1).execute()
  const page = rows.slice(0, filters.limit)
  return { records: page.map(toAuditRecord), nextBefore: rows.length > filters.limit ? page.at(-1)!.id : null }
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString()
}
