/**
 * Writes small PMTiles version 3 archives for tests: the server's MAP_PMTILES_PATH check, the
 * basemap route, and the end-to-end basemap (e2e/crime-map.spec.ts), so no test ever downloads a
 * map. The `pmtiles` package only reads archives, so this is the writer side of its format
 * (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): header, a gzipped root
 * directory (identical tiles stored once, runs of them as one entry), gzipped JSON metadata, then
 * the tile data. pmtiles-archive.test.ts reads what it writes back with the `pmtiles` reader.
 *
 * Raster archives hold 256 x 256 PNGs of map paper with a grid line on two edges, made here with
 * zlib. Vector archives hold gzipped Mapbox Vector Tiles (https://github.com/mapbox/vector-tile-spec,
 * version 2) with the layer names of the Protomaps basemap that protomaps-leaflet draws: `earth`
 * over the whole tile and `water` over its western half.
 */
import zlib from 'node:zlib'
import { zxyToTileId } from 'pmtiles'

export type Bounds = { minLon: number; minLat: number; maxLon: number; maxLat: number }

/** Around the demo force (the West Midlands), enough for every map the tests open. */
export const demoForceBounds: Bounds = { minLon: -2.25, minLat: 52.3, maxLon: -1.4, maxLat: 52.7 }

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A 256 x 256 RGB tile: `paper` everywhere but its top and left edge, which are `line`. */
export function paperTile(paper: [number, number, number] = [242, 239, 233], line: [number, number, number] = [190, 180, 160]): Buffer {
  const size = 256
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows = Buffer.alloc(size * (1 + size * 3))
  for (let y = 0; y < size; y += 1) {
    const start = y * (1 + size * 3)
    rows[start] = 0 // no filter
    for (let x = 0; x < size; x += 1) rows.set(x === 0 || y === 0 ? line : paper, start + 1 + x * 3)
  }
  return Buffer.concat([pngSignature, pngChunk('IHDR', header), pngChunk('IDAT', zlib.deflateSync(rows, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))])
}

function tileRange(bounds: Bounds, z: number) {
  const n = 2 ** z
  const x = (lon: number) => Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)))
  const y = (lat: number) => {
    const rad = (lat * Math.PI) / 180
    return Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)))
  }
  return { minX: x(bounds.minLon), maxX: x(bounds.maxLon), minY: y(bounds.maxLat), maxY: y(bounds.minLat) }
}

function varint(value: number, out: number[]): void {
  let rest = value
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80)
    rest = Math.floor(rest / 0x80)
  }
  out.push(rest)
}

/** Protocol Buffers: a field key, a length-delimited field, a packed run of varints. */
function fieldKey(field: number, wireType: 0 | 2, out: number[]): void {
  varint(field * 8 + wireType, out)
}
function bytesField(field: number, bytes: readonly number[] | Buffer, out: number[]): void {
  fieldKey(field, 2, out)
  varint(bytes.length, out)
  out.push(...bytes)
}
function packedField(field: number, values: readonly number[], out: number[]): void {
  const packed: number[] = []
  for (const value of values) varint(value, packed)
  bytesField(field, packed, out)
}
const zigzag = (n: number) => (n << 1) ^ (n >> 31)

/** One polygon feature: a closed ring of tile coordinates (extent 4096, y down, clockwise). */
function polygonFeature(ring: readonly [number, number][]): number[] {
  const geometry: number[] = []
  let [x, y] = [0, 0]
  ring.forEach(([px, py], i) => {
    if (i === 0) geometry.push((1 & 7) | (1 << 3))
    if (i === 1) geometry.push((2 & 7) | ((ring.length - 1) << 3))
    geometry.push(zigzag(px - x), zigzag(py - y))
    ;[x, y] = [px, py]
  })
  geometry.push((7 & 7) | (1 << 3))
  const out: number[] = []
  fieldKey(3, 0, out)
  varint(3, out) // POLYGON
  packedField(4, geometry, out)
  return out
}

/** A vector tile: `earth` covering the tile, `water` its western half. */
export function earthAndWaterTile(): Buffer {
  const layer = (name: string, ring: [number, number][]) => {
    const out: number[] = []
    fieldKey(15, 0, out)
    varint(2, out) // version
    bytesField(1, Buffer.from(name), out)
    bytesField(2, polygonFeature(ring), out)
    fieldKey(5, 0, out)
    varint(4096, out) // extent
    return out
  }
  const tile: number[] = []
  bytesField(3, layer('earth', [[0, 0], [4096, 0], [4096, 4096], [0, 4096]]), tile)
  bytesField(3, layer('water', [[0, 0], [2048, 0], [2048, 4096], [0, 4096]]), tile)
  return Buffer.from(tile)
}

type Entry = { tileId: number; offset: number; length: number; runLength: number }

