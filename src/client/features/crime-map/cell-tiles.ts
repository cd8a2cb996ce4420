/**
 * The crime map's cells drawn tile by tile (crime-map-view.tsx's cells layer, a Leaflet GridLayer
 * of canvases). Each cell's hexagon is projected once, to the map's pixels at zoom 0, and put in a
 * spatial index (Flatbush); a tile at zoom z draws only the cells that touch it, scaled by 2^z.
 *
 * Why tiles: as one Leaflet polygon layer, adding thousands of hexagons projected and clipped every
 * ring in one task, and the canvas drew them all in another (each 50 to 180 ms on a phone slowed
 * 4×), and a tap waited for both. Tiles are drawn one or a few per frame, so no task is long, and
 * only the tiles on screen are drawn at all. Pure: no Leaflet, no DOM (a canvas context is passed
 * in), so the tiling is tested alone.
 */
import Flatbush from 'flatbush'
import type { CellLook } from './cell-style.ts'

/** A cell as drawn: its ring as x, y pairs in pixels at zoom 0, and the look it is drawn in. */
export type ProjectedCell = { ring: readonly number[]; look: CellLook }

export type TileCoords = { x: number; y: number; z: number }

/** The part of a canvas context that drawing cells uses. */
export type CellCanvas = Pick<CanvasRenderingContext2D, 'beginPath' | 'moveTo' | 'lineTo' | 'closePath' | 'fill' | 'stroke'> & {
  fillStyle: CanvasRenderingContext2D['fillStyle']
  strokeStyle: CanvasRenderingContext2D['strokeStyle']
  globalAlpha: number
  lineWidth: number
  lineJoin: CanvasLineJoin
}

/** As the cells' outline was drawn as Leaflet polygons: 1 pixel, 80 % opaque, in the cell's colour. */
const outline = { width: 1, opacity: 0.8 }

export class CellTiles {
  private readonly index: Flatbush | null
  private readonly looks: CellLook[]
  private readonly lookOf: Uint16Array

  constructor(private readonly cells: readonly ProjectedCell[], readonly tileSize: number) {
    const looks = new Map<string, number>()
    this.looks = []
    this.lookOf = new Uint16Array(cells.length)
    cells.forEach((cell, i) => {
      const key = `${cell.look.colour}|${cell.look.fillOpacity}`
      let look = looks.get(key)
      if (look === undefined) {
        look = this.looks.push(cell.look) - 1
        looks.set(key, look)
      }
      this.lookOf[i] = look
    })
    if (cells.length === 0) {
      this.index = null
      return
    }
    const index = new Flatbush(cells.length)
    for (const { ring } of cells) {
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
      for (let i = 0; i < ring.length; i += 2) {
        const x = ring[i]!, y = ring[i + 1]!
        if (x < minX) minX = x
        if (x > maxX) maxX = x
        if (y < minY) minY = y
        if (y > maxY) maxY = y
      }
      index.add(minX, minY, maxX, maxY)
    }
    index.finish()
    this.index = index
  }

  /** The cells (by position in the list given) that touch a tile, outline included. */
  cellsIn({ x, y, z }: TileCoords): number[] {
    if (!this.index) return []
    const scale = 2 ** z
    // The outline reaches half its width past the ring; a pixel more for antialiasing.
    const margin = (outline.width / 2 + 1) / scale
    const size = this.tileSize / scale
    return this.index.search(x * size - margin, y * size - margin, (x + 1) * size + margin, (y + 1) * size + margin)
  }

  /** Draws the cells that touch the tile into `canvas`, whose units are the tile's CSS pixels. */
  draw(canvas: CellCanvas, tile: TileCoords): number {
    const found = this.cellsIn(tile)
    if (found.length === 0) return 0
    const scale = 2 ** tile.z
    const left = tile.x * this.tileSize
    const top = tile.y * this.tileSize
    // One path per look: thousands of hexagons are a handful of fills and strokes.
    const byLook: number[][] = this.looks.map(() => [])
    for (const i of found) byLook[this.lookOf[i]!]!.push(i)
    canvas.lineWidth = outline.width
    canvas.lineJoin = 'round'
    byLook.forEach((members, look) => {
      if (members.length === 0) return
      canvas.beginPath()
      for (const i of members) {
        const ring = this.cells[i]!.ring
        canvas.moveTo(ring[0]! * scale - left, ring[1]! * scale - top)
        for (let p = 2; p < ring.length; p += 2) canvas.lineTo(ring[p]! * scale - left, ring[p + 1]! * scale - top)
        canvas.closePath()
      }
      const { colour, fillOpacity } = this.looks[look]!
      canvas.fillStyle = colour
      canvas.globalAlpha = fillOpacity
      canvas.fill()
      canvas.strokeStyle = colour
      canvas.globalAlpha = outline.opacity
      canvas.stroke()
    })
    canvas.globalAlpha = 1
    return found.length
  }
}
