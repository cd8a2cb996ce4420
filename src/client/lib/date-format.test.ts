import { describe, expect, it } from 'vitest'
import { ageOn, formatDate, timeAgo } from './date-format.ts'

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
