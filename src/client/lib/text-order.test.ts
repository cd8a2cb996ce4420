import { describe, expect, it } from 'vitest'
import { byCodeUnit, byText } from './text-order.ts'

describe('byCodeUnit and byText', () => {
  it('order ISO times and ids as localeCompare does', () => {
    const times = ['2026-11-25T09:30:00.000Z', '2026-11-25T19:05:00.000Z', '2025-12-01T00:00:00.000Z', '2026-11-25T09:29:59.999Z', '2026-02-28T23:59:00.000Z']
    expect([...times].sort(byCodeUnit)).toEqual([...times].sort((a, b) => a.localeCompare(b)))
    const cells = ['89195da49b7ffff', '8919580a6d3ffff', '89195da4983ffff', '891958b2a27ffff']
    expect([...cells].sort(byCodeUnit)).toEqual([...cells].sort((a, b) => a.localeCompare(b)))
  })
  it('order names and titles ignoring case, then by case, so equal names keep one order', () => {
    expect(['smith', 'Adams', 'Smith', 'baker', 'ADAMS'].sort(byText)).toEqual(['ADAMS', 'Adams', 'baker', 'Smith', 'smith'])
    expect(byText('Hall Green', 'hall green')).not.toBe(0)
    expect(byText('Acocks Green', 'Acocks Green')).toBe(0)
  })
  it('order accented names with their unaccented letters, not after z', () => {
    expect(['Zara', 'Élodie', 'Elliott', 'Ömer', 'Oakes', 'Elodie', 'Nuñez', 'Nunn'].sort(byText))
      .toEqual(['Elliott', 'Elodie', 'Élodie', 'Nuñez', 'Nunn', 'Oakes', 'Ömer', 'Zara'])
    expect(['Zoë', 'Zoe', 'ZOE'].sort(byText)).toEqual(['ZOE', 'Zoe', 'Zoë'])
    expect(byText('José', 'José')).toBe(0)
  })
  it('order letters that do not decompose where the en-GB collator puts them, not after z', () => {
    expect(['Zara', 'Søren', 'Sorensen', 'Soren', 'Sykes'].sort(byText)).toEqual(['Soren', 'Søren', 'Sorensen', 'Sykes', 'Zara'])
    expect(['Weist', 'Weiß', 'Weiss', 'Wein'].sort(byText)).toEqual(['Wein', 'Weiss', 'Weiß', 'Weist'])
    expect(['Afzal', 'Æsir', 'Adams', 'Zoe'].sort(byText)).toEqual(['Adams', 'Æsir', 'Afzal', 'Zoe'])
    expect(['Zielinski', 'Łukasz', 'Lucas', 'Lyons'].sort(byText)).toEqual(['Lucas', 'Łukasz', 'Lyons', 'Zielinski'])
    expect(['Işık', 'Iz', 'Ian', 'Đorđe', 'Dz', 'Dan', 'Œil', 'Oz', 'Of'].sort(byText)).toEqual(['Dan', 'Đorđe', 'Dz', 'Ian', 'Işık', 'Iz', 'Œil', 'Of', 'Oz'])
    const collator = new Intl.Collator('en-GB')
    const names = ['Søren', 'Soren', 'Sorensen', 'Weiß', 'Weiss', 'Wein', 'Æsir', 'Adams', 'Afzal', 'Łukasz', 'Lucas', 'Lyons', 'Đorđe', 'Dan', 'Ħal', 'Han', 'Hz', 'Thorn', 'Þóra', 'Zara']
    expect([...names].sort(byText)).toEqual([...names].sort(collator.compare))
  })
})
