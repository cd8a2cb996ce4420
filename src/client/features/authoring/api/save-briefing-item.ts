/**
 * `POST /api/briefing/items` (new) and `PUT /api/briefing/items/:id` (edit). The server checks
 * every link resolves and answers 400 with the ones that do not. Online only: an author at a
 * station terminal needs to know the item was published.
 */
import type { BriefingItemInput } from '../../../../shared/api/briefing.ts'
import { briefingItemSchema, type BriefingItem } from '../../../../shared/api/intel.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export function saveBriefingItem({ id, input }: { id: string | null; input: BriefingItemInput }): Promise<BriefingItem> {
  return id === null
    ? apiRequest('/api/briefing/items', briefingItemSchema, { method: 'POST', body: input })
    : apiRequest(`/api/briefing/items/${encodeURIComponent(id)}`, briefingItemSchema, { method: 'PUT', body: input })
}
