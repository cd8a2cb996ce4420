/**
 * `DELETE /api/briefing/items/:id`: withdraw an item. Officers' devices drop it, and the records it
 * alone brought there, at their next sync.
 */
import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client.ts'

export async function withdrawBriefingItem(id: string): Promise<void> {
  await apiRequest(`/api/briefing/items/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE' })
}
