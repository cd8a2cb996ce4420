/**
 * The wanted people the gallery shows: the server's gallery when this page has fetched it (it is
 * fetched on opening, with the claims), else the wanted people of the briefing package synced to
 * this device, so the gallery works offline. Also the area names and marker types the package
 * brings, for the filters and the cards.
 *
 * Offline behaviour: reads Dexie only. A package past its `staleAfter` is not shown (the rule every
 * screen follows); the page then says to connect and update.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import type { MarkerType } from '../../../shared/api/intel.ts'
import type { ClaimsView } from '../../lib/claims-store.ts'
import { db, type AreaRecord, type PackageMeta } from '../../lib/database.ts'
import { useMarkerTypes, usePackageAvailability, type PackageAvailability } from '../../lib/package-data.ts'
import { fromEntry, fromPerson, type GalleryPerson } from './gallery-model.ts'

export type WantedPeople = {
  /** undefined while reading the device. */
  people: readonly GalleryPerson[] | undefined
  source: 'server' | 'package' | 'none'
  availability: PackageAvailability
  meta: PackageMeta | null
  areas: ReadonlyMap<string, string>
  markerTypes: ReadonlyMap<string, MarkerType> | undefined
}

export function useWantedPeople(view: ClaimsView): WantedPeople {
  const { availability, meta } = usePackageAvailability()
  const fromServer = view.entries !== null
  const packagePeople = useLiveQuery(async () => {
    if (fromServer || availability !== 'ready') return []
    // Every wanted person in the force comes with the package; `wanted` is not indexed, so scan.
    // A filtered collection walks a cursor: many short tasks, where one getAll of every person is
    // one long one (Lighthouse's Total Blocking Time; README, Lighthouse).
    const people = await db.people.filter((person) => person.wanted !== null).toArray()
    return people.flatMap((person) => fromPerson(person) ?? [])
  }, [fromServer, availability])
  const areaRows = useLiveQuery(() => db.areas.toArray(), [])
  const markerTypes = useMarkerTypes()

  const serverPeople = useMemo(() => view.entries?.map(fromEntry) ?? null, [view.entries])
  const areas = useMemo(() => new Map((areaRows ?? []).map((area: AreaRecord) => [area.id, area.name])), [areaRows])

  if (serverPeople !== null) return { people: serverPeople, source: 'server', availability, meta, areas, markerTypes }
  if (availability === 'loading' || (availability === 'ready' && packagePeople === undefined)) {
    return { people: undefined, source: 'none', availability, meta, areas, markerTypes }
  }
  if (availability === 'ready' && packagePeople !== undefined) return { people: packagePeople, source: 'package', availability, meta, areas, markerTypes }
  return { people: [], source: 'none', availability, meta, areas, markerTypes }
}
