/**
 * Sort orders that need no collator. `localeCompare` (like Intl.Collator) loads the locale's
 * collation data the first time it runs: 40 to 60 ms of a screen's first render on a phone (4x
 * CPU), paid by whichever sort comes first.
 */
import { boundedMemo } from '../../shared/bounded-memo.ts'

/**
 * Machine text (ISO times, ids, hex cell ids): by UTF-16 code unit. For strings of one format,
 * such as two ISO times, that is the order localeCompare gives.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Names, titles and labels: ignoring accents and case first (Élodie beside Elliott, not after
 * Zara), then by the text itself, so equal names keep one order and an unaccented name comes before
 * its accented twin, as localeCompare puts them. Accents are removed by Unicode decomposition (NFD),
 * which needs no collation data; the Latin letters that do not decompose are put where the en-GB
 * collator puts them (æ as ae, ø as o, ß as ss, ł as l), so Søren sorts beside Soren, not after z.
 * Þ, which the collator sorts after z, stays there.
 */
export function byText(a: string, b: string): number {
  return byCodeUnit(fold(a), fold(b)) || byCodeUnit(a, b)
}

/** Anything but printable ASCII (a control character merely takes the slower path). */
const notPlainAscii = /[^ -~]/
const combiningMarks = /\p{M}/gu
/** Lower-case Latin letters with no decomposition, and what they sort as. */
const spelledOut: Readonly<Record<string, string>> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ŀ: 'l' }
const undecomposed = /[æœøßłđðħıŀ]/g

/**
 * Lower case with accents removed; plain ASCII text (most names) skips the decomposition. A sort
 * compares each name many times (5,000 wanted people: about 60,000 comparisons) and names repeat,
 * so the folded text is remembered: a sort of 5,000 surnames costs about 4 ms in Node, as it did
 * before accents were folded, against 10 ms folding at every comparison.
 */
const fold = boundedMemo((text) => (notPlainAscii.test(text) ? foldLetters(text) : text.toLowerCase()), 20_000)

function foldLetters(text: string): string {
  return text.normalize('NFD').replace(combiningMarks, '').toLowerCase().replace(undecomposed, (letter) => spelledOut[letter] ?? letter)
}
