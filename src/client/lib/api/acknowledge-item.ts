/**
 * `POST /api/briefing/items/:id/read`: the officer has read and acknowledged a briefing item.
 * Idempotent on the server (the first time is kept), so the outbox may send it again safely.
 */
import { z } from 'zod'
import { apiRequest } from '../api-client.ts'

const readResponseSchema = z.object({ readAt: z.string() })

export async function acknowledgeItem(itemId: string): Promise<string> {
  const { readAt } = await apiRequest(`/api/briefing/items/${encodeURIComponent(itemId)}/read`, readResponseSchema, { method: 'POST', body: {} })
  return readAt
}
