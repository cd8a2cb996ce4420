/**
 * `POST /api/curfews/:conditionId/visit`: tell other officers you are on your way to a curfew
 * address (shown for 30 minutes). Another officer already on the way gets 409 `visit_in_progress`
 * naming them. Needs a connection: the point is that others see it now.
 */
import { visitResponseSchema, type CurfewVisit } from '../../../../shared/api/curfews.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export async function startVisit(conditionId: string): Promise<CurfewVisit> {
  const { visit } = await apiRequest(`/api/curfews/${encodeURIComponent(conditionId)}/visit`, visitResponseSchema, { method: 'POST' })
  return visit
}
