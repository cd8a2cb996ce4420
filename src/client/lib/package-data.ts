/**
 * Live views of the briefing package for any screen: whether it is there and fresh enough to show,
 * what it holds, and the marker-type reference list. Screens read Dexie through useLiveQuery, so
 * a sync that lands while a screen is open updates it in place.
 *
 * Offline behaviour: all of this reads the device only. A package past its `staleAfter` is
 * reported as stale and screens must not show its records until a sync succeeds.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import type { MarkerType } from '../../shared/api/intel.ts'
import { db, type PackageMeta } from './database.ts'
import { isPackageStale } from './package-merge.ts'
import { serverNow } from './server-clock.ts'

/**
 * The clock, re-read every `intervalMs`, for "5 minutes ago" and expiry: the server's clock
 * (lib/server-clock.ts), because the times it is compared with are the server's. Pass `Date.now`
 * to compare with times this device stamped itself.
 */
export function useNow(intervalMs = 30_000, clock: () => number = serverNow): number {
  const [now, setNow] = useState(clock)
  useEffect(() => {
    const timer = window.setInterval(() => setNow(clock()), intervalMs)
    return () => window.clearInterval(timer)
  }, [intervalMs, clock])
  return now
}

/** The package's bookkeeping row: undefined while reading, null before the first sync. */
export function usePackageMeta(): PackageMeta | null | undefined {
  return useLiveQuery(async () => (await db.meta.get('package')) ?? null, [])
}

export type PackageAvailability = 'loading' | 'missing' | 'stale' | 'ready'

export function usePackageAvailability(): { availability: PackageAvailability; meta: PackageMeta | null } {
  const meta = usePackageMeta()
  const now = useNow()
  if (meta === undefined) return { availability: 'loading', meta: null }
  if (meta === null) return { availability: 'missing', meta }
  return { availability: isPackageStale(meta, now) ? 'stale' : 'ready', meta }
}

export type PackageCounts = { people: number; vehicles: number; addresses: number; briefingItems: number }

export function usePackageCounts(): PackageCounts | undefined {
  return useLiveQuery(async () => {
    const [people, vehicles, addresses, briefingItems] = await Promise.all([db.people.count(), db.vehicles.count(), db.addresses.count(), db.briefingItems.count()])
    return { people, vehicles, addresses, briefingItems }
  }, [])
}

/** Marker types by code, officer-safety ones flagged: the reference for every marker shown. */
export function useMarkerTypes(): ReadonlyMap<string, MarkerType> | undefined {
  return useLiveQuery(async () => new Map((await db.markerTypes.toArray()).map((type) => [type.code, type])), [])
}
