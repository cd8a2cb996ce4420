/**
 * Curfew windows in plain words. A bail or sentence curfew is stored as windows per weekday
 * (0 = Sunday, as JavaScript counts), each starting on its day and possibly running past midnight:
 * `{ days: [1,2,3,4,5], start: '19:00', end: '07:00' }` reads "Mon–Fri 19:00–07:00", and the
 * officer at the door at 02:00 on Saturday is inside Friday's window.
 */

export type CurfewWindow = { days: number[]; start: string; end: string }

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
/** Monday-first, as a British week is read. */
const weekOrder = [1, 2, 3, 4, 5, 6, 0]

function dayName(day: number): string {
  return dayNames[((day % 7) + 7) % 7] ?? '?'
}

/** "Every day", "Mon–Fri", "Sat, Sun", "Sun–Thu", "Mon, Wed, Fri": runs of days, wrapping the week. */
export function formatDays(days: readonly number[]): string {
  const set = new Set(days.filter((day) => Number.isInteger(day) && day >= 0 && day <= 6))
  if (set.size === 0) return 'No days'
  if (set.size === 7) return 'Every day'
  const runs: string[] = []
  for (const start of weekOrder) {
    if (!set.has(start) || set.has((start + 6) % 7)) continue
    let length = 1
    while (set.has((start + length) % 7)) length += 1
    const end = (start + length - 1) % 7
    if (length === 1) runs.push(dayName(start))
    else if (length === 2) runs.push(`${dayName(start)}, ${dayName(end)}`)
    else runs.push(`${dayName(start)}–${dayName(end)}`)
  }
  return runs.join(', ')
}

/** Whether the window ends on the next day. */
export function crossesMidnight(window: Pick<CurfewWindow, 'start' | 'end'>): boolean {
  return window.end <= window.start
}

/** "Mon–Fri 19:00–07:00". */
export function formatCurfewWindow(window: CurfewWindow): string {
  return `${formatDays(window.days)} ${window.start}–${window.end}`
}

/** Hours inside the curfew in one week: the limits are 16 a day and 112 a week. */
export function weeklyCurfewHours(windows: readonly CurfewWindow[]): number {
  const minutes = (time: string) => {
    const [hours, mins] = time.split(':').map(Number)
    return (hours ?? 0) * 60 + (mins ?? 0)
  }
  let total = 0
  for (const window of windows) {
    const length = (minutes(window.end) - minutes(window.start) + 24 * 60) % (24 * 60) || 24 * 60
    total += length * new Set(window.days).size
  }
  return total / 60
}
