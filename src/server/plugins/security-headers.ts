/**
 * Security headers on every response. The Content-Security-Policy allows scripts only from our own
 * origin (no inline script), no framing, and no referrer leaves the app. Style attributes stay
 * allowed because React and Leaflet position elements with inline styles. Images may also come from
 * the configured basemap's tile server (config.basemap, OpenStreetMap's by default); the map asks
 * for its tiles with the app's origin as referrer, which the tile server's usage policy requires,
 * and never a page address. The service worker fetches the tiles it caches (src/sw.ts), and a
 * worker's fetches follow connect-src, so the tile server is allowed there too. A PMTiles archive
 * is read with fetch (range requests): an archive on another host is allowed in connect-src; one
 * this server serves is 'self'. Its raster tiles become blob: images.
 */
import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'
import { httpOrigin, tileSource } from '../../shared/map-tiles.ts'
import type { BasemapConfig } from '../config.ts'

/** The origins the basemap's tiles or archive come from: images and fetches. */
export function basemapSources(basemap: BasemapConfig): { images: string[]; connections: string[] } {
  if (basemap.kind === 'xyz') return { images: [tileSource(basemap.url)], connections: [tileSource(basemap.url)] }
  const origin = basemap.file === null ? httpOrigin(basemap.url) : null
  return { images: [], connections: origin ? [origin] : [] }
}

export default fp(async (app, options: { basemap: BasemapConfig }) => {
  const basemap = basemapSources(options.basemap)
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...basemap.images],
        connectSrc: ["'self'", ...basemap.connections],
        fontSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  })
  // API answers carry personal data: no browser or proxy cache keeps them (a route may say more).
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store')
  })
}, { name: 'security-headers' })
