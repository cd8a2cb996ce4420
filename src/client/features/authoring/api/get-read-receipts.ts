/** `GET /api/briefing/items/:id/reads`: who has acknowledged an item, and when. */
import { queryOptions } from '@tanstack/react-query'
import { readReceiptsResponseSchema } from '../../../../shared/api/briefing.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export function readReceiptsQueryOptions(itemId: string) {
  return queryOptions({
    queryKey: ['authoring', 'reads', itemId],
    queryFn: async ({ signal }) => (await apiRequest(`/api/briefing/items/${encodeURIComponent(itemId)}/reads`, readReceiptsResponseSchema, { signal })).items,
    staleTime: 10_000,
  })
}
