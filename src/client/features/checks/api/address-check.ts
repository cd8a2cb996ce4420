/** `POST /api/checks/address`: an address check on the server, which also writes its audit record. */
import { addressCheckResponseSchema, type AddressCheckRequest, type AddressCheckResponse } from '../../../../shared/api/checks.ts'
import { apiRequest } from '../../../lib/api-client.ts'
import { checkTimeoutMs } from './check-timeout.ts'

export function postAddressCheck(request: AddressCheckRequest): Promise<AddressCheckResponse> {
  return apiRequest('/api/checks/address', addressCheckResponseSchema, { method: 'POST', body: request, timeoutMs: checkTimeoutMs })
}
