import { describe, expect, it } from 'vitest'
import { crossesMidnight, formatCurfewWindow, formatDays, weeklyCurfewHours } from './curfew-windows.ts'

describe('formatDays', () => {
  it('names runs of days Monday first, wrapping round the week', () => {
    expect(formatDays([0, 1, 2, 3, 4, 5, 6])).toBe('Every day')
    expect(formatDays([1, 2, 3, 4, 5])).toBe('Mon–Fri')
    expect(formatDays([0, 6])).toBe('Sat, Sun')
    expect(formatDays([5, 6])).toBe('Fri, Sat')
    expect(formatDays([0, 1, 2, 3, 4])).toBe('Sun–Thu')
    expect(formatDays([1, 3, 5])).toBe('Mon, Wed, Fri')
    expect(formatDays([1])).toBe('Mon')
    expect(formatDays([1, 2, 4, 5, 6])).toBe('Mon, Tue, Thu–Sat')
  })
  it('ignores repeats and nonsense', () => {
    expect(formatDays([2, 2, 9, -1])).toBe('Tue')
    expect(formatDays([])).toBe('No days')
  })
})

describe('formatCurfewWindow', () => {
  it('shows days then hours, plainly', () => {
    expect(formatCurfewWindow({ days: [1, 2, 3, 4, 5], start: '19:00', end: '07:00' })).toBe('Mon–Fri 19:00–07:00')
    expect(formatCurfewWindow({ days: [0, 1, 2, 3, 4, 5, 6], start: '21:00', end: '06:00' })).toBe('Every day 21:00–06:00')
  })
  it('knows which windows run past midnight', () => {
    expect(crossesMidnight({ start: '19:00', end: '07:00' })).toBe(true)
    expect(crossesMidnight({ start: '10:00', end: '12:00' })).toBe(false)
  })
})

describe('weeklyCurfewHours', () => {
  it('adds up the hours of every window', () => {
    expect(weeklyCurfewHours([{ days: [0, 1, 2, 3, 4, 5, 6], start: '19:00', end: '07:00' }])).toBe(84)
    expect(weeklyCurfewHours([{ days: [1, 2, 3, 4, 5], start: '20:00', end: '07:00' }, { days: [0, 6], start: '18:00', end: '08:00' }])).toBe(83)
  })
})
