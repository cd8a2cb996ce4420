/**
 * Fetch queries again because the server's data has changed (a live event, a re-sync, the officer's
 * own action). React Query's `invalidateQueries` does not restart a fetch that is already under way
 * when the query holds no data yet (its first fetch): it waits for that fetch, whose answer may have
 * been read before the change. A colleague's curfew check that arrived while the Curfews screen's
 * first fetch was still running was lost that way until the next minute's poll. So the fetch under
 * way is cancelled first, and the invalidation starts a fresh one.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query'

export async function refetchAfterChange(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey })
  await queryClient.invalidateQueries({ queryKey })
}
