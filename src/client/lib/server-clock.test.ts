import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { noteServerDate, serverNow, serverNowIso } from './server-clock.ts'

const hour = 3_600_000
// The device believes it is 19:00:00.250 UTC.
const deviceTime = Date.parse('2026-12-04T19:00:00.250Z')

describe('serverNow', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(deviceTime)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is the device clock until an answer says otherwise, and ignores answers without a readable Date', () => {
    expect(serverNow()).toBe(deviceTime)
    noteServerDate(null, deviceTime - 100, deviceTime)
    noteServerDate('not a date', deviceTime - 100, deviceTime)
    expect(serverNow()).toBe(deviceTime)
  })

  it('treats a difference within the header’s one-second resolution as none', () => {
    noteServerDate(new Date(deviceTime).toUTCString(), deviceTime - 200, deviceTime)
    expect(serverNow()).toBe(deviceTime)
  })

  it('follows a server five hours ahead of the device (the device clock is behind), to within a second', () => {
    noteServerDate(new Date(deviceTime + 5 * hour).toUTCString(), deviceTime - 200, deviceTime)
    expect(Math.abs(serverNow() - (deviceTime + 5 * hour))).toBeLessThanOrEqual(1_000)
    // Time then passes at the device clock's rate.
    vi.advanceTimersByTime(10 * 60_000)
    expect(Math.abs(serverNow() - (deviceTime + 5 * hour + 10 * 60_000))).toBeLessThanOrEqual(1_000)
  })

  it('follows a server five hours behind the device, and stamps records in the server’s time', () => {
    noteServerDate(new Date(deviceTime - 5 * hour).toUTCString(), deviceTime - 200, deviceTime)
    expect(Math.abs(serverNow() - (deviceTime - 5 * hour))).toBeLessThanOrEqual(1_000)
    expect(serverNowIso().slice(0, 16)).toBe('2026-12-04T14:00')
  })
})
