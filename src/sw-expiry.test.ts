import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WorkboxPlugin } from 'workbox-core'
import { boundedCache, freshFor, isFresh, Throttled, type Expiration } from './sw-expiry.ts'

/** The fetch event a plugin is handed (only its waitUntil is read). */
type PluginEvent = Parameters<NonNullable<WorkboxPlugin['cachedResponseWillBeUsed']>>[0]['event']

const day = 24 * 60 * 60
const now = Date.parse('2026-12-07T12:00:00Z')
// Every test runs on a fake clock, at `now`.
beforeEach(() => {
  vi.useFakeTimers({ now })
})
afterEach(() => {
  vi.useRealTimers()
})

const storedAt = (iso: string | null) => new Response('photo', { headers: iso === null ? {} : { date: new Date(iso).toUTCString() } })

describe('isFresh', () => {
  it('judges a copy by its Date header against the age allowed', () => {
    expect(isFresh(storedAt('2026-12-06T12:00:00Z'), 2 * day, now)).toBe(true)
    expect(isFresh(storedAt('2026-12-05T12:00:00Z'), 2 * day, now)).toBe(true)
    expect(isFresh(storedAt('2026-12-05T11:59:58Z'), 2 * day, now)).toBe(false)
  })

  it('counts a copy with no Date, or one it cannot read, as fresh', () => {
    expect(isFresh(storedAt(null), 2 * day, now)).toBe(true)
    expect(isFresh(new Response('x', { headers: { date: 'not a date' } }), 2 * day, now)).toBe(true)
  })
})

describe('freshFor', () => {
  it('answers with a fresh copy and leaves a stale one to the network', async () => {
    const plugin = freshFor(2 * day)
    const use = (cachedResponse: Response | undefined) =>
      plugin.cachedResponseWillBeUsed!({ cacheName: 'kestrel-media', request: new Request('http://x/api/media/p1?v=1'), cachedResponse, event: {} as PluginEvent })
    const fresh = storedAt('2026-12-07T08:00:00Z')
    await expect(use(fresh)).resolves.toBe(fresh)
    await expect(use(storedAt('2026-12-01T08:00:00Z'))).resolves.toBeNull()
    await expect(use(undefined)).resolves.toBeNull()
  })
})

describe('Throttled', () => {
  it('runs at once, then gathers the requests of the next minute into one run at its end', async () => {
    const expire = vi.fn(async () => undefined)
    const throttled = new Throttled(expire, 60_000)
    throttled.request()
    await vi.advanceTimersByTimeAsync(0)
    expect(expire).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 500; i++) throttled.request()
    await vi.advanceTimersByTimeAsync(59_000)
    expect(expire).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(expire).toHaveBeenCalledTimes(2)
    // Nothing asked since: nothing more runs.
    await vi.advanceTimersByTimeAsync(300_000)
    expect(expire).toHaveBeenCalledTimes(2)
  })

  it('never starts a run while the last is still going, and keeps going after one fails', async () => {
    let finish: () => void = () => undefined
    const expire = vi.fn()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
      .mockImplementationOnce(async () => {
        throw new Error('IndexedDB closed')
      })
      .mockImplementation(async () => undefined)
    const throttled = new Throttled(expire, 1_000)
    throttled.request()
    await vi.advanceTimersByTimeAsync(0)
    throttled.request()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(expire).toHaveBeenCalledTimes(1)
    finish()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(expire).toHaveBeenCalledTimes(2)
    throttled.request()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(expire).toHaveBeenCalledTimes(3)
  })
})

describe('boundedCache', () => {
  it('records each use and store, and deletes over the limits at most once a minute however many tiles are served', async () => {
    const used: string[] = []
    const expiration: Expiration = {
      updateTimestamp: vi.fn(async (url: string) => {
        used.push(url)
      }),
      expireEntries: vi.fn(async () => undefined),
    }
    const waitUntil = vi.fn()
    const event = { waitUntil } as unknown as PluginEvent
    const plugin = boundedCache(expiration, { maxAgeSeconds: 14 * day, everyMs: 60_000 })
    const tile = (n: number) => new Request(`https://tile.example/15/${n}/1.png`)
    const serve = async (from: number, to: number) => {
      for (let n = from; n < to; n++) {
        const cached = storedAt('2026-12-06T12:00:00Z')
        await expect(plugin.cachedResponseWillBeUsed!({ cacheName: 't', request: tile(n), cachedResponse: cached, event })).resolves.toBe(cached)
      }
    }
    await serve(0, 1)
    await vi.advanceTimersByTimeAsync(0)
    // The first use walks at once.
    expect(expiration.expireEntries).toHaveBeenCalledTimes(1)
    await serve(1, 200)
    await plugin.cacheDidUpdate!({ cacheName: 't', request: tile(999), oldResponse: null, newResponse: storedAt(null), event })
    expect(used).toHaveLength(201)
    expect(used.at(-1)).toBe('https://tile.example/15/999/1.png')
    expect(waitUntil).toHaveBeenCalledTimes(200)
    // The next 200 wait for the minute's end, and walk once then.
    await vi.advanceTimersByTimeAsync(59_999)
    expect(expiration.expireEntries).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(expiration.expireEntries).toHaveBeenCalledTimes(2)
    // A stale tile is not used, and its use is still recorded.
    await expect(plugin.cachedResponseWillBeUsed!({ cacheName: 't', request: tile(1), cachedResponse: storedAt('2026-11-01T00:00:00Z'), event })).resolves.toBeNull()
    expect(used).toHaveLength(202)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(expiration.expireEntries).toHaveBeenCalledTimes(3)
  })
})
