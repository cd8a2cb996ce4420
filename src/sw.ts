/**
 * Kestrel's service worker: it precaches the app shell (code, styles, icons, manifest: no personal
 * data) so that after one online visit the app opens offline, on reload and on deep links.
 *
 * What it never does: answer `/api/*`, with one exception below. API answers carry personal data
 * and session state, so they always go to the network, and the event stream (`/api/events`) is
 * never touched, so it stays one long-lived request between the page and the server. Navigations
 * fall back to the precached index.html, except under `/api/`.
 *
 * The exception is photos and documents (`/api/media/*`): cache first from `kestrel-media`, the
 * cache the page fills after each sync (lib/sync.ts), so an <img> or a document link works offline.
 * The package names each file with its content version (`/api/media/:id?v=…`), so a changed file
 * is a new URL and is fetched, never answered from the old copy; storing a version here deletes
 * the file's other versions (the page also drops every URL the package no longer names).
 * Entries expire after two days (the package itself expires sooner), and the whole cache is
 * dropped rather than failing when the device runs out of space. The device erase deletes it.
 *
 * Updates wait: a new worker installs and then waits until the officer taps "Update now", which
 * posts SKIP_WAITING (workbox-window's messageSkipWaiting). It never activates itself mid-task.
 *
 * Map tiles of an XYZ basemap (OpenStreetMap's by default, or the server's MAP_TILE_URL): cache
 * first from `kestrel-map-tiles`, holding only tiles the officer has viewed, kept 14 days
 * (OpenStreetMap's tile policy asks for at least 7, and forbids bulk prefetching, so nothing here
 * downloads a tile the map did not ask for), at most 3,000 of them (the least recently viewed are
 * deleted, at most once a minute), dropped whole when the device runs out of space. Which requests
 * are tiles: images matching the configured URL template, which the page stores in
 * `kestrel-basemap` (lib/basemap.ts) and this worker reads at each request, so it is right even
 * just after the worker starts; with none stored, OpenStreetMap's. The map asks for tiles with
 * CORS, so a cached tile is a plain 200 answer, not an opaque one (which Chromium counts as
 * megabytes of quota each); anything but a 200 is never stored.
 *
 * A PMTiles basemap is read with range requests. Once the officer has downloaded the archive into
 * `kestrel-basemap` (the page does that, on request), each range is answered from the saved copy
 * (workbox-range-requests), so the basemap works with no network; until then ranges go to the
 * network and nothing is stored.
 *
 * Later features add runtime caches here, named `kestrel-*`, with expiry and purgeOnQuotaError; the
 * client's device erase deletes every cache except the precache.
 */
import type { WorkboxPlugin } from 'workbox-core'
import type { PrecacheEntry } from 'workbox-precaching'
import { clientsClaim, registerQuotaErrorCallback } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { CacheExpiration } from 'workbox-expiration'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { createPartialResponse } from 'workbox-range-requests'
import { CacheFirst } from 'workbox-strategies'
import { basemapCacheName, basemapConfigPath, defaultBasemap, tileUrlPattern } from './shared/map-tiles.ts'
import { boundedCache, freshFor } from './sw-expiry.ts'

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> }

/** Paths the worker must leave to the network: the whole API, including the event stream. */
const networkOnlyPaths = /^\/api(?:\/|$)/
/** Photos and documents named by the briefing package; the one part of the API it answers. */
const mediaPath = /^\/api\/media\/[^/]+$/
/** Must match `mediaCacheName` and `prefetchHeader` in src/client/lib/sync.ts, which fills the cache. */
const mediaCacheName = 'kestrel-media'
const prefetchHeader = 'X-Kestrel-Prefetch'

/** Deletes a file's older versions (same path, another `?v=`) once a version has been stored. */
const dropOtherVersions: WorkboxPlugin = {
  cacheDidUpdate: async ({ cacheName, request }) => {
    const stored = new URL(request.url)
    const cache = await caches.open(cacheName)
    for (const key of await cache.keys()) {
      const url = new URL(key.url)
      if (url.pathname === stored.pathname && url.search !== stored.search) await cache.delete(key)
    }
  },
}

/**
 * Counts the page's device erases (src/client/lib/device-erase.ts posts ERASE before deleting the
 * caches). A download begun before an erase is answered but never stored: storing it would
 * re-create the cache the erase is about to delete, with the previous officer's photo in it.
 */
let eraseCount = 0
const storeNothingFromBeforeAnErase: WorkboxPlugin = {
  handlerWillStart: async ({ state }) => {
    if (state) state.eraseCount = eraseCount
  },
  cacheWillUpdate: async ({ response, state }) => (state?.eraseCount === eraseCount && response.status === 200 ? response : null),
}

