/**
 * A person check's result in an officer's words: the score as a plain label, and what agreed
 * ("nickname or short form of the forename", "date of birth with day and month swapped") rather
 * than the matching module's codes. A code this version does not know is still shown, in words
 * made from the code, never dropped.
 */

const reasonWords: Record<string, string> = {
  surname: 'surname',
  'surname-part': 'one half of a double-barrelled surname',
  'surname-sounds-alike': 'surname sounds alike',
  'surname-spelling': 'surname spelt differently',
  forename: 'forename',
  'forename-short-form': 'nickname or short form of the forename',
  'forename-sounds-alike': 'forename sounds alike',
  'forename-spelling': 'forename spelt differently',
  alias: 'a recorded alias',
  'names-swapped': 'forename and surname given the other way round',
  dob: 'date of birth',
  'dob-day-month-swapped': 'date of birth with day and month swapped',
  'dob-year-off-by-one': 'date of birth with the year one out',
  'birth-year': 'year of birth',
  'birth-year-off-by-one': 'year of birth one out',
}

/** Whether this version has words for the code. */
export function hasWordsFor(code: string): boolean {
  return code in reasonWords
}

export function matchReasonWords(code: string): string {
  return reasonWords[code] ?? code.replace(/[-_]+/g, ' ')
}

/** "Matched on surname, nickname or short form of the forename and date of birth." */
export function matchedOnText(codes: readonly string[]): string {
  const words = [...new Set(codes.map(matchReasonWords))]
  if (words.length === 0) return 'Matched on a similar name only.'
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
  return `Matched on ${list}.`
}

export type ScoreLabel = 'Strong match' | 'Good match' | 'Possible match' | 'Weak match'

/** The score (0 to 1) as a label; the tone class gives it colour, the words carry the meaning. */
export function scoreLabel(score: number): ScoreLabel {
  if (score >= 0.9) return 'Strong match'
  if (score >= 0.78) return 'Good match'
  if (score >= 0.6) return 'Possible match'
  return 'Weak match'
}
