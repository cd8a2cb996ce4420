/**
 * Dates for the seed. The demo data must look current whenever it is seeded (wanted since last
 * month, a curfew that runs until next spring, crime for the last twelve months), so every date is
 * an offset in days from the seed's reference time (now, unless the caller pins it). The random
 * draws only ever choose the offsets, never read the clock: the same seed number yields the same
 * data laid out around a different "today", and pinning the reference time makes it byte-identical.
 * Days are counted in whole UTC days since 1970-01-01.
 */

const dayMs = 86_400_000

export type Calendar = {
  /** The reference time as ISO-8601, used for created/updated timestamps. */
  nowIso: string
  /** The reference UTC date as a day number. */
  today: number
  /** The twelve complete calendar months before the reference month, oldest first, as 'YYYY-MM'. */
  crimeMonths: string[]
}

export function calendarAt(now: Date, months = 12): Calendar {
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth()
  const crimeMonths = Array.from({ length: months }, (_, i) => new Date(Date.UTC(year, month - months + i, 1)).toISOString().slice(0, 7))
  return { nowIso: now.toISOString(), today: Math.floor(now.getTime() / dayMs), crimeMonths }
}

/** 'YYYY-MM-DD' for a day number. */
export function isoDate(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10)
}

/** ISO-8601 timestamp for a day number and a minute of that day. */
export function isoTime(day: number, minute: number): string {
  return new Date(day * dayMs + minute * 60_000).toISOString()
}

/** Days in `years` years of age, counting leap days, so today minus this is at least that old. */
export function daysOfAge(years: number): number {
  return Math.round(years * 365.25)
}
