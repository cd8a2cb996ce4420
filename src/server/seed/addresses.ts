/**
 * The demo gazetteer and its addresses. Each postcode district gets a dozen streets, each street an
 * anchor point near the district's centre and inside its area, and a postcode sector, so that houses
 * on one street sit together and share a postcode sector, as they do in life. Crime map points,
 * last-known places and exclusion zones reuse the same streets, so the map reads consistently.
 * About 3 % of addresses carry an address warning (a dangerous dog, a firearms certificate holder).
 */
import type { Insertable } from 'kysely'
import type { AddressTable } from '../store/schema.ts'
import { demoAreas, pointInArea, type LatLng, type PostcodeDistrict } from './areas.ts'
import { chance, pick, pointNearWithin, weighted, zeroPad, type Random, type Weighted } from './random.ts'

export type Street = {
  name: string
  areaId: string
  district: PostcodeDistrict
  anchor: LatLng
  sector: number
}

export type Gazetteer = {
  streets: readonly Street[]
  streetsByArea: ReadonlyMap<string, readonly Street[]>
}

export type NewAddress = Insertable<AddressTable> & { id: string; areaId: string; lat: number; lng: number }

const streetsPerDistrict = 12

const streetWords = ['Church', 'Station', 'Park', 'Victoria', 'Albert', 'Mill', 'Grange', 'Manor', 'Queens', 'Kings',
  'Chapel', 'New', 'School', 'York', 'Oak', 'Elm', 'Birch', 'Willow', 'Holly', 'Springfield', 'Meadow', 'Orchard',
  'Windsor', 'Warwick', 'Stratford', 'Coventry', 'Lichfield', 'Hagley', 'Bristol', 'Pershore', 'Alcester', 'Soho',
  'Slade', 'Gravelly', 'Bromford', 'Hawthorn', 'Chestnut', 'Beech', 'Ash', 'Sycamore', 'Rowan', 'Lime', 'Poplar',
  'Canal', 'Wharf', 'Foundry', 'Forge', 'Brook', 'Pool', 'Heath', 'Green', 'Cross', 'Castle', 'Priory', 'Abbey',
  'Vicarage', 'Rectory', 'Wellington', 'Nelson', 'Trafalgar', 'Cromwell', 'Clarence', 'Gladstone', 'Dudley',
  'Stafford', 'Worcester', 'Tamworth', 'Hampton', 'Lodge', 'Moor', 'Mere', 'Cannock', 'Sandy', 'Hollow', 'Cherry',
  'Lilac', 'Lavender', 'Fir', 'Pine', 'Cedar', 'Maple', 'Larch', 'Alder', 'Hazel', 'Bank', 'Hill', 'Tower',
  'Cemetery', 'Union', 'Regent', 'Cavendish', 'Shakespeare', 'Milton', 'Tennyson', 'Byron', 'Chaucer', 'Kingsbury']
const streetSuffixes = [['Road', 30], ['Street', 16], ['Lane', 10], ['Avenue', 10], ['Close', 8], ['Drive', 7],
  ['Grove', 5], ['Way', 4], ['Crescent', 4], ['Gardens', 3], ['Court', 3], ['Place', 2], ['Walk', 2], ['Rise', 2]] as const
const standaloneStreets = ['High Street', 'The Green', 'The Crescent', 'The Parade', 'Broadway', 'Market Square']

// Postcode unit letters never use C, I, K, M, O or V.
const unitLetters = 'ABDEFGHJLNPQRSTUWXYZ'

const addressWarnings: Weighted<{ code: string; label: string }> = [
  [{ code: 'DOG', label: 'Dangerous dog at address' }, 4],
  [{ code: 'FIREARMS', label: 'Firearms certificate holder at address' }, 2],
  [{ code: 'VIOLENT', label: 'Violent occupant: attend in pairs' }, 3],
  [{ code: 'NEEDLES', label: 'Needles reported at address' }, 1],
  [{ code: 'DV', label: 'Domestic abuse history: risk assessment on file' }, 3],
]

function streetName(r: Random): string {
  return chance(r, 0.05) ? pick(r, standaloneStreets) : `${pick(r, streetWords)} ${weighted(r, streetSuffixes)}`
}

export function buildGazetteer(r: Random): Gazetteer {
  const streets: Street[] = []
  const streetsByArea = new Map<string, Street[]>()
  for (const area of demoAreas) {
    const inArea = (p: LatLng) => pointInArea(area.id, p)
    const areaStreets: Street[] = []
    for (const district of area.districts) {
      const names = new Set<string>()
      while (names.size < streetsPerDistrict) names.add(streetName(r))
      for (const name of names) {
        const anchor = pointNearWithin(r, district.centre, 700, inArea, district.centre)
        areaStreets.push({ name, areaId: area.id, district, anchor, sector: r.number.int({ min: 1, max: 9 }) })
      }
    }
    streetsByArea.set(area.id, areaStreets)
    streets.push(...areaStreets)
  }
  return { streets, streetsByArea }
}

export function randomAreaId(r: Random): string {
  return weighted(r, demoAreas.map((area) => [area.id, area.weight] as const))
}

export function randomStreet(r: Random, gazetteer: Gazetteer, areaId = randomAreaId(r)): Street {
  return pick(r, gazetteer.streetsByArea.get(areaId) ?? gazetteer.streets)
}

/** "Church Road, Erdington": how a place is named on a briefing. */
export function placeName(street: Street): string {
  return `${street.name}, ${street.district.locality}`
}

/** A point along a street (within ~150 m of its anchor), always inside the street's area. */
export function pointOnStreet(r: Random, street: Street, metres = 150): LatLng {
  return pointNearWithin(r, street.anchor, metres, (p) => pointInArea(street.areaId, p), street.anchor)
}

function postcode(r: Random, street: Street): string {
  const unit = unitLetters[r.number.int(unitLetters.length - 1)] + unitLetters[r.number.int(unitLetters.length - 1)]
  return `${street.district.outward} ${street.sector}${unit}`
}

export function generateAddresses(r: Random, gazetteer: Gazetteer, count: number, updatedAt: string): NewAddress[] {
  return Array.from({ length: count }, (_, i) => {
    const street = randomStreet(r, gazetteer)
    const house = `${r.number.int({ min: 1, max: 240 })} ${street.name}`
    const line1 = chance(r, 0.15) ? `Flat ${r.number.int({ min: 1, max: 24 })}, ${house}` : house
    const point = pointOnStreet(r, street)
    const warnings = chance(r, 0.03) ? [weighted(r, addressWarnings)] : []
    return {
      id: `addr-${zeroPad(i + 1, 6)}`,
      line1,
      line2: street.district.locality === street.district.town ? null : street.district.locality,
      town: street.district.town,
      postcode: postcode(r, street),
      lat: point.lat,
      lng: point.lng,
      areaId: street.areaId,
      warnings: JSON.stringify(warnings),
      updatedAt,
    }
  })
}
