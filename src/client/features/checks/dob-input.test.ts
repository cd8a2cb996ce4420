import { describe, expect, it } from 'vitest'
import { parseDobInput } from './dob-input.ts'

describe('a date of birth as typed', () => {
  it.each([
    ['12/03/1980', '1980-03-12'],
    ['1/3/1980', '1980-03-01'],
    ['12-03-1980', '1980-03-12'],
    ['12 03 1980', '1980-03-12'],
    ['12.03.1980', '1980-03-12'],
    ['12031980', '1980-03-12'],
    ['1980-03-12', '1980-03-12'],
    ['1980-3-2', '1980-03-02'],
    ['1980', '1980'],
    [' 1980 ', '1980'],
  ])('%s is sent as %s', (typed, sent) => {
    expect(parseDobInput(typed)).toEqual({ ok: true, value: sent })
  })

  it('is optional', () => {
    expect(parseDobInput('  ')).toEqual({ ok: true, value: undefined })
  })

  it('refuses what is not a date, or not a real one', () => {
    expect(parseDobInput('last March').ok).toBe(false)
    expect(parseDobInput('31/02/1980')).toEqual({ ok: false, message: 'That date does not exist. Check the day and month.' })
    expect(parseDobInput('1850').ok).toBe(false)
  })
})
