/**
 * The API contract for the basemap (`GET /api/config/map`): which tiles every map draws under its
 * overlays. `xyz`: a tile URL template (OpenStreetMap's by default) drawn with Leaflet's TileLayer;
 * the device keeps only the tiles viewed. `pmtiles`: one PMTiles archive (raster or vector tiles),
 * either on the force's own host or served by Kestrel itself at `/basemap/<file>`, which a device
 * can download whole for full offline use.
 */
import { z } from 'zod'

export const basemapSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('xyz'),
    /** Leaflet URL template: {s}, {z}, {x}, {y} or {-y}, {r}. */
    url: z.string().min(1),
    /** HTML, as Leaflet's attribution control shows it (links to the licence). */
    attribution: z.string(),
    maxZoom: z.number().int().min(0).max(24),
  }),
  z.object({
    kind: z.literal('pmtiles'),
    /** An absolute URL, or a path on this server (`/basemap/<file>`). */
    url: z.string().min(1),
    attribution: z.string(),
    maxZoom: z.number().int().min(0).max(24),
    /** The archive's size in bytes, when the server knows it (an archive it serves itself). */
    bytes: z.number().int().nonnegative().nullable(),
    /** Changes whenever the archive does, when the server knows it: a device's download is out of date when it differs. */
    version: z.string().nullable(),
  }),
])
export type Basemap = z.infer<typeof basemapSchema>
export type PmtilesBasemap = Extract<Basemap, { kind: 'pmtiles' }>
