/**
 * The basemap: `GET /api/config/map` tells a device which tiles its maps draw (config.basemap,
 * OpenStreetMap's standard tiles by default), and a PMTiles archive named by MAP_PMTILES_PATH is
 * served at `/basemap/<file name>` with HTTP range requests, which is how a PMTiles reader asks for
 * the few bytes a tile needs. The archive is a map of streets, not personal data: it is public like
 * the app shell, so a device downloads it whole for offline use the same way.
 *
 * The archive may be replaced while the server runs (a force refreshes its extract): its size and
 * modification time, read at each request, are the `version` a device compares with its download.
 * Admins draw no maps, so they are refused like every role a route does not name.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { basemapSchema, type Basemap } from '../../shared/api/map.ts'

/** Serves the one archive file (never anything else in its folder), ranges and ETag included. */
const archiveFile: FastifyPluginAsync<{ file: string }> = async (app, { file }) => {
  const name = path.basename(file)
  await app.register(fastifyStatic, {
    root: path.dirname(file),
    prefix: '/basemap/',
    decorateReply: false,
    index: false,
    allowedPath: (pathName) => pathName === `/${name}`,
    // A force may replace the file: revalidate with the ETag rather than trust a stale copy.
    setHeaders: (reply) => {
      reply.header('Cache-Control', 'no-cache')
    },
  })
}

const mapConfigRoutes: FastifyPluginAsyncZod = async (app) => {
  const { basemap } = app.config

  app.get('/api/config/map', {
    config: { access: ['officer', 'supervisor', 'analyst'] },
    schema: { summary: 'The basemap the maps draw: an XYZ tile server or a PMTiles archive', response: { 200: basemapSchema } },
  }, async (): Promise<Basemap> => {
    if (basemap.kind === 'xyz') return { kind: 'xyz', url: basemap.url, attribution: basemap.attribution, maxZoom: basemap.maxZoom }
    const common = { kind: 'pmtiles', url: basemap.url, attribution: basemap.attribution, maxZoom: basemap.maxZoom } as const
    if (basemap.file === null) return { ...common, bytes: null, version: null }
    // Removed since start-up: the maps say the basemap is offline and draw their overlays without it.
    const stat = await fs.stat(basemap.file).catch(() => null)
    if (!stat) return { ...common, bytes: null, version: null }
    return { ...common, bytes: stat.size, version: `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}` }
  })

  if (basemap.kind === 'pmtiles' && basemap.file !== null) await app.register(archiveFile, { file: basemap.file })
}
export default mapConfigRoutes
