/**
 * The wanted gallery's rules, as pure functions: who is shown (filters), in what order (priority 1
 * first, then the most harm, then the longest wanted; or nearest first with "Near me"), and how a
 * card lists warning markers (officer safety first). Kept pure so tests pin them.
 *
 * Offline behaviour: none of its own; it works the same on the server's gallery and on the synced
 * package's wanted people.
 */
import type { WantedEntry } from '../../../shared/api/claims.ts'
import type { LatLng, MarkerType, PersonRecord, Wanted } from '../../../shared/api/intel.ts'
import { markersFor } from '../../lib/marker-order.ts'
import { byCodeUnit, byText } from '../../lib/text-order.ts'

/** What a card needs about a wanted person, from either source. */
export type GalleryPerson = {
  personId: string
  surname: string
  forenames: string
  dob: string | null
  areaId: string | null
  warningMarkers: readonly string[]
  photoUrl: string | null
  wanted: Wanted
}

export function fromEntry(entry: WantedEntry): GalleryPerson {
  const { personId, surname, forenames, dob, areaId, warningMarkers, photoUrl, wanted } = entry
  return { personId, surname, forenames, dob, areaId, warningMarkers, photoUrl, wanted }
}

export function fromPerson(person: PersonRecord): GalleryPerson | null {
  if (person.wanted === null) return null
  const { id, surname, forenames, dob, areaId, warningMarkers, photoUrl, wanted } = person
  return { personId: id, surname, forenames, dob, areaId, warningMarkers, photoUrl, wanted }
}

/** Priority 1 first; then the most harm; then wanted longest; then by name, so the order is stable. */
export function comparePriority(a: GalleryPerson, b: GalleryPerson): number {
  return (
    a.wanted.priority - b.wanted.priority ||
    b.wanted.harm - a.wanted.harm ||
    byCodeUnit(a.wanted.since, b.wanted.since) ||
    byText(a.surname, b.surname) ||
    byText(a.forenames, b.forenames) ||
    byCodeUnit(a.personId, b.personId)
  )
}

const earthRadiusKm = 6371.0088

/** Great-circle distance (haversine), in kilometres. */
export function distanceKm(from: LatLng, to: LatLng): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180
  const dLat = rad(to.lat - from.lat)
  const dLng = rad(to.lng - from.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)))
}

export function lastKnownPoint(person: GalleryPerson): LatLng | null {
  const known = person.wanted.lastKnown
  if (!known || known.lat === null || known.lng === null) return null
  return { lat: known.lat, lng: known.lng }
}

export type GalleryRow = { person: GalleryPerson; distanceKm: number | null }

export type GalleryFilters = {
  /** null: every area. */
  areaId: string | null
  /** Part of the offence or warrant type, any case. */
  offence: string
  /** Part of the name, any case and either order. */
  name: string
}

export const noFilters: GalleryFilters = { areaId: null, offence: '', name: '' }

function normalise(text: string): string {
  return text.toLocaleLowerCase('en-GB').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/**
 * The test of one person against the filters, with the filters' words normalised once: for every
 * one of 5,000 people they were normalised again (locale-aware lower case), a tenth of the
 * gallery's first render on a slow phone.
 */
function filterTest(filters: GalleryFilters): (person: GalleryPerson) => boolean {
  const offence = normalise(filters.offence)
  const nameWords = normalise(filters.name).split(' ').filter((word) => word !== '')
  return (person) => {
    if (filters.areaId !== null && person.areaId !== filters.areaId) return false
    if (offence !== '' && !normalise(`${person.wanted.offence} ${person.wanted.warrantType ?? ''}`).includes(offence)) return false
    if (nameWords.length > 0) {
      const haystack = normalise(`${person.surname} ${person.forenames} ${person.surname}`)
      if (!nameWords.every((word) => haystack.includes(word))) return false
    }
    return true
  }
}

/**
 * The gallery's rows: filtered, then in priority order, or nearest first when `from` (the
 * officer's position) is known. People with no known location come after, in priority order.
 */
export function galleryRows(people: readonly GalleryPerson[], filters: GalleryFilters, from: LatLng | null): GalleryRow[] {
  const rows = people
    .filter(filterTest(filters))
    .map((person) => {
      const point = from === null ? null : lastKnownPoint(person)
      return { person, distanceKm: point === null || from === null ? null : distanceKm(from, point) }
    })
  if (from === null) return rows.sort((a, b) => comparePriority(a.person, b.person))
  return rows.sort((a, b) => {
    if (a.distanceKm === null || b.distanceKm === null) {
      if (a.distanceKm !== b.distanceKm) return a.distanceKm === null ? 1 : -1
      return comparePriority(a.person, b.person)
    }
    return a.distanceKm - b.distanceKm || comparePriority(a.person, b.person)
  })
}

/** "350 m", "1.2 km", "14 km". */
export function distanceText(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} m`
  if (km < 10) return `${km.toFixed(1)} km`
  return `${Math.round(km)} km`
}

export type CardMarker = { code: string; label: string; officerSafety: boolean }

const noMarkerTypes: ReadonlyMap<string, MarkerType> = new Map()

/** A card's warning markers, in the order every screen shows them (lib/marker-order.ts). */
export function cardMarkers(codes: readonly string[], types: ReadonlyMap<string, MarkerType> | undefined): CardMarker[] {
  return markersFor(codes, types ?? noMarkerTypes).map(({ code, label, officerSafety }) => ({ code, label, officerSafety }))
}
