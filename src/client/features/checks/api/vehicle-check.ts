/** `POST /api/checks/vehicle`: a vehicle check on the server, which also writes its audit record. */
import { vehicleCheckResponseSchema, type VehicleCheckRequest, type VehicleCheckResponse } from '../../../../shared/api/checks.ts'
import { apiRequest } from '../../../lib/api-client.ts'
import { checkTimeoutMs } from './check-timeout.ts'

export function postVehicleCheck(request: VehicleCheckRequest): Promise<VehicleCheckResponse> {
  return apiRequest('/api/checks/vehicle', vehicleCheckResponseSchema, { method: 'POST', body: request, timeoutMs: checkTimeoutMs })
}
