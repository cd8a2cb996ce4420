/**
 * Twelve months of demo street-level crime, shaped like data.police.uk: month precision, police.uk
 * category slugs, locations snapped to anonymous map points ("On or near ..."), about 2 % without
 * coordinates ("No Location"), anti-social behaviour without an outcome. Crime concentrates at
 * micro-places, as it does in life: each area has hotspots (one snap point each, near half of all
 * crime) over a background spread across many points. Trends are planted for the analysis features:
 * in every other area the first hotspot rises sharply in the latest two months (Wheeler
 * z = 2(sqrt(C) - sqrt(E)) well above 3 for the latest month against the three before), and in the
 * others it falls; every other hotspot is stable. Hotspot rates do not shrink with the scale, so the
 * planted trends stay detectable in a small test seed. The rows are stored through the importer's own
 * path (store/crimes.ts), keyed and celled as police.uk rows are.
 */
import type { CrimeRecord } from '../store/crimes.ts'
import { demoAreas, type LatLng } from './areas.ts'
import { pointOnStreet, randomStreet, type Gazetteer } from './addresses.ts'
import { chance, gaussian, pick, poisson, weighted, type Random, type Weighted } from './random.ts'

export type CrimeCategory = (typeof crimeCategories)[number]
export type PlantedTrend = { areaId: string; location: string; point: LatLng; trend: 'rising' | 'falling' }
type MapPoint = { location: string; point: LatLng }
type Hotspot = MapPoint & { mean: number; mix: Mix; trend: 'rising' | 'falling' | 'stable' }
type Mix = Weighted<CrimeCategory>

export const crimeCategories = ['anti-social-behaviour', 'bicycle-theft', 'burglary', 'criminal-damage-arson', 'drugs',
  'other-theft', 'possession-of-weapons', 'public-order', 'robbery', 'shoplifting', 'theft-from-the-person',
  'vehicle-crime', 'violent-crime', 'other-crime'] as const

export const crimesPerMonth = 5000
const hotspotsInForce = 240
const backgroundPointsInForce = 3000
const backgroundShare = 0.5

const backgroundMix: Mix = [['violent-crime', 30], ['anti-social-behaviour', 20], ['other-theft', 8],
  ['criminal-damage-arson', 8], ['vehicle-crime', 7], ['shoplifting', 6], ['public-order', 6], ['burglary', 5],
  ['drugs', 2.5], ['robbery', 2], ['theft-from-the-person', 1.5], ['bicycle-theft', 1], ['possession-of-weapons', 1],
  ['other-crime', 2]]

// Kinds of micro-place, each with the places police.uk snaps to and the crime it attracts.
const hotspotKinds: readonly { places: readonly string[]; mix: Mix }[] = [
  { places: ['Shopping Area', 'Supermarket'], mix: [['shoplifting', 45], ['other-theft', 12], ['violent-crime', 12],
    ['public-order', 8], ['anti-social-behaviour', 15], ['theft-from-the-person', 5], ['criminal-damage-arson', 3]] },
  { places: ['Nightclub', 'Theatre/Concert Hall'], mix: [['violent-crime', 38], ['public-order', 20],
    ['anti-social-behaviour', 18], ['theft-from-the-person', 8], ['drugs', 8], ['possession-of-weapons', 3],
    ['robbery', 5]] },
  { places: ['Bus/Coach Station', 'Pedestrian Subway'], mix: [['anti-social-behaviour', 25], ['theft-from-the-person', 15],
    ['robbery', 12], ['violent-crime', 20], ['bicycle-theft', 8], ['drugs', 10], ['public-order', 10]] },
  { places: ['Parking Area', 'Petrol Station'], mix: [['vehicle-crime', 55], ['criminal-damage-arson', 15],
    ['anti-social-behaviour', 15], ['other-theft', 10], ['robbery', 5]] },
  { places: [], mix: [['anti-social-behaviour', 30], ['burglary', 15], ['criminal-damage-arson', 15],
    ['vehicle-crime', 12], ['violent-crime', 18], ['drugs', 10]] },
]

