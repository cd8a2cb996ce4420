import { describe, expect, it, vi } from 'vitest'
import { buildLayer } from './layer-build.ts'

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
