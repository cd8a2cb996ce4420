/**
 * `POST /api/briefing/items/:id/task`: accept a task or record its result. The answer is the item
 * as the server now holds it. A task someone else already completed is refused with 409 and a
 * message naming who did.
 */
import type { z } from 'zod'
import type { taskUpdateSchema } from '../../../shared/api/briefing.ts'
import { briefingItemSchema, type BriefingItem } from '../../../shared/api/intel.ts'
import { apiRequest } from '../api-client.ts'

export type TaskUpdate = z.input<typeof taskUpdateSchema>

export function updateTask(itemId: string, update: TaskUpdate): Promise<BriefingItem> {
  return apiRequest(`/api/briefing/items/${encodeURIComponent(itemId)}/task`, briefingItemSchema, { method: 'POST', body: update })
}
