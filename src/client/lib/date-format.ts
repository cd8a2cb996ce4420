/**
 * Dates and times as officers read them: British English, 24-hour clock, and "Last updated 5
 * minutes ago" rather than a timestamp to work out. Pure functions over the clock value passed
 * in, so screens re-render them on a timer and tests pin them.
 */

/**
 * An en-GB date and time formatter built at its first use, for what a list cannot write: another
 * time zone than the device's (curfew times are London's). Each costs milliseconds to build, the
 * page's first one far more (the locale's data), so never at module load.
 */
export function lazyDateTimeFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined
  return () => (format ??= new Intl.DateTimeFormat('en-GB', options))
}

// The device-time formats below are written out from lists, not by Intl: the first
// Intl.DateTimeFormat a page builds loads the locale's data, 70 ms of the Briefing and Wanted
// screens' first render at 4x CPU. They print what en-GB Intl prints (date-format.test.ts compares
// them over a year of dates), and the same on every browser.
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const

const twoDigits = (n: number) => String(n).padStart(2, '0')
/** "19:05" in the device's time zone. */
const clock = (at: Date) => `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`
/** "Tue 25 Nov, 19:05" in the device's time zone. */
const dayAndTime = (at: Date) => `${weekdays[at.getDay()]} ${at.getDate()} ${shortMonths[at.getMonth()]}, ${clock(at)}`

/**
 * "1 minute ago", "5 hours ago": what Intl.RelativeTimeFormat('en-GB', { numeric: 'always' })
 * says, without building one, which took 120 ms of a 4x-throttled phone's start (its locale data).
 */
function unitsAgo(count: number, unit: 'minute' | 'hour'): string {
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`
}

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

/** "just now", "5 minutes ago", "3 hours ago", then the day and time for anything older than a day. */
export function timeAgo(iso: string, now: number): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return 'at an unknown time'
  // A server clock slightly ahead of the device's is still "just now".
  const elapsed = Math.max(0, now - at)
  if (elapsed < minute) return 'just now'
  if (elapsed < hour) return unitsAgo(Math.floor(elapsed / minute), 'minute')
  if (elapsed < day) return unitsAgo(Math.floor(elapsed / hour), 'hour')
  return `on ${dayAndTime(new Date(at))}`
}

/** "Tue 25 Nov, 19:00" in the device's time zone. */
export function formatDayTime(iso: string): string {
  const at = Date.parse(iso)
  return Number.isNaN(at) ? iso : dayAndTime(new Date(at))
}

export function formatTime(iso: string): string {
  const at = Date.parse(iso)
  return Number.isNaN(at) ? iso : clock(new Date(at))
}

/** A calendar date ("1990-04-02") as "2 Apr 1990"; it names a day, not an instant, so UTC. */
export function formatDate(isoDate: string): string {
  const at = Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate)
  if (Number.isNaN(at)) return isoDate
  const date = new Date(at)
  return `${date.getUTCDate()} ${shortMonths[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** Whole years from a date of birth ("1990-04-02") to `now`. */
export function ageOn(dob: string, now: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(dob)
  if (!match) return null
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  let age = now.getFullYear() - year
  if (now.getMonth() + 1 < month || (now.getMonth() + 1 === month && now.getDate() < date)) age -= 1
  return age
}
