/**
 * The one TanStack Query client. It holds server answers in memory only (nothing is persisted from
 * here; what must survive offline is written to Dexie by the fetchers), and the device erase clears
 * it.
 *
 * Offline behaviour: server-only queries use the default `networkMode: 'online'`, so they pause
 * rather than fail while offline and resume on reconnect; queries that read Dexie set
 * `networkMode: 'always'` or `'offlineFirst'` themselves. Mutations run `'always'` so a tap while
 * offline fails at once with a clear message instead of waiting silently.
 */
import { QueryClient } from '@tanstack/react-query'
import { ApiError, NetworkError } from './api-client.ts'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Retry what a flaky mobile connection causes; a server refusal will not change on retry.
      retry: (failureCount, error) => {
        if (error instanceof NetworkError) return failureCount < 2
        if (error instanceof ApiError) return error.status >= 500 && failureCount < 1
        return false
      },
    },
    mutations: {
      networkMode: 'always',
      retry: false,
    },
  },
})
