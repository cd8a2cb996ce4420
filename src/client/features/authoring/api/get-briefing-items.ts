/**
 * `GET /api/briefing/items`: current and coming briefing items, for their authors. Server data
 * only: it pauses while offline (TanStack's default network mode) and the page says it needs a
 * connection.
 */
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { briefingItemSchema, type BriefingItem } from '../../../../shared/api/intel.ts'
import { apiRequest } from '../../../lib/api-client.ts'

const itemsResponseSchema = z.object({ items: z.array(briefingItemSchema) })

export async function getBriefingItems(signal?: AbortSignal): Promise<BriefingItem[]> {
  const { items } = await apiRequest('/api/briefing/items', itemsResponseSchema, { signal })
  return items
}

export const briefingItemsQueryKey = ['authoring', 'items'] as const

export const briefingItemsQueryOptions = queryOptions({
  queryKey: briefingItemsQueryKey,
  queryFn: ({ signal }) => getBriefingItems(signal),
  staleTime: 15_000,
})
