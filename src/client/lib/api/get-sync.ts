/**
 * `GET /api/sync?cursor=`: the officer's briefing package, or what changed since the cursor. The
 * answer is checked against the shared contract before anything of it is stored.
 *
 * Offline behaviour: fails with NetworkError; the caller keeps the package the device holds.
 */
import { syncResponseSchema, type SyncResponse } from '../../../shared/api/sync.ts'
import { apiRequest } from '../api-client.ts'

/** A first package is large on a slow mobile connection; give it longer than an ordinary call. */
const syncTimeoutMs = 90_000

export function getSync(cursor: string | undefined, signal?: AbortSignal): Promise<SyncResponse> {
  const search = cursor === undefined ? '' : `?${new URLSearchParams({ cursor }).toString()}`
  return apiRequest(`/api/sync${search}`, syncResponseSchema, { signal, timeoutMs: syncTimeoutMs })
}
