/**
 * Kestrel's service worker: it precaches the app shell (code, styles, icons, manifest: no personal
 * data) so that after one online visit the app opens offline, on reload and on deep links.
 *
 * What it never does: answer `/api/*`. API answers carry personal data and session state, so they
 * always go to the network, and the event stream (`/api/events`) is never touched, so it stays one
 * long-lived request between the page and the server. Navigations fall back to the precached
 * index.html, except under `/api/`.
 *
 * Updates wait: a new worker installs and then waits until the officer taps "Update now", which
 * posts SKIP_WAITING (workbox-window's messageSkipWaiting). It never activates itself mid-task.
 *
 * Later features add runtime caches here, named `kestrel-*` (photos, documents, map tiles), with
 * expiry and purgeOnQuotaError; the client's device erase deletes every cache except the precache.
 */
import type { PrecacheEntry } from 'workbox-precaching'
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> }

/** Paths the worker must leave to the network: the whole API, including the event stream. */
const networkOnlyPaths = /^\/api(?:\/|$)/

type SkipWaitingMessage = { type: 'SKIP_WAITING' }

function isSkipWaitingMessage(data: unknown): data is SkipWaitingMessage {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING'
}

self.addEventListener('message', (event) => {
  // Only the page's "Update now" sends this; activation is always the officer's choice.
  if (isSkipWaitingMessage(event.data)) void self.skipWaiting()
})

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [networkOnlyPaths],
  }),
)

// Take control of pages opened before this worker existed (the first visit), so the shell is
// served from the precache from the next navigation on. Safe: it never skips a waiting update.
clientsClaim()
