import { describe, expect, it } from 'vitest'
import { ageOn, formatDate, formatDayTime, formatTime, timeAgo } from './date-format.ts'

describe('timeAgo', () => {
  const now = Date.parse('2026-11-25T12:00:00Z')
  it('says how long ago in words', () => {
    expect(timeAgo('2026-11-25T11:59:30Z', now)).toBe('just now')
    expect(timeAgo('2026-11-25T11:59:00Z', now)).toBe('1 minute ago')
    expect(timeAgo('2026-11-25T11:35:00Z', now)).toBe('25 minutes ago')
    expect(timeAgo('2026-11-25T09:00:00Z', now)).toBe('3 hours ago')
    expect(timeAgo('2026-11-25T10:59:00Z', now)).toBe('1 hour ago')
    expect(timeAgo('2026-11-23T09:00:00Z', now)).toMatch(/^on Mon 23 Nov/)
  })
  it('treats a time slightly ahead (server clock) as just now, and nonsense as unknown', () => {
    expect(timeAgo('2026-11-25T12:00:20Z', now)).toBe('just now')
    expect(timeAgo('soon', now)).toBe('at an unknown time')
  })
})

describe('ageOn and formatDate', () => {
  it('counts birthdays', () => {
    expect(ageOn('1990-11-25', new Date(2026, 10, 25))).toBe(36)
    expect(ageOn('1990-11-26', new Date(2026, 10, 25))).toBe(35)
    expect(ageOn('unknown', new Date(2026, 10, 25))).toBeNull()
  })
  it('writes a calendar date the British way', () => {
    expect(formatDate('1990-04-02')).toBe('2 Apr 1990')
  })
})

describe('formatDayTime, formatTime and formatDate', () => {
  it('print what en-GB Intl prints, every day of a year at a different time, in the device time zone', () => {
    const dayTime = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    for (let day = 0; day < 366; day++) {
      const at = Date.UTC(2026, 0, 1) + day * 86_400_000 + ((day * 37) % 1440) * 60_000
      const iso = new Date(at).toISOString()
      expect(formatDayTime(iso)).toBe(dayTime.format(at))
      expect(formatTime(iso)).toBe(time.format(at))
      expect(formatDate(iso.slice(0, 10))).toBe(date.format(at))
    }
  })
  it('give back what they cannot read', () => {
    expect(formatDayTime('later')).toBe('later')
    expect(formatTime('')).toBe('')
    expect(formatDate('1990-13-45')).toBe('1990-13-45')
  })
})
