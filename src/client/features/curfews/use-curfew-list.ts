/**
 * Tonight's list for the Curfews screen: the curfews from the package on this device (so the list
 * works offline), joined with what the server says about each address tonight (other officers'
 * checks and visits in progress) and this device's own checks, which count at once, before they
 * are sent. Server state is fetched again on every curfew event and on re-sync.
 *
 * Offline behaviour: the package and the device's checks only; `server` says the server's view is
 * missing, so the screen can say so.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useMemo } from 'react'
import type { DueItem } from '../../../shared/api/curfews.ts'
import type { AddressRecord } from '../../../shared/api/intel.ts'
import { useDeviceCurfewChecks } from '../../lib/curfew-checks.ts'
import { db, type CurfewCheckRecord } from '../../lib/database.ts'
import { onResync, useLiveEvents } from '../../lib/event-stream.ts'
import { refetchAfterChange } from '../../lib/refetch-after-change.ts'
import { dueQueryOptions } from './api/get-due.ts'
import { curfewEntries, type CurfewEntry } from './curfew-list-model.ts'

export const curfewEventTypes = ['curfew.visit', 'curfew.checked', 'curfew.breach'] as const

/** Fetch the server's curfew views again whenever a curfew event arrives or events may have been missed. */
export function useCurfewRefresh(): void {
  const queryClient = useQueryClient()
  useLiveEvents(curfewEventTypes, () => void refetchAfterChange(queryClient, ['curfews']))
  useEffect(() => onResync(() => void refetchAfterChange(queryClient, ['curfews'])), [queryClient])
}

export type CurfewListRow = CurfewEntry & { server: DueItem | null; deviceCheck: CurfewCheckRecord | null }

export function useCurfewList(areaId: string | null, hoursAhead: number, now: number) {
  const data = useLiveQuery(async () => {
    const people = (areaId === null ? await db.people.toArray() : await db.people.where('areaId').equals(areaId).toArray())
      .filter((p) => p.conditions.some((c) => c.kind === 'curfew'))
    const ids = [...new Set(people.flatMap((p) => p.conditions.filter((c) => c.kind === 'curfew').map((c) => c.addressId ?? p.addressId)))]
      .filter((id): id is string => id !== null)
    const addresses = new Map<string, AddressRecord>()
    for (const address of await db.addresses.bulkGet(ids)) if (address) addresses.set(address.id, address)
    return { people, addresses }
  }, [areaId])
  // The list moves on with the clock (a minute at a time), not with every render.
  const minute = Math.floor(now / 60_000)
  const entries = useMemo(() => (data ? curfewEntries(data.people, data.addresses, new Date(minute * 60_000), hoursAhead) : undefined), [data, minute, hoursAhead])

  const server = useQuery(dueQueryOptions(hoursAhead))
  const since = entries?.reduce((min, e) => (e.windows[0] && e.windows[0].start < min ? e.windows[0].start : min), new Date(minute * 60_000).toISOString()) ?? ''
  const deviceChecks = useDeviceCurfewChecks(entries?.map((e) => e.conditionId) ?? [], since)

  const rows = useMemo((): CurfewListRow[] | undefined => {
    if (!entries) return undefined
    const byCondition = new Map((server.data?.items ?? []).map((item) => [item.conditionId, item]))
    return entries.map((entry) => {
      const start = entry.windows[0]?.start ?? ''
      const deviceCheck = deviceChecks?.find((c) => c.conditionId === entry.conditionId && c.checkedAt >= start) ?? null
      return { ...entry, server: byCondition.get(entry.conditionId) ?? null, deviceCheck }
    })
  }, [entries, server.data, deviceChecks])

  return { rows, serverState: server.isSuccess ? 'current' : server.isError ? 'unavailable' : 'loading', serverError: server.error } as const
}
