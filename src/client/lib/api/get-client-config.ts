/**
 * `GET /api/config`: the server's device policy (idle-lock minutes, wrong-PIN limit, session
 * length, demo flag). Public, so it is fetched before sign-in too.
 *
 * Offline behaviour: the last answer is kept in localStorage (it holds no personal data) and read
 * synchronously at start, so the lock rules apply from the first render even with no network; with
 * nothing stored, the device baseline (30 minutes, 5 attempts) applies.
 */
import { queryOptions } from '@tanstack/react-query'
import type { ClientConfig } from '../../../shared/api/auth.ts'
import { clientConfigSchema } from '../../../shared/api/auth.ts'
import { apiRequest } from '../api-client.ts'
import { createStore, useStore } from '../external-store.ts'
import { defaultIdleLockMinutes, defaultMaxPinAttempts } from '../idle-lock.ts'
import { localKeys, readLocalJson, writeLocal } from '../storage.ts'

export const defaultClientConfig: ClientConfig = {
  idleLockMinutes: defaultIdleLockMinutes,
  sessionHours: 12,
  maxPinAttempts: defaultMaxPinAttempts,
  demo: false,
}

function storedConfig(): ClientConfig {
  const parsed = clientConfigSchema.safeParse(readLocalJson(localKeys.config))
  return parsed.success ? parsed.data : defaultClientConfig
}

export const clientConfigStore = createStore<ClientConfig>(storedConfig())

export async function getClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  const config = await apiRequest('/api/config', clientConfigSchema, { signal, sessionBound: false })
  writeLocal(localKeys.config, JSON.stringify(config))
  clientConfigStore.set(config)
  return config
}

export const clientConfigQueryOptions = queryOptions({
  queryKey: ['config'],
  queryFn: ({ signal }) => getClientConfig(signal),
  staleTime: 10 * 60_000,
})

/** The policy in force: the server's latest answer, the stored one, or the baseline. */
export function useClientConfig(): ClientConfig {
  return useStore(clientConfigStore)
}
