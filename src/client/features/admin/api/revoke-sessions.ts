/**
 * `POST /api/admin/users/:collarNumber/revoke`: end every session of one officer, for a lost or
 * misused device. Their devices erase Kestrel data at their next contact with the server.
 * Online only: a revocation must reach the server to mean anything.
 */
import { revokeResponseSchema } from '../../../../shared/api/auth.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export async function revokeSessions(collarNumber: string): Promise<number> {
  const { revoked } = await apiRequest(`/api/admin/users/${encodeURIComponent(collarNumber)}/revoke`, revokeResponseSchema, {
    method: 'POST',
    body: {},
  })
  return revoked
}
