/**
 * `GET /api/curfews/coverage` (supervisors): tonight's curfews in an area, how many were checked,
 * and the possible breaches. Audited as a consultation. Needs a connection.
 */
import { queryOptions } from '@tanstack/react-query'
import { coverageResponseSchema, type CoverageResponse } from '../../../../shared/api/curfews.ts'
import { apiRequest } from '../../../lib/api-client.ts'
import { nightRange } from '../curfew-list-model.ts'

export function getCoverage(areaId: string | null, signal?: AbortSignal): Promise<CoverageResponse> {
  const { from, to } = nightRange(new Date())
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), ...(areaId ? { area: areaId } : {}) })
  return apiRequest(`/api/curfews/coverage?${query.toString()}`, coverageResponseSchema, { signal })
}

export const coverageQueryOptions = (areaId: string | null) =>
  queryOptions({
    queryKey: ['curfews', 'coverage', areaId],
    queryFn: ({ signal }) => getCoverage(areaId, signal),
    refetchInterval: 60_000,
    retry: false,
  })
