/**
 * Getis-Ord Gi* hotspot z-scores with binary weights, each place counted in its own neighbourhood
 * (the "star" form; PySAL esda G_Local with star=True). A high z says the place and its neighbours
 * together hold more than the study area's mean would give them: |z| >= 1.96 at 95 %, >= 2.58 at
 * 99 %. The study area is exactly the values given, so callers include the empty places around the
 * busy ones (src/shared/trends/cells.ts adds each cell's ring of neighbours with count 0).
 */

/**
 * `neighbours[i]` lists the indices of the places next to place i (itself may be listed or not: it
 * always counts once). Returns one z for each place in `targets` (default: every place), in that
 * order; `neighbours` needs entries for the targets only. The z is 0 where the statistic is
 * undefined (every value the same, or a neighbourhood covering the whole study area).
 */
export function giStarZ(values: readonly number[], neighbours: readonly (readonly number[] | undefined)[],
  targets: readonly number[] = values.map((_, i) => i)): number[] {
  const n = values.length
  if (n < 2) return targets.map(() => 0)
  const mean = values.reduce((sum, v) => sum + v, 0) / n
  // Population variance (PySAL uses numpy's var, ddof 0), in two passes for accuracy.
  const s = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n)
  const flat = s <= 1e-12 * Math.max(1, Math.abs(mean))
  return targets.map((i) => {
    let local = values[i] ?? 0
    let weight = 1
    for (const j of new Set(neighbours[i] ?? [])) {
      if (j === i) continue
      local += values[j] ?? 0
      weight += 1
    }
    // Binary weights: the sum of squared weights equals the sum of weights.
    const spread = (n * weight - weight * weight) / (n - 1)
    if (flat || spread <= 0) return 0
    return (local - mean * weight) / (s * Math.sqrt(spread))
  })
}
