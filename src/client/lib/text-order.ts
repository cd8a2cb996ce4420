/**
 * Sort orders that need no collator. `localeCompare` (like Intl.Collator) loads the locale's
 * collation data the first time it runs: 40 to 60 ms of a screen's first render on a phone (4x
 * CPU), paid by whichever sort comes first.
 */

/**
 * Machine text (ISO times, ids, hex cell ids): by UTF-16 code unit. For strings of one format,
 * such as two ISO times, that is the order localeCompare gives.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Names, titles and labels: ignoring case first, then by case, so the order is stable. Unlike
 * localeCompare, a letter with an accent sorts after z; it is used where that cannot mislead (a
 * tie-break after dates and priorities, English place names, warning-marker labels).
 */
export function byText(a: string, b: string): number {
  return byCodeUnit(a.toLowerCase(), b.toLowerCase()) || byCodeUnit(a, b)
}
