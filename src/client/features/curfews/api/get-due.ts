/**
 * `GET /api/curfews/due`: the server's view of the curfews due in the officer's area over a range,
 * with each address's last check and any visit in progress (other officers' too). The server
 * records each call as a consultation, so it is asked only while the Curfews screen is open.
 *
 * Offline behaviour: fails with NetworkError; the screen keeps the list from the package and the
 * checks this device made, and says other officers' checks are not shown.
 */
import { queryOptions } from '@tanstack/react-query'
import { dueResponseSchema, type DueResponse } from '../../../../shared/api/curfews.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export function getDue(range: { from: Date; to: Date }, signal?: AbortSignal): Promise<DueResponse> {
  const query = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString() })
  return apiRequest(`/api/curfews/due?${query.toString()}`, dueResponseSchema, { signal })
}

/** The range is read from the clock at each fetch, so the key stays put while time passes. */
export const dueQueryOptions = (hoursAhead: number) =>
  queryOptions({
    queryKey: ['curfews', 'due', hoursAhead],
    queryFn: ({ signal }) => {
      const from = new Date()
      return getDue({ from, to: new Date(from.getTime() + hoursAhead * 3_600_000) }, signal)
    },
    refetchInterval: 60_000,
    retry: false,
  })
