/**
 * `GET /api/crime/trends`: the trend of every cell with crime in a month (or its baseline), for the
 * crime map's chosen month, baseline, category and cell size. Aggregate counts, not personal data.
 *
 * Offline behaviour: the query pauses (or fails with NetworkError); the map then shows the
 * package's cells from Dexie (latest month, all crime) and says so.
 */
import { queryOptions } from '@tanstack/react-query'
import { trendsResponseSchema, type TrendsResponse } from '../../../../shared/api/crime.ts'
import type { CrimeCategorySlug } from '../../../../shared/domain/crime-categories.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export type TrendFilters = {
  /** YYYY-MM, or null for the latest month stored */
  month: string | null
  baselineMonths: number
  category: CrimeCategorySlug | null
  resolution: number
}

export const defaultTrendFilters: TrendFilters = { month: null, baselineMonths: 3, category: null, resolution: 9 }

export function getTrends(filters: TrendFilters, signal?: AbortSignal): Promise<TrendsResponse> {
  const query = new URLSearchParams({ baselineMonths: String(filters.baselineMonths), resolution: String(filters.resolution) })
  if (filters.month) query.set('month', filters.month)
  if (filters.category) query.set('category', filters.category)
  return apiRequest(`/api/crime/trends?${query.toString()}`, trendsResponseSchema, { signal })
}

export const trendsQueryOptions = (filters: TrendFilters) =>
  queryOptions({
    queryKey: ['crime', 'trends', filters],
    queryFn: ({ signal }) => getTrends(filters, signal),
    staleTime: 5 * 60_000,
    retry: false,
  })
