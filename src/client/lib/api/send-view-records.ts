/**
 * `POST /api/audit/views`: profile views made on the device, in batches. The server stores each
 * record once by its opId, so a batch resent after a dropped connection adds nothing twice.
 */
import { viewRecordsResponseSchema, type ViewRecord } from '../../../shared/api/audit.ts'
import { apiRequest } from '../api-client.ts'

/** The server's limit per request. */
export const maxViewRecordsPerRequest = 500

export async function sendViewRecords(records: ViewRecord[]): Promise<void> {
  await apiRequest('/api/audit/views', viewRecordsResponseSchema, { method: 'POST', body: { records } })
}
