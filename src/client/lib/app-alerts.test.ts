import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { alertLifetimeMs, appAlertsStore, burstMs, clearAlerts, dismissAlert, pushAlert } from './app-alerts.ts'

const info = (text: string) => ({ text, tone: 'info' as const, speak: true })
const shownLines = () => appAlertsStore.get().map((alert) => alert.lines)

describe('the alert banner', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    clearAlerts()
  })
  afterEach(() => {
    clearAlerts()
    vi.useRealTimers()
  })

  it('keeps alerts raised together in one banner, a line each, in the order they came', () => {
    pushAlert(info('PC A is collecting SMITH, John'))
    vi.advanceTimersByTime(200)
    pushAlert(info('PC B released JONES, Amy'))
    pushAlert(info('PC C is collecting KHAN, Ali'))
    pushAlert(info('PC D is collecting BROWN, Liam'))
    expect(shownLines()).toEqual([['PC A is collecting SMITH, John', 'PC B released JONES, Amy', 'PC C is collecting KHAN, Ali', 'PC D is collecting BROWN, Liam']])
  })

  it('starts a new banner for an alert that comes later, or is of another kind', () => {
    pushAlert(info('first'))
    vi.advanceTimersByTime(burstMs + 1)
    pushAlert(info('later'))
    pushAlert({ text: 'Your claim on SMITH, John was not accepted', tone: 'warning', speak: true })
    expect(shownLines()).toEqual([['first'], ['later'], ['Your claim on SMITH, John was not accepted']])
  })

  it('shows the newest three banners', () => {
    for (const text of ['one', 'two', 'three', 'four']) {
      pushAlert(info(text))
      vi.advanceTimersByTime(burstMs + 1)
    }
    expect(shownLines()).toEqual([['two'], ['three'], ['four']])
  })

  it('removes each banner when its own time is up, however many newer ones keep coming', () => {
    pushAlert({ text: 'Your claim on SMITH, John was not accepted', tone: 'warning', speak: true })
    // Colleagues' claims keep arriving, each a few seconds after the last.
    for (let elapsed = 0; elapsed < alertLifetimeMs; elapsed += 4_000) {
      vi.advanceTimersByTime(4_000)
      pushAlert(info(`news at ${elapsed + 4_000}`))
    }
    expect(shownLines().flat()).not.toContain('Your claim on SMITH, John was not accepted')
    vi.advanceTimersByTime(alertLifetimeMs)
    expect(appAlertsStore.get()).toEqual([])
  })

  it('gives a banner its full time from its last line', () => {
    pushAlert(info('first'))
    vi.advanceTimersByTime(burstMs)
    pushAlert(info('second'))
    vi.advanceTimersByTime(alertLifetimeMs - 1)
    expect(shownLines()).toEqual([['first', 'second']])
    vi.advanceTimersByTime(1)
    expect(appAlertsStore.get()).toEqual([])
  })

  it('removes a dismissed banner at once and leaves the others', () => {
    const first = pushAlert(info('first'))
    vi.advanceTimersByTime(burstMs + 1)
    pushAlert(info('second'))
    dismissAlert(first.id)
    expect(shownLines()).toEqual([['second']])
  })

  it('starts a second banner when a burst grows too long to read', () => {
    for (let line = 1; line <= 8; line++) pushAlert(info(`line ${line}`))
    expect(shownLines()).toEqual([
      ['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6'],
      ['line 7', 'line 8'],
    ])
  })
})
