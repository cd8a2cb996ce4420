/**
 * `GET /api/audit`: the audit log of checks and look-ups, newest first, a page at a time
 * (`before` the last record's id). Supervisors read every officer's records; the server answers
 * an officer with their own only. `GET /api/audit/export.csv` takes the same filters. Server data
 * only, never stored on the device: it pauses while offline and the page says it needs a connection.
 */
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { auditPageSchema } from '../../../../shared/api/checks.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export type AuditFilters = { officer: string; subject: string; reason: string; from: string; to: string }

export const noFilters: AuditFilters = { officer: '', subject: '', reason: '', from: '', to: '' }

const pageSize = 50

export function auditSearchParams(filters: AuditFilters, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) if (value.trim() !== '') params.set(name, value.trim())
  for (const [name, value] of Object.entries(extra)) params.set(name, value)
  return params
}

/** The CSV of the records these filters select (supervisors only). */
export function auditExportUrl(filters: AuditFilters): string {
  const params = auditSearchParams(filters)
  return params.size === 0 ? '/api/audit/export.csv' : `/api/audit/export.csv?${params.toString()}`
}

export function auditLogQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => {
      const params = auditSearchParams(filters, { limit: String(pageSize), ...(pageParam === null ? {} : { before: String(pageParam) }) })
      return apiRequest(`/api/audit?${params.toString()}`, auditPageSchema, { signal })
    },
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    staleTime: 10_000,
  })
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery(auditLogQueryOptions(filters))
}
