/**
 * `GET /api/crime/months`: the months with stored crime, for the map's period choice.
 *
 * Offline behaviour: pauses; the period choice then offers only the package's month.
 */
import { queryOptions } from '@tanstack/react-query'
import { crimeMonthsResponseSchema, type CrimeMonthsResponse } from '../../../../shared/api/crime.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export function getCrimeMonths(signal?: AbortSignal): Promise<CrimeMonthsResponse> {
  return apiRequest('/api/crime/months', crimeMonthsResponseSchema, { signal })
}

export const crimeMonthsQueryOptions = queryOptions({
  queryKey: ['crime', 'months'],
  queryFn: ({ signal }) => getCrimeMonths(signal),
  staleTime: 30 * 60_000,
  retry: false,
})
