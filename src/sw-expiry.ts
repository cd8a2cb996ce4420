/**
 * Expiry for the service worker's runtime caches (src/sw.ts), without workbox-expiration's cost on
 * every answer. Its `ExpirationPlugin`, on each response served from the cache, walks every entry
 * of its IndexedDB bookkeeping with a cursor (one step, and a round trip to the browser process,
 * per entry) to find what to delete. Scrolling the wanted gallery serves a photo every few frames,
 * and the walk grew with every photo served, to thousands of steps each, so the phone got slower
 * the further the officer scrolled.
 *
 * Here the answer only checks the stored response's `Date` header, as `ExpirationPlugin` does, and
 * a cache bounded by entry count walks its bookkeeping at most once in `everyMs`.
 */
import type { WorkboxPlugin } from 'workbox-core'

/**
 * Whether a stored response is young enough to answer with: its `Date` header within
 * `maxAgeSeconds`; one with no `Date`, or one that cannot be read, counts as fresh (as
 * workbox-expiration judges it).
 */
export function isFresh(response: Response, maxAgeSeconds: number, now = Date.now()): boolean {
  const header = response.headers.get('date')
  if (header === null) return true
  const at = new Date(header).getTime()
  if (Number.isNaN(at)) return true
  return at >= now - maxAgeSeconds * 1000
}

/** Answers from the cache only while the stored copy is within `maxAgeSeconds`; otherwise the network is asked. */
export function freshFor(maxAgeSeconds: number): WorkboxPlugin {
  return {
    cachedResponseWillBeUsed: async ({ cachedResponse }) => (cachedResponse && isFresh(cachedResponse, maxAgeSeconds) ? cachedResponse : null),
  }
}

/** What `boundedCache` needs of workbox-expiration's `CacheExpiration`. */
export type Expiration = {
  updateTimestamp(url: string): Promise<void>
  expireEntries(): Promise<void>
}

/**
 * Runs `expire` at most once in `everyMs`: the first call runs it at once, later calls within the
 * window are gathered into one run at the window's end. A run never overlaps another.
 */
export class Throttled {
  private lastStarted = Number.NEGATIVE_INFINITY
  private timer: ReturnType<typeof setTimeout> | null = null
  private running: Promise<void> | null = null

  constructor(
    private readonly expire: () => Promise<void>,
    private readonly everyMs: number,
  ) {}

  request(): void {
    if (this.timer !== null) return
    const wait = Math.max(0, this.lastStarted + this.everyMs - Date.now())
    this.timer = setTimeout(() => {
      this.timer = null
      void this.run()
    }, wait)
  }

  private async run(): Promise<void> {
    // Still walking from the last time: go again once that walk ends.
    if (this.running) {
      await this.running
      this.request()
      return
    }
    this.lastStarted = Date.now()
    this.running = this.expire().catch(() => undefined).finally(() => {
      this.running = null
    })
    await this.running
  }
}

/**
 * A cache kept to `maxEntries` (the least recently used go first) and `maxAgeSeconds`: each use and
 * each store records the entry's time (one IndexedDB write), answers older than `maxAgeSeconds` are
 * not used, and the entries over the limits are deleted at most once in `everyMs`.
 */
export function boundedCache(expiration: Expiration, { maxAgeSeconds, everyMs }: { maxAgeSeconds: number; everyMs: number }): WorkboxPlugin {
  const expiry = new Throttled(() => expiration.expireEntries(), everyMs)
  return {
    cachedResponseWillBeUsed: async ({ event, request, cachedResponse }) => {
      if (!cachedResponse) return null
      const recorded = expiration.updateTimestamp(request.url).catch(() => undefined)
      try {
        event.waitUntil(recorded)
      } catch {
        // The event has already settled: the write goes on while the worker lives.
      }
      expiry.request()
      return isFresh(cachedResponse, maxAgeSeconds) ? cachedResponse : null
    },
    cacheDidUpdate: async ({ request }) => {
      await expiration.updateTimestamp(request.url)
      expiry.request()
    },
  }
}
