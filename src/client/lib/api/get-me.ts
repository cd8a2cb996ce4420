/**
 * `GET /api/me`: who this session belongs to and when it ends. The session module calls it to
 * confirm a stored session and to notice, at the next contact, that it was revoked or expired.
 *
 * Offline behaviour: fails with NetworkError, which callers treat as "keep the stored session".
 */
import type { MeResponse } from '../../../shared/api/auth.ts'
import { meResponseSchema } from '../../../shared/api/auth.ts'
import { apiRequest } from '../api-client.ts'

export function getMe(signal?: AbortSignal): Promise<MeResponse> {
  return apiRequest('/api/me', meResponseSchema, { signal })
}
