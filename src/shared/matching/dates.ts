/**
 * Dates of birth as given at the roadside: a full date or a year alone, and the usual ways a given
 * date is wrong (day and month swapped, the year off by one).
 */

export type GivenDob = { year: number; month: number | null; day: number | null }

/** "YYYY-MM-DD" or "YYYY" -> its parts; null when it is neither or not a real date. */
export function parseGivenDob(text: string | null | undefined): GivenDob | null {
  if (!text) return null
  const year = /^(\d{4})$/.exec(text)
  if (year) return { year: Number(year[1]), month: null, day: null }
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!full) return null
  const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])]
  return isRealDate(y, m, d) ? { year: y, month: m, day: d } : null
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export type DobAgreement = 'exact' | 'day-month-swapped' | 'year-off-by-one' | 'year' | 'year-off-by-one-only' | 'different' | 'unknown'

/** How a recorded date of birth agrees with the one given. */
export function compareDob(given: GivenDob, recorded: string | null): DobAgreement {
  const r = parseGivenDob(recorded)
  if (!r || r.month === null || r.day === null) return 'unknown'
  if (given.month === null || given.day === null) {
    if (r.year === given.year) return 'year'
    return Math.abs(r.year - given.year) === 1 ? 'year-off-by-one-only' : 'different'
  }
  if (r.year === given.year && r.month === given.month && r.day === given.day) return 'exact'
  if (r.year === given.year && r.month === given.day && r.day === given.month) return 'day-month-swapped'
  if (Math.abs(r.year - given.year) === 1 && r.month === given.month && r.day === given.day) return 'year-off-by-one'
  return 'different'
}

/** The birth years a search for this date should look in. */
export function yearsToSearch(given: GivenDob | null): number[] | null {
  return given ? [given.year - 1, given.year, given.year + 1] : null
}