const outcomes = [['Investigation complete; no suspect identified', 50], ['Status update unavailable', 17],
  ['Unable to prosecute suspect', 12], ['Awaiting court outcome', 5], ['Court result unavailable', 4],
  ['Under investigation', 4], ['Offender given a drugs possession warning', 2], ['Offender given a caution', 1.5],
  ['Local resolution', 1.5], ['Action to be taken by another organisation', 1],
  ['Formal action is not in the public interest', 1], ['Further investigation is not in the public interest', 1]] as const

const force = 'West Midlands Police (demo)'
const trendMultipliers = {
  rising: (monthsFromEnd: number) => (monthsFromEnd === 0 ? 4.5 : monthsFromEnd === 1 ? 2.5 : 1),
  falling: (monthsFromEnd: number) => (monthsFromEnd <= 1 ? 0.2 : 1),
  stable: () => 1,
} as const

function makeHotspot(r: Random, gazetteer: Gazetteer, areaId: string, trend: Hotspot['trend']): Hotspot {
  const street = randomStreet(r, gazetteer, areaId)
  const kind = pick(r, hotspotKinds)
  const place = kind.places.length > 0 && chance(r, 0.6) ? pick(r, kind.places) : street.name
  const typicalMean = Math.min(40, Math.max(3, Math.exp(Math.log(9) + 0.6 * gaussian(r))))
  const mean = trend === 'rising' ? 8 : trend === 'falling' ? 30 : typicalMean
  return { location: `On or near ${place}`, point: pointOnStreet(r, street, 100), mean, mix: kind.mix, trend }
}

export function generateCrimes(r: Random, gazetteer: Gazetteer, months: readonly string[], scale: number):
  { rows: CrimeRecord[]; planted: PlantedTrend[] } {
  const totalWeight = demoAreas.reduce((sum, area) => sum + area.weight, 0)
  const places = demoAreas.map((area, index) => {
    const share = area.weight / totalWeight
    const hotspots = Array.from({ length: Math.max(2, Math.round(hotspotsInForce * scale * share)) }, (_, i) =>
      makeHotspot(r, gazetteer, area.id, i > 0 ? 'stable' : index % 2 === 0 ? 'rising' : 'falling'))
    const background: MapPoint[] = Array.from({ length: Math.max(10, Math.round(backgroundPointsInForce * scale * share)) }, () => {
      const street = randomStreet(r, gazetteer, area.id)
      return { location: `On or near ${street.name}`, point: pointOnStreet(r, street, 250) }
    })
    return { area, hotspots, background, backgroundMean: crimesPerMonth * backgroundShare * scale * share }
  })

  const rows: CrimeRecord[] = []
  const record = (month: string, at: MapPoint, category: CrimeCategory) => {
    const located = !chance(r, 0.02)
    rows.push({
      source: 'demo',
      crimeId: null,
      month,
      date: null,
      category,
      lat: located ? at.point.lat : null,
      lng: located ? at.point.lng : null,
      location: located ? at.location : 'No Location',
      lsoaCode: null,
      lsoaName: null,
      outcome: category === 'anti-social-behaviour' ? null : weighted(r, outcomes),
      force,
    })
  }
  months.forEach((month, m) => {
    const monthsFromEnd = months.length - 1 - m
    for (const { hotspots, background, backgroundMean } of places) {
      for (const hotspot of hotspots) {
        const count = poisson(r, hotspot.mean * trendMultipliers[hotspot.trend](monthsFromEnd))
        for (let i = 0; i < count; i++) record(month, hotspot, weighted(r, hotspot.mix))
      }
      const count = poisson(r, backgroundMean)
      for (let i = 0; i < count; i++) record(month, pick(r, background), weighted(r, backgroundMix))
    }
  })

  const planted = places.flatMap(({ area, hotspots }) => hotspots.flatMap((h) =>
    h.trend === 'stable' ? [] : [{ areaId: area.id, location: h.location, point: h.point, trend: h.trend }]))
  return { rows, planted }
}
