/** `POST /api/checks/person`: a person check on the server, which also writes its audit record. */
import { personCheckResponseSchema, type PersonCheckRequest, type PersonCheckResponse } from '../../../../shared/api/checks.ts'
import { apiRequest } from '../../../lib/api-client.ts'
import { checkTimeoutMs } from './check-timeout.ts'

export function postPersonCheck(request: PersonCheckRequest): Promise<PersonCheckResponse> {
  return apiRequest('/api/checks/person', personCheckResponseSchema, { method: 'POST', body: request, timeoutMs: checkTimeoutMs })
}
