/**
 * `GET /api/checks/reasons`: the force's list of reasons for a check. Each answer is kept in Dexie
 * (`checkReasons`), so the picker offers the same list offline; before the first answer, or if
 * the device holds none, the built-in list (shared/domain/reasons.ts) is offered.
 */
import { useQuery } from '@tanstack/react-query'
import { checkReasonsResponseSchema } from '../../../../shared/api/checks.ts'
import { lookupReasons } from '../../../../shared/domain/reasons.ts'
import { apiRequest, ApiError } from '../../../lib/api-client.ts'
import { db } from '../../../lib/database.ts'

export type CheckReason = { code: string; label: string }

async function cachedReasons(): Promise<CheckReason[]> {
  const rows = await db.checkReasons.toArray()
  if (rows.length === 0) return lookupReasons.map(({ code, label }) => ({ code, label }))
  return rows.sort((a, b) => a.order - b.order).map(({ code, label }) => ({ code, label }))
}

export async function getCheckReasons(): Promise<CheckReason[]> {
  try {
    const { reasons } = await apiRequest('/api/checks/reasons', checkReasonsResponseSchema, { timeoutMs: 8_000 })
    if (reasons.length === 0) return cachedReasons()
    await db.transaction('rw', db.checkReasons, async () => {
      await db.checkReasons.clear()
      await db.checkReasons.bulkPut(reasons.map((reason, order) => ({ ...reason, order })))
    })
    return reasons
  } catch (error) {
    // Offline, unreachable or refused: the list the device last had still applies.
    if (!(error instanceof ApiError) || error.status !== 401) return cachedReasons()
    throw error
  }
}

export function useCheckReasons() {
  return useQuery({ queryKey: ['check-reasons'], queryFn: getCheckReasons, networkMode: 'always', staleTime: 60 * 60_000, retry: false })
}
