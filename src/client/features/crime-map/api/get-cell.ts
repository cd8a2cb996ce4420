/**
 * `GET /api/crime/cells/:cell`: one cell's crime by month and category over the last twelve months
 * to the month shown, for the map's tap-a-cell details.
 *
 * Offline behaviour: needs the server. A breakdown fetched earlier in this session stays in the
 * in-memory query cache and is shown, labelled as fetched earlier; otherwise the details say the
 * breakdown needs a connection and show the cell's figures from the package.
 */
import { queryOptions } from '@tanstack/react-query'
import { cellBreakdownSchema, type CellBreakdown } from '../../../../shared/api/crime.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export const breakdownMonths = 12

export function getCellBreakdown(cell: string, month: string | null, signal?: AbortSignal): Promise<CellBreakdown> {
  const query = new URLSearchParams({ months: String(breakdownMonths) })
  if (month) query.set('month', month)
  return apiRequest(`/api/crime/cells/${encodeURIComponent(cell)}?${query.toString()}`, cellBreakdownSchema, { signal })
}

export const cellBreakdownQueryOptions = (cell: string, month: string | null) =>
  queryOptions({
    queryKey: ['crime', 'cell', cell, month],
    queryFn: ({ signal }) => getCellBreakdown(cell, month, signal),
    staleTime: 5 * 60_000,
    // Kept for the session, so a cell opened online still shows its breakdown after the signal goes.
    gcTime: 60 * 60_000,
    retry: false,
  })
