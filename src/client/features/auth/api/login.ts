/**
 * `POST /api/auth/login`: collar number and password for a session cookie and the officer's
 * details. Needs the network: there is no offline sign-in, by design (the server decides who may
 * see anything).
 */
import type { LoginRequest, User } from '../../../../shared/api/auth.ts'
import { loginResponseSchema } from '../../../../shared/api/auth.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export async function login(request: LoginRequest): Promise<User> {
  // Not session-bound: a 401 here is a wrong password, not a session that ended.
  const { user } = await apiRequest('/api/auth/login', loginResponseSchema, { method: 'POST', body: request, sessionBound: false })
  return user
}
