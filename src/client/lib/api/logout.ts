/**
 * `POST /api/auth/logout`: end the session on the server. Best effort: the device erase never waits
 * on it for long, and a failure while offline is remembered and retried (see session.ts).
 */
import { z } from 'zod'
import { apiRequest } from '../api-client.ts'

const logoutTimeoutMs = 5_000

export async function logout(): Promise<void> {
  // Not session-bound: a 401 here only means the server had already ended the session.
  await apiRequest('/api/auth/logout', z.unknown(), { method: 'POST', body: {}, sessionBound: false, timeoutMs: logoutTimeoutMs })
}
