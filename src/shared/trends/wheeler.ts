/**
 * Wheeler's trend test for counts: z = 2 (sqrt(C) - sqrt(E)), where C is the recent count and E the
 * count expected from the baseline (the baseline scaled to the recent window's length). The square
 * root stabilises the variance of Poisson counts, so z reads like a standard normal score: a cell is
 * rising when z >= 3 and at least 3 crimes were recorded, falling when z <= -3, and steady
 * otherwise. Percentage change alone is never used: 1 -> 3 is +200 % and means nothing.
 */
export type Trend = 'rising' | 'falling' | 'steady'

export const trendThreshold = 3
export const minimumRisingCount = 3

export function trendZ(count: number, expected: number): number {
  return 2 * (Math.sqrt(Math.max(0, count)) - Math.sqrt(Math.max(0, expected)))
}

export function classifyTrend(count: number, z: number): Trend {
  if (z >= trendThreshold && count >= minimumRisingCount) return 'rising'
  if (z <= -trendThreshold) return 'falling'
  return 'steady'
}
