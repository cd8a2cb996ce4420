/**
 * The test archive writer's output, read back with the `pmtiles` package's own reader, and its
 * vector tiles with the reference decoder protomaps-leaflet draws with (@mapbox/vector-tile).
 */
import { describe, expect, it } from 'vitest'
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles'
import { VectorTile } from '@mapbox/vector-tile'
import Pbf from 'pbf'
import { earthAndWaterTile, paperTile, writeRasterArchive, writeVectorArchive } from './pmtiles-archive.ts'

class BufferSource implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey() {
    return 'test'
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.bytes.subarray(offset, offset + length)
    return { data: Uint8Array.from(slice).buffer }
  }
}

describe('writeRasterArchive', () => {
  it('writes an archive the pmtiles reader opens: header, tiles inside the bounds, none outside, metadata', async () => {
    const archive = new PMTiles(new BufferSource(writeRasterArchive({ minZoom: 0, maxZoom: 12, attribution: 'Test tiles' })))
    const header = await archive.getHeader()
    expect(header).toMatchObject({ specVersion: 3, tileType: TileType.Png, minZoom: 0, maxZoom: 12, numTileContents: 1 })
    expect(header.minLon).toBeCloseTo(-2.25)
    expect(header.maxLat).toBeCloseTo(52.7)
    // Birmingham city centre at zoom 12 and zoom 0; a tile in Scotland is not in it.
    const png = paperTile()
    for (const [z, x, y] of [[12, 2026, 1344], [0, 0, 0], [5, 15, 10]] as const) {
      const tile = await archive.getZxy(z, x, y)
      expect(tile, `tile ${z}/${x}/${y}`).toBeDefined()
      expect(Buffer.from(tile!.data).equals(png)).toBe(true)
    }
    expect(await archive.getZxy(12, 2000, 1250)).toBeUndefined()
    expect(await archive.getMetadata()).toEqual({ name: 'Kestrel test basemap', attribution: 'Test tiles' })
    // Every addressed tile is found, the same count as the header says.
    let found = 0
    for (let x = 2020; x <= 2032; x += 1) for (let y = 1340; y <= 1356; y += 1) if (await archive.getZxy(12, x, y)) found += 1
    expect(found).toBeGreaterThan(50)
  })

  it('stores each distinct tile once and serves each tile its own bytes', async () => {
    const red = paperTile([255, 0, 0])
    const blue = paperTile([0, 0, 255])
    const bytes = writeRasterArchive({ minZoom: 10, maxZoom: 11, tile: (_z, x) => (x % 2 === 0 ? red : blue) })
    const archive = new PMTiles(new BufferSource(bytes))
    expect((await archive.getHeader()).numTileContents).toBe(2)
    expect(Buffer.from((await archive.getZxy(11, 1012, 672))!.data).equals(red)).toBe(true)
    expect(Buffer.from((await archive.getZxy(11, 1013, 672))!.data).equals(blue)).toBe(true)
    expect(bytes.length).toBeLessThan(127 + 4_096 + red.length + blue.length)
  })

  it('writes vector archives of gzipped tiles that the reader hands back unzipped', async () => {
    const archive = new PMTiles(new BufferSource(writeVectorArchive({ maxZoom: 10 })))
    expect(await archive.getHeader()).toMatchObject({ tileType: TileType.Mvt, tileCompression: 2, maxZoom: 10, numTileContents: 1 })
    const tile = await archive.getZxy(10, 506, 336)
    expect(Buffer.from(tile!.data).equals(earthAndWaterTile())).toBe(true)
    // Two layers, named as the Protomaps basemap names them, each one polygon (exterior ring).
    const decoded = new VectorTile(new Pbf(earthAndWaterTile()))
    expect(Object.keys(decoded.layers)).toEqual(['earth', 'water'])
    for (const [name, width] of [['earth', 4096], ['water', 2048]] as const) {
      const layer = decoded.layers[name]!
      expect(layer.extent).toBe(4096)
      expect(layer.length).toBe(1)
      const feature = layer.feature(0)
      expect(feature.type).toBe(3)
      const rings = feature.loadGeometry()
      expect(rings.map((ring) => ring.map((p) => [p.x, p.y]))).toEqual([[[0, 0], [width, 0], [width, 4096], [0, 4096], [0, 0]]])
    }
  })
})
