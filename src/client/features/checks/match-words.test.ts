import { describe, expect, it } from 'vitest'
import type { MatchReason } from '../../../shared/matching/index.ts'
import { hasWordsFor, matchedOnText, matchReasonWords, scoreLabel } from './match-words.ts'

describe('a check result in words', () => {
  it('has words for every reason the matching module gives', () => {
    const reasons: MatchReason[] = ['surname', 'surname-part', 'surname-sounds-alike', 'surname-spelling', 'forename', 'forename-short-form',
      'forename-sounds-alike', 'forename-spelling', 'alias', 'names-swapped', 'dob', 'dob-day-month-swapped', 'dob-year-off-by-one', 'birth-year', 'birth-year-off-by-one']
    for (const reason of reasons) expect(hasWordsFor(reason), reason).toBe(true)
    expect(matchReasonWords('dob-day-month-swapped')).toBe('date of birth with day and month swapped')
    expect(matchReasonWords('forename-short-form')).toContain('nickname')
  })

  it('keeps a reason it does not know, in words', () => {
    expect(matchReasonWords('postcode-area')).toBe('postcode area')
  })

  it('lists the reasons as a sentence', () => {
    expect(matchedOnText(['surname', 'forename-short-form', 'dob'])).toBe('Matched on surname, nickname or short form of the forename and date of birth.')
    expect(matchedOnText(['surname'])).toBe('Matched on surname.')
    expect(matchedOnText([])).toBe('Matched on a similar name only.')
  })

  it('labels scores', () => {
    expect(scoreLabel(1)).toBe('Strong match')
    expect(scoreLabel(0.8)).toBe('Good match')
    expect(scoreLabel(0.65)).toBe('Possible match')
    expect(scoreLabel(0.3)).toBe('Weak match')
  })
})
