/**
 * Curfew windows: when a person on a bail or court curfew must be at home. One pure module for the
 * server (which curfews are due, breaches) and the device (tonight's list offline).
 *
 * Times are wall-clock times in Europe/London. A moment is inside a window when its London
 * wall-clock time is from the window's start (inclusive) to its end (exclusive), for a window that
 * started on an allowed day (0 = Sunday) within the validity dates; `end <= start` means it ends the
 * next day. So on the night the clocks go forward a 19:00-07:00 window is an hour shorter, and on
 * the night they go back the repeated hour is inside it twice. `windowInstants` turns the windows
 * into instants for a range, by the same rule.
 */
import { TZDate } from '@date-fns/tz'

export type CurfewRule = {
  windows: { days: number[]; start: string; end: string }[]
  /** 'YYYY-MM-DD', inclusive: the dates on which a window may start */
  validFrom: string
  validTo: string
}

export const CURFEW_TIME_ZONE = 'Europe/London'
const MINUTE = 60_000

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: CURFEW_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
})

type WallClock = { date: string; weekday: number; minutes: number }

/** The London calendar date, weekday and minutes since midnight (with seconds as a fraction) of an instant. */
export function londonWallClock(at: Date): WallClock {
  const parts: Record<string, string> = {}
  for (const part of wallClockFormat.formatToParts(at)) parts[part.type] = part.value
  const date = `${parts.year}-${parts.month}-${parts.day}`
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
  const minutes = Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60 + (at.getTime() % 1000) / 60_000
  return { date, weekday, minutes }
}

function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time)
  if (!match) throw new Error(`a curfew time is HH:MM, not "${time}"`)
  return Number(match[1]) * 60 + Number(match[2])
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay()
const mayStart = (rule: CurfewRule, window: CurfewRule['windows'][number], date: string) =>
  date >= rule.validFrom && date <= rule.validTo && window.days.includes(weekdayOf(date))

/** Whether the instance of `window` that started on London date `startDate` holds the wall clock `wall`. */
function instanceHolds(window: CurfewRule['windows'][number], startDate: string, wall: WallClock): boolean {
  const start = minutesOf(window.start)
  const end = minutesOf(window.end)
  if (end > start) return wall.date === startDate && wall.minutes >= start && wall.minutes < end
  return (wall.date === startDate && wall.minutes >= start) || (wall.date === addDays(startDate, 1) && wall.minutes < end)
}

/** Whether the curfew is in force at this instant. */
export function curfewActiveAt(rule: CurfewRule, at: Date): boolean {
  const wall = londonWallClock(at)
  const yesterday = addDays(wall.date, -1)
  return rule.windows.some((window) => [wall.date, yesterday].some((day) => mayStart(rule, window, day) && instanceHolds(window, day, wall)))
}

/** The first minute in (lo, hi] at which `holds` becomes `to`, assuming it changes once in between. */
function edge(lo: number, hi: number, holds: (t: number) => boolean, to: boolean): number {
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE
    if (holds(mid) === to) hi = mid
    else lo = mid
  }
  return hi
}

/** The London wall-clock time on a date as an instant, to the minute (an hour either way at a clock change). */
function roughInstant(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const minutes = minutesOf(time)
  return new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, CURFEW_TIME_ZONE).getTime()
}

export type WindowInstant = { start: string; end: string }

/** The curfew's windows that overlap [from, to), as ISO instants, in time order. */
export function windowInstants(rule: CurfewRule, from: Date, to: Date): WindowInstant[] {
  const out: { start: number; end: number }[] = []
  const last = londonWallClock(to).date
  for (let day = addDays(londonWallClock(from).date, -1); day <= last; day = addDays(day, 1)) {
    for (const window of rule.windows) {
      if (!mayStart(rule, window, day)) continue
      const holds = (t: number) => instanceHolds(window, day, londonWallClock(new Date(t)))
      const endDay = minutesOf(window.end) > minutesOf(window.start) ? day : addDays(day, 1)
      // The rough instants are right except at a clock change, where the true edge can only be
      // earlier (a start or end the clocks skip); a start in the repeated autumn hour takes its
      // second occurrence, and an end there its second too, so the repeated hour is inside twice.
      const roughStart = roughInstant(day, window.start)
      const roughEnd = roughInstant(endDay, window.end)
      const start = holds(roughStart - MINUTE) ? edge(roughStart - 2 * 60 * MINUTE, roughStart, holds, true) : roughStart
      const end = holds(roughEnd - MINUTE) ? roughEnd : edge(start, roughEnd, holds, false)
      if (end > from.getTime() && start < to.getTime()) out.push({ start, end })
    }
  }
  return out.sort((a, b) => a.start - b.start).map((w) => ({ start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() }))
}
