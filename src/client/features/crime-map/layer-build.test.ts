import { describe, expect, it, vi } from 'vitest'
import { buildLayer, inSlices } from './layer-build.ts'

describe('buildLayer', () => {
  it('adds the layer a build makes, sync or async', async () => {
    const add = vi.fn()
    const failed = vi.fn()
    await buildLayer(() => 'cells', { cancelled: false }, add, failed)
    await buildLayer(async () => 'points', { cancelled: false }, add, failed)
    expect(add.mock.calls).toEqual([['cells'], ['points']])
    expect(failed).not.toHaveBeenCalled()
  })

  it('adds nothing when the run was cancelled while it built, or the build made nothing', async () => {
    const add = vi.fn()
    const run = { cancelled: false }
    await buildLayer(async (r) => { r.cancelled = true; return 'stale' }, run, add, vi.fn())
    await buildLayer(() => null, { cancelled: false }, add, vi.fn())
    expect(add).not.toHaveBeenCalled()
  })

  it('hands a failed build, or a failed add, to `failed` instead of rejecting', async () => {
    const failed = vi.fn()
    const broken = new Error('no corners for this cell')
    await expect(buildLayer(async () => { throw broken }, { cancelled: false }, vi.fn(), failed)).resolves.toBeUndefined()
    await expect(buildLayer(() => { throw broken }, { cancelled: false }, vi.fn(), failed)).resolves.toBeUndefined()
    await buildLayer(() => 'cells', { cancelled: false }, () => { throw broken }, failed)
    expect(failed.mock.calls).toEqual([[broken], [broken], [broken]])
  })

  it('says nothing of a failure once the run is cancelled', async () => {
    const failed = vi.fn()
    await buildLayer(async (run) => { run.cancelled = true; throw new Error('late') }, { cancelled: false }, vi.fn(), failed)
    expect(failed).not.toHaveBeenCalled()
  })
})

describe('inSlices', () => {
  it('visits every item in order and gives the page a turn between slices, not before the first or after the last', async () => {
    const seen: string[] = []
    const pause = vi.fn(async () => { seen.push('|') })
    const done = await inSlices(['a', 'b', 'c', 'd', 'e'], 2, { cancelled: false }, (item) => seen.push(item), pause)
    expect(done).toBe(true)
    expect(seen.join('')).toBe('ab|cd|e')
  })

  it('stops at the next turn once the run is cancelled, and says so', async () => {
    const run = { cancelled: false }
    const seen: number[] = []
    const done = await inSlices([1, 2, 3, 4, 5, 6], 2, run, (item) => {
      seen.push(item)
      if (item === 3) run.cancelled = true
    }, async () => {})
    expect(done).toBe(false)
    expect(seen).toEqual([1, 2, 3, 4])
  })
})
