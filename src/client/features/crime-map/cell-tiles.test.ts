import { describe, expect, it } from 'vitest'
import type { CellLook } from './cell-style.ts'
import { CellTiles, type CellCanvas, type ProjectedCell } from './cell-tiles.ts'

const rising: CellLook = { colour: '#c62828', words: 'Rising', fillOpacity: 0.55 }
const steady: CellLook = { colour: '#8a94a3', words: 'Steady', fillOpacity: 0.18 }

/** A square "cell" with corners (x, y) and (x + side, y + side), in pixels at zoom 0. */
function square(x: number, y: number, side: number, look: CellLook): ProjectedCell {
  return { ring: [x, y, x + side, y, x + side, y + side, x, y + side], look }
}

type Call = { op: string; args: number[]; fillStyle?: unknown; strokeStyle?: unknown; globalAlpha?: number }

/** Records what is drawn, and with which colour and opacity each fill and stroke is made. */
function recordingCanvas(): CellCanvas & { calls: Call[] } {
  const calls: Call[] = []
  const canvas = {
    calls,
    fillStyle: '' as CellCanvas['fillStyle'],
    strokeStyle: '' as CellCanvas['strokeStyle'],
    globalAlpha: 1,
    lineWidth: 0,
    lineJoin: 'miter' as CanvasLineJoin,
    beginPath: () => { calls.push({ op: 'beginPath', args: [] }) },
    moveTo: (x: number, y: number) => { calls.push({ op: 'moveTo', args: [x, y] }) },
    lineTo: (x: number, y: number) => { calls.push({ op: 'lineTo', args: [x, y] }) },
    closePath: () => { calls.push({ op: 'closePath', args: [] }) },
    fill: () => { calls.push({ op: 'fill', args: [], fillStyle: canvas.fillStyle, globalAlpha: canvas.globalAlpha }) },
    stroke: () => { calls.push({ op: 'stroke', args: [], strokeStyle: canvas.strokeStyle, globalAlpha: canvas.globalAlpha }) },
  }
  return canvas as CellCanvas & { calls: Call[] }
}

describe('CellTiles', () => {
  // At zoom 0 a 128-pixel tile covers 0..128; at zoom 1, tile (1, 0) covers 64..128 across, 0..64 down.
  const cells = [square(10, 10, 4, rising), square(100, 20, 4, steady), square(62, 40, 4, steady)]
  const tiles = new CellTiles(cells, 128)

  it('finds the cells that touch a tile, at any zoom, and none outside it', () => {
    expect(tiles.cellsIn({ x: 0, y: 0, z: 0 }).sort((a, b) => a - b)).toEqual([0, 1, 2])
    expect(tiles.cellsIn({ x: 0, y: 0, z: 1 }).sort((a, b) => a - b)).toEqual([0, 2])
    // The third cell straddles the line between tiles (0, 0) and (1, 0) at zoom 1: it is in both.
    expect(tiles.cellsIn({ x: 1, y: 0, z: 1 }).sort((a, b) => a - b)).toEqual([1, 2])
    expect(tiles.cellsIn({ x: 1, y: 1, z: 1 })).toEqual([])
    expect(tiles.cellsIn({ x: 5, y: 5, z: 3 })).toEqual([])
  })

  it('draws a cell at its place in the tile, scaled by the zoom', () => {
    const canvas = recordingCanvas()
    // Zoom 2: the first cell's corner (10, 10) is at (40, 40) in the map's pixels, in tile (0, 0).
    expect(tiles.draw(canvas, { x: 0, y: 0, z: 2 })).toBe(1)
    const path = canvas.calls.filter((c) => c.op === 'moveTo' || c.op === 'lineTo').map((c) => c.args)
    expect(path).toEqual([[40, 40], [56, 40], [56, 56], [40, 56]])
    // Zoom 3, tile (6, 1): the second cell (100, 20) is at (800, 160), 32 pixels into the tile each way.
    const second = recordingCanvas()
    expect(tiles.draw(second, { x: 6, y: 1, z: 3 })).toBe(1)
    expect(second.calls.find((c) => c.op === 'moveTo')!.args).toEqual([32, 32])
  })

  it('fills and outlines each look once per tile, in its colour and opacity', () => {
    const canvas = recordingCanvas()
    expect(tiles.draw(canvas, { x: 0, y: 0, z: 0 })).toBe(3)
    const paints = canvas.calls.filter((c) => c.op === 'fill' || c.op === 'stroke')
    expect(paints).toEqual([
      { op: 'fill', args: [], fillStyle: rising.colour, globalAlpha: 0.55 },
      { op: 'stroke', args: [], strokeStyle: rising.colour, globalAlpha: 0.8 },
      { op: 'fill', args: [], fillStyle: steady.colour, globalAlpha: 0.18 },
      { op: 'stroke', args: [], strokeStyle: steady.colour, globalAlpha: 0.8 },
    ])
    // Both steady cells are in one path: two rings, each closed.
    const afterSteady = canvas.calls.slice(canvas.calls.findIndex((c, i) => i > 0 && c.op === 'beginPath'))
    expect(afterSteady.filter((c) => c.op === 'closePath')).toHaveLength(2)
    expect(canvas.globalAlpha).toBe(1)
  })

  it('draws nothing on a tile no cell touches, and copes with no cells at all', () => {
    const canvas = recordingCanvas()
    expect(tiles.draw(canvas, { x: 1, y: 1, z: 1 })).toBe(0)
    expect(canvas.calls).toEqual([])
    const none = new CellTiles([], 128)
    expect(none.cellsIn({ x: 0, y: 0, z: 0 })).toEqual([])
    expect(none.draw(recordingCanvas(), { x: 0, y: 0, z: 0 })).toBe(0)
  })
})
