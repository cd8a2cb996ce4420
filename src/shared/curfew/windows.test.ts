import { describe, expect, it } from 'vitest'
import { curfewActiveAt, londonWallClock, windowInstants, type CurfewRule } from './windows.ts'

const weeknights: CurfewRule = { windows: [{ days: [1, 2, 3, 4, 5], start: '19:00', end: '07:00' }], validFrom: '2026-01-01', validTo: '2026-12-31' }
const at = (iso: string) => new Date(iso)

describe('curfewActiveAt', () => {
  it('runs past midnight into the next day', () => {
    // Friday 2026-11-27 19:00 GMT to Saturday 07:00.
    expect(curfewActiveAt(weeknights, at('2026-11-27T18:59:59Z'))).toBe(false)
    expect(curfewActiveAt(weeknights, at('2026-11-27T19:00:00Z'))).toBe(true)
    expect(curfewActiveAt(weeknights, at('2026-11-28T02:00:00Z'))).toBe(true)
    expect(curfewActiveAt(weeknights, at('2026-11-28T06:59:59Z'))).toBe(true)
    expect(curfewActiveAt(weeknights, at('2026-11-28T07:00:00Z'))).toBe(false)
  })

  it('starts only on the days given: no Saturday or Sunday evening window', () => {
    expect(curfewActiveAt(weeknights, at('2026-11-28T20:00:00Z'))).toBe(false)
    expect(curfewActiveAt(weeknights, at('2026-11-29T20:00:00Z'))).toBe(false)
    // Monday morning belongs to no window (Sunday's did not start); Monday evening does.
    expect(curfewActiveAt(weeknights, at('2026-11-30T03:00:00Z'))).toBe(false)
    expect(curfewActiveAt(weeknights, at('2026-11-30T20:00:00Z'))).toBe(true)
  })

  it('uses each day its own window when they differ', () => {
    const rule: CurfewRule = { windows: [{ days: [5, 6], start: '21:00', end: '06:00' }, { days: [0, 1, 2, 3, 4], start: '19:00', end: '07:00' }], validFrom: '2026-01-01', validTo: '2026-12-31' }
    expect(curfewActiveAt(rule, at('2026-11-27T20:00:00Z'))).toBe(false) // Friday 20:00
    expect(curfewActiveAt(rule, at('2026-11-27T21:30:00Z'))).toBe(true)
    expect(curfewActiveAt(rule, at('2026-11-28T06:30:00Z'))).toBe(false) // Saturday 06:30: Friday's ended at 06:00
    expect(curfewActiveAt(rule, at('2026-11-26T06:30:00Z'))).toBe(true) // Thursday 06:30: Wednesday's runs to 07:00
  })

  it('keeps to the validity dates: a window may start on the last day and run past it', () => {
    const rule: CurfewRule = { windows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '20:00', end: '06:00' }], validFrom: '2026-11-10', validTo: '2026-11-12' }
    expect(curfewActiveAt(rule, at('2026-11-10T05:00:00Z'))).toBe(false) // the 9th's window never existed
    expect(curfewActiveAt(rule, at('2026-11-10T21:00:00Z'))).toBe(true)
    expect(curfewActiveAt(rule, at('2026-11-13T05:00:00Z'))).toBe(true) // started on the 12th
    expect(curfewActiveAt(rule, at('2026-11-13T21:00:00Z'))).toBe(false)
  })

  it('reads London time in summer (BST, UTC+1)', () => {
    // Monday 2026-06-01 19:00 BST is 18:00 UTC.
    expect(curfewActiveAt(weeknights, at('2026-06-01T17:59:00Z'))).toBe(false)
    expect(curfewActiveAt(weeknights, at('2026-06-01T18:00:00Z'))).toBe(true)
    expect(curfewActiveAt(weeknights, at('2026-06-02T05:59:00Z'))).toBe(true)
    expect(curfewActiveAt(weeknights, at('2026-06-02T06:00:00Z'))).toBe(false)
  })

  it('is an hour shorter the night the clocks go forward, and holds the repeated hour twice when they go back', () => {
    const nightly: CurfewRule = { windows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '19:00', end: '07:00' }], validFrom: '2026-01-01', validTo: '2026-12-31' }
    // 2026-03-29: 01:00 GMT becomes 02:00 BST. Saturday 19:00 GMT to Sunday 07:00 BST (06:00 UTC): 11 hours.
    const spring = windowInstants(nightly, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))
    expect(spring).toContainEqual({ start: '2026-03-28T19:00:00.000Z', end: '2026-03-29T06:00:00.000Z' })
    expect(curfewActiveAt(nightly, at('2026-03-29T05:59:00Z'))).toBe(true)
    expect(curfewActiveAt(nightly, at('2026-03-29T06:00:00Z'))).toBe(false)
    // 2026-10-25: 02:00 BST becomes 01:00 GMT. Saturday 19:00 BST (18:00 UTC) to Sunday 07:00 GMT: 13 hours.
    const autumn = windowInstants(nightly, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))
    expect(autumn).toContainEqual({ start: '2026-10-24T18:00:00.000Z', end: '2026-10-25T07:00:00.000Z' })
    // 01:30 London happens at 00:30 UTC and again at 01:30 UTC: inside both times.
    expect(londonWallClock(at('2026-10-25T00:30:00Z')).minutes).toBe(90)
    expect(londonWallClock(at('2026-10-25T01:30:00Z')).minutes).toBe(90)
    expect(curfewActiveAt(nightly, at('2026-10-25T00:30:00Z'))).toBe(true)
    expect(curfewActiveAt(nightly, at('2026-10-25T01:30:00Z'))).toBe(true)
  })

  it('handles a window that starts or ends inside the hour the clocks skip', () => {
    const early: CurfewRule = { windows: [{ days: [6], start: '22:00', end: '01:30' }, { days: [0], start: '01:30', end: '05:00' }], validFrom: '2026-01-01', validTo: '2026-12-31' }
    const windows = windowInstants(early, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))
    // Saturday's ends when the clock first reads 01:30 or later: 02:00 BST = 01:00 UTC; Sunday's starts then.
    expect(windows).toEqual([
      { start: '2026-03-28T22:00:00.000Z', end: '2026-03-29T01:00:00.000Z' },
      { start: '2026-03-29T01:00:00.000Z', end: '2026-03-29T04:00:00.000Z' },
    ])
  })
})

describe('windowInstants', () => {
  it('lists the windows overlapping a range in order, including one already running', () => {
    const windows = windowInstants(weeknights, at('2026-11-27T03:00:00Z'), at('2026-11-28T03:00:00Z'))
    expect(windows).toEqual([
      { start: '2026-11-26T19:00:00.000Z', end: '2026-11-27T07:00:00.000Z' },
      { start: '2026-11-27T19:00:00.000Z', end: '2026-11-28T07:00:00.000Z' },
    ])
    expect(windowInstants(weeknights, at('2026-11-28T08:00:00Z'), at('2026-11-28T18:00:00Z'))).toEqual([])
  })
})
