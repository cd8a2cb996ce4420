/**
 * Building one map layer in tasks of its own (crime-map-view.tsx's `useLayer`): the layer is handed
 * on only if the run was not cancelled meanwhile, and a failure of the build, or of adding the
 * layer, goes to `failed`, so the screen can say the map could not be drawn. Nothing is left as an
 * unhandled rejection that only the console would see.
 */
export type LayerRun = { cancelled: boolean }

export async function buildLayer<L>(
  build: (run: LayerRun) => L | null | Promise<L | null>,
  run: LayerRun,
  add: (layer: L) => void,
  failed: (error: unknown) => void,
): Promise<void> {
  try {
    const built = await build(run)
    if (!run.cancelled && built) add(built)
  } catch (error) {
    // A run cancelled meanwhile has been replaced (new data) or unmounted: its failure is moot.
    if (!run.cancelled) failed(error)
  }
}

/**
 * Calls `each` for every item, handing the page a turn (`pause`) after every `perSlice` items, so
 * that building a layer of thousands of shapes is many short tasks rather than one long one that
 * keeps a tap from being answered. Stops, and answers false, if the run is cancelled meanwhile.
 */
export async function inSlices<T>(
  items: readonly T[],
  perSlice: number,
  run: LayerRun,
  each: (item: T) => void,
  pause: () => Promise<void>,
): Promise<boolean> {
  for (const [index, item] of items.entries()) {
    if (index > 0 && index % perSlice === 0) {
      await pause()
      if (run.cancelled) return false
    }
    each(item)
  }
  return true
}
