/**
 * `GET /api/wanted`: the wanted gallery as the server holds it now, priority first, then harm, with
 * each person's active claim. The server records every call as a consultation, so the claims store
 * asks for it only when a screen that shows claims is open.
 *
 * Offline behaviour: fails with NetworkError; screens then show the synced package's wanted people,
 * with the claim state they last knew, marked as possibly out of date.
 */
import { wantedResponseSchema, type WantedEntry } from '../../../shared/api/claims.ts'
import { apiRequest } from '../api-client.ts'

export async function getWanted(signal?: AbortSignal): Promise<WantedEntry[]> {
  const { items } = await apiRequest('/api/wanted', wantedResponseSchema, { signal })
  return items
}