function directoryBytes(entries: readonly Entry[]): Buffer {
  const out: number[] = []
  varint(entries.length, out)
  let lastId = 0
  for (const entry of entries) {
    varint(entry.tileId - lastId, out)
    lastId = entry.tileId
  }
  for (const entry of entries) varint(entry.runLength, out)
  for (const entry of entries) varint(entry.length, out)
  entries.forEach((entry, i) => {
    const previous = entries[i - 1]
    varint(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1, out)
  })
  return zlib.gzipSync(Buffer.from(out))
}

export type ArchiveOptions = {
  bounds?: Bounds
  minZoom?: number
  maxZoom?: number
  /** The PNG for a tile; by default the same paper tile everywhere (stored once). */
  tile?: (z: number, x: number, y: number) => Buffer
  attribution?: string
}

/** A PMTiles v3 archive of PNG tiles covering `bounds` at every zoom from `minZoom` to `maxZoom`. */
export function writeRasterArchive(options: ArchiveOptions = {}): Buffer {
  const paper = paperTile()
  return writeArchive(options, options.tile ?? (() => paper), { tileType: 2, tileCompression: 1 })
}

/** A PMTiles v3 archive of vector tiles (gzipped, as archives usually hold them), each `earthAndWaterTile`. */
export function writeVectorArchive(options: Omit<ArchiveOptions, 'tile'> = {}): Buffer {
  const tile = zlib.gzipSync(earthAndWaterTile())
  return writeArchive(options, () => tile, { tileType: 1, tileCompression: 2 })
}

/** tileType: 1 MVT, 2 PNG; tileCompression: 1 none, 2 gzip. */
function writeArchive(options: ArchiveOptions, tileOf: (z: number, x: number, y: number) => Buffer, kind: { tileType: number; tileCompression: number }): Buffer {
  const bounds = options.bounds ?? demoForceBounds
  const minZoom = options.minZoom ?? 0
  const maxZoom = options.maxZoom ?? 12

  const tiles: { tileId: number; data: Buffer }[] = []
  for (let z = minZoom; z <= maxZoom; z += 1) {
    const range = tileRange(bounds, z)
    for (let x = range.minX; x <= range.maxX; x += 1) {
      for (let y = range.minY; y <= range.maxY; y += 1) tiles.push({ tileId: zxyToTileId(z, x, y), data: tileOf(z, x, y) })
    }
  }
  tiles.sort((a, b) => a.tileId - b.tileId)

  const contents: Buffer[] = []
  const offsets = new Map<string, { offset: number; length: number }>()
  let dataLength = 0
  const entries: Entry[] = []
  for (const { tileId, data } of tiles) {
    const key = data.toString('base64')
    let stored = offsets.get(key)
    if (!stored) {
      stored = { offset: dataLength, length: data.length }
      offsets.set(key, stored)
      contents.push(data)
      dataLength += data.length
    }
    const last = entries[entries.length - 1]
    if (last && last.offset === stored.offset && last.tileId + last.runLength === tileId) last.runLength += 1
    else entries.push({ tileId, offset: stored.offset, length: stored.length, runLength: 1 })
  }

  const root = directoryBytes(entries)
  const metadata = zlib.gzipSync(Buffer.from(JSON.stringify({ name: 'Kestrel test basemap', attribution: options.attribution ?? 'Test tiles' })))
  const headerLength = 127
  const rootOffset = headerLength
  const metadataOffset = rootOffset + root.length
  const leafOffset = metadataOffset + metadata.length
  const dataOffset = leafOffset

  const header = Buffer.alloc(headerLength)
  header.write('PMTiles', 0, 'latin1')
  header[7] = 3
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at)
  u64(rootOffset, 8)
  u64(root.length, 16)
  u64(metadataOffset, 24)
  u64(metadata.length, 32)
  u64(leafOffset, 40)
  u64(0, 48)
  u64(dataOffset, 56)
  u64(dataLength, 64)
  u64(tiles.length, 72)
  u64(entries.length, 80)
  u64(contents.length, 88)
  header[96] = 1 // clustered
  header[97] = 2 // internal compression: gzip
  header[98] = kind.tileCompression
  header[99] = kind.tileType
  header[100] = minZoom
  header[101] = maxZoom
  const e7 = (value: number, at: number) => header.writeInt32LE(Math.round(value * 1e7), at)
  e7(bounds.minLon, 102)
  e7(bounds.minLat, 106)
  e7(bounds.maxLon, 110)
  e7(bounds.maxLat, 114)
  header[118] = Math.min(maxZoom, 11)
  e7((bounds.minLon + bounds.maxLon) / 2, 119)
  e7((bounds.minLat + bounds.maxLat) / 2, 123)
  return Buffer.concat([header, root, metadata, ...contents])
}
