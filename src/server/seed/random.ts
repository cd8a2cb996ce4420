/**
 * The seed's only source of randomness: one Faker instance (en_GB locale) per seed run, seeded with
 * the seed number, plus the few draws Faker lacks (Gaussian, Poisson, a point near a place). The
 * seed owns its own instance rather than the shared `fakerEN_GB` singleton, so two seeds running in
 * one process (tests, a benchmark seeding two stores) cannot interleave their streams. Nothing
 * here reads the clock or Math.random: the same seed number draws the same sequence every time.
 */
import { base, en, en_GB, Faker } from '@faker-js/faker'
import type { LatLng } from './areas.ts'

export type Random = Faker
/** Choices with relative weights. */
export type Weighted<T> = readonly (readonly [T, number])[]

export function createRandom(seed: number): Random {
  const faker = new Faker({ locale: [en_GB, en, base] })
  faker.seed(seed)
  return faker
}

export function chance(r: Random, probability: number): boolean {
  return r.number.float() < probability
}

export function pick<T>(r: Random, items: readonly T[]): T {
  return items[r.number.int(items.length - 1)]
}

export function weighted<T>(r: Random, entries: Weighted<T>): T {
  let total = 0
  for (const [, weight] of entries) total += weight
  let roll = r.number.float() * total
  for (const [value, weight] of entries) {
    roll -= weight
    if (roll < 0) return value
  }
  return entries[entries.length - 1][0]
}

/** Standard normal draw (Box-Muller). */
export function gaussian(r: Random): number {
  const u = 1 - r.number.float()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.number.float())
}

/** Poisson draw: Knuth's method for small means, a rounded normal for large ones. */
export function poisson(r: Random, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)))
  const limit = Math.exp(-mean)
  let count = 0
  for (let p = r.number.float(); p > limit; p *= r.number.float()) count++
  return count
}

const metresPerDegreeLat = 111_320

/** A point scattered around `centre` with a Gaussian spread of `metres`, rounded to 6 decimals (~0.1 m). */
export function pointNear(r: Random, centre: LatLng, metres: number): LatLng {
  const lat = centre.lat + (gaussian(r) * metres) / metresPerDegreeLat
  const lng = centre.lng + (gaussian(r) * metres) / (metresPerDegreeLat * Math.cos((centre.lat * Math.PI) / 180))
  return { lat: round6(lat), lng: round6(lng) }
}

/** A point near `centre` that passes `accept`; falls back to `fallback` (which must pass) after a few misses. */
export function pointNearWithin(r: Random, centre: LatLng, metres: number, accept: (p: LatLng) => boolean, fallback: LatLng): LatLng {
  for (let attempt = 0; attempt < 12; attempt++) {
    const point = pointNear(r, centre, metres)
    if (accept(point)) return point
  }
  return fallback
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

export function zeroPad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}
