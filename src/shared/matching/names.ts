/**
 * Name normalisation for identity matching: the one place that decides when two written names are
 * "the same text". Case, accents, spacing and punctuation never matter; Mc and Mac are one prefix;
 * O'Brien, O Brien and OBrien are one name. Pure: runs on the server and on the device.
 */
import { doubleMetaphone } from 'double-metaphone'
import { boundedMemo } from '../bounded-memo.ts'

/** Lower case, accents removed, letters only; `Mc` written as `mac` so McDonald finds MacDonald. */
export function normaliseName(text: string): string {
  return normaliseMemo(text)
}
// A check ranks each of its 60 candidates' names against the query's several times, and names
// repeat from check to check: the Unicode decomposition and the three replacements were a tenth
// of the ranking's time.
const normaliseMemo = boundedMemo((text): string => {
  const letters = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '')
  return letters.startsWith('mc') ? `mac${letters.slice(2)}` : letters
}, 50_000)

/**
 * The parts of a written name: each word or each half of a double-barrelled name, normalised,
 * plus the whole name run together when it has several parts ("Smith-Jones" gives smith, jones and
 * smithjones). A prefix written as its own word (O Brien, Mac Donald, De Souza) joins the next word.
 */
export function nameParts(text: string): readonly string[] {
  return namePartsMemo(text)
}
const namePartsMemo = boundedMemo((text): readonly string[] => {
  const words = text.split(/[\s\-–,/.]+/).map((w) => w.replace(/['’`]/g, '')).filter((w) => normaliseName(w).length > 0)
  const joined: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = normaliseName(words[i]!)
    if (PREFIXES.has(word) && i + 1 < words.length) {
      joined.push(word + normaliseName(words[++i]!))
    } else {
      joined.push(word)
    }
  }
  const parts = new Set(joined)
  if (joined.length > 1) parts.add(joined.join(''))
  return Object.freeze([...parts])
}, 50_000)
const PREFIXES = new Set(['o', 'mac', 'de', 'da', 'di', 'van', 'von', 'le', 'la', 'al', 'el', 'st', 'du'])

/** Double Metaphone codes of a normalised name part: spelling variants and transliterations share one. */
export function phoneticCodes(part: string): readonly string[] {
  return part.length === 0 ? [] : phoneticMemo(part)
}
// Names repeat (a check ranks dozens of Smiths): remember the codes, within a bound.
const phoneticMemo = boundedMemo((part): readonly string[] => {
  const [primary, secondary] = doubleMetaphone(part)
  return primary === secondary || !secondary ? [primary] : [primary, secondary]
}, 20_000)

/**
 * The word with each one of its letters left out, for finding a name typed with one slip (the
 * symmetric-delete method): two words one slip apart (a letter dropped, added, changed, or two
 * neighbours swapped) always share a word or a deletion. Words shorter than four letters get
 * none: their one-slip neighbours are mostly other real names.
 */
export function deletions(word: string): string[] {
  if (word.length < 4) return []
  const out = new Set<string>()
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1))
  return [...out]
}