function messageType(data: unknown): unknown {
  return typeof data === 'object' && data !== null && 'type' in data ? data.type : undefined
}

self.addEventListener('message', (event) => {
  const type = messageType(event.data)
  // Only the page's "Update now" sends this; activation is always the officer's choice.
  if (type === 'SKIP_WAITING') void self.skipWaiting()
  if (type === 'ERASE') {
    eraseCount += 1
    event.ports[0]?.postMessage('erasing')
  }
})

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

registerRoute(
  // The page's own downloads after a sync carry a header and go straight to the network: the page
  // stores them, so the worker would only store each twice.
  ({ url, request }) =>
    url.origin === self.location.origin && request.method === 'GET' && mediaPath.test(url.pathname) && !request.headers.has(prefetchHeader),
  new CacheFirst({
    cacheName: mediaCacheName,
    // The page stores entries with plain URL requests; compression headers must not split them.
    matchOptions: { ignoreVary: true },
    // Two days by the copy's Date header. What the package no longer names, the page deletes at its
    // next sync; the erase deletes the rest. No per-entry bookkeeping (sw-expiry.ts says why).
    plugins: [storeNothingFromBeforeAnErase, freshFor(2 * 24 * 60 * 60), dropOtherVersions],
  }),
)

/** The XYZ tile template the page last stored (null for a PMTiles basemap); OpenStreetMap's if none. */
async function storedTileTemplate(): Promise<string | null> {
  try {
    const stored = await (await caches.open(basemapCacheName)).match(basemapConfigPath)
    if (!stored) return defaultBasemap.url
    const basemap: unknown = await stored.json()
    if (typeof basemap === 'object' && basemap !== null && 'kind' in basemap && 'url' in basemap && typeof basemap.url === 'string') {
      return basemap.kind === 'xyz' ? basemap.url : null
    }
  } catch {
    // Unreadable: fall back to the default, as before the page ever said.
  }
  return defaultBasemap.url
}

const tilePatterns = new Map<string, RegExp>()
function tilePattern(template: string): RegExp {
  let pattern = tilePatterns.get(template)
  if (!pattern) {
    pattern = tileUrlPattern(template)
    tilePatterns.set(template, pattern)
  }
  return pattern
}

const tileCacheName = 'kestrel-map-tiles'
const tileMaxAgeSeconds = 14 * 24 * 60 * 60
const tileExpiration = new CacheExpiration(tileCacheName, { maxAgeSeconds: tileMaxAgeSeconds, maxEntries: 3_000 })
const viewedTiles = new CacheFirst({
  cacheName: tileCacheName,
  // Over 3,000 tiles, the least recently viewed are deleted, at most once a minute: a pan asks for
  // dozens of tiles, and each walk of the bookkeeping reads every entry (sw-expiry.ts).
  plugins: [storeNothingFromBeforeAnErase, boundedCache(tileExpiration, { maxAgeSeconds: tileMaxAgeSeconds, everyMs: 60_000 })],
})

// A full device drops these caches whole rather than failing (as workbox-expiration's purgeOnQuotaError did).
registerQuotaErrorCallback(async () => {
  await caches.delete(mediaCacheName)
  await caches.delete(tileCacheName)
  await tileExpiration.delete()
})

registerRoute(
  // Cross-origin images: the Content-Security-Policy allows them from the tile server alone.
  ({ url, request }) => request.method === 'GET' && request.destination === 'image' && url.origin !== self.location.origin,
  async (options) => {
    const template = await storedTileTemplate()
    if (template !== null && tilePattern(template).test(options.url.href)) return viewedTiles.handle(options)
    return fetch(options.request)
  },
)

/**
 * A range of a saved archive. A reader asks for the first 16 KiB whatever the archive's size; a
 * server answers a range running past the end with what there is (RFC 9110), and so does this
 * (workbox-range-requests alone would answer 416).
 */
async function savedRange(request: Request, saved: Response): Promise<Response> {
  const size = (await saved.clone().blob()).size
  const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.get('range') ?? '')
  if (!range || Number(range[2]) < size) return createPartialResponse(request, saved)
  const headers = new Headers(request.headers)
  headers.set('range', `bytes=${range[1]}-${size - 1}`)
  return createPartialResponse(new Request(request.url, { headers }), saved)
}

registerRoute(
  ({ url, request }) => request.method === 'GET' && request.headers.has('range') && url.pathname.endsWith('.pmtiles'),
  async ({ request }) => {
    const saved = await (await caches.open(basemapCacheName)).match(request.url, { ignoreVary: true })
    return saved ? savedRange(request, saved) : fetch(request)
  },
)

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [networkOnlyPaths],
  }),
)

// Take control of pages opened before this worker existed (the first visit), so the shell is
// served from the precache from the next navigation on. Safe: it never skips a waiting update.
clientsClaim()
