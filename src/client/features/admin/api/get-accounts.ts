/**
 * `GET /api/admin/users?q=`: officers' accounts with their active sessions, for administrators.
 * Server data only, never stored on the device: it pauses while offline (TanStack's default
 * network mode) and the page says it needs a connection.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { AdminUser } from '../../../../shared/api/auth.ts'
import { adminUsersResponseSchema } from '../../../../shared/api/auth.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export type Account = AdminUser & {
  /** Whether `lockedUntil` was still ahead when the list was fetched. */
  locked: boolean
}

export async function getAccounts(query: string, signal?: AbortSignal): Promise<Account[]> {
  const params = new URLSearchParams()
  if (query !== '') params.set('q', query)
  const search = params.size > 0 ? `?${params.toString()}` : ''
  const { items } = await apiRequest(`/api/admin/users${search}`, adminUsersResponseSchema, { signal })
  const now = Date.now()
  return items.map((item) => ({
    ...item,
    locked: item.lockedUntil !== null && Date.parse(item.lockedUntil) > now,
  }))
}

export const accountsQueryKey = ['admin', 'accounts'] as const

export function accountsQueryOptions(query: string) {
  return queryOptions({
    queryKey: [...accountsQueryKey, query],
    queryFn: ({ signal }) => getAccounts(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  })
}
