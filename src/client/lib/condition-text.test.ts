import { describe, expect, it } from 'vitest'
import type { Condition } from '../../shared/api/intel.ts'
import { conditionInForce, conditionText } from './condition-text.ts'

function condition(kind: string, details: Record<string, unknown>): Condition {
  return { id: 'c1', kind, details, addressId: null, validFrom: '2026-11-01', validTo: '2026-12-01' }
}

describe('conditionText', () => {
  it('reads a curfew plainly, including doorstep and tag', () => {
    const text = conditionText(condition('curfew', {
      windows: [{ days: [1, 2, 3, 4, 5], start: '19:00', end: '07:00' }, { days: [0, 6], start: '18:00', end: '08:00' }],
      doorstep: true,
      tag: false,
    }))
    expect(text.title).toBe('Curfew')
    expect(text.lines).toEqual([
      'Mon–Fri 19:00–07:00',
      'Sat, Sun 18:00–08:00',
      'Times ending earlier than they start run past midnight to the next morning.',
      'Doorstep: must come to the door when a constable calls during the curfew.',
      'Not tagged.',
    ])
  })

  it('names the people not to contact and the reporting times', () => {
    expect(conditionText(condition('non_contact', { persons: [{ forenames: 'Ann', surname: 'Lee' }], directly: true, indirectly: true })).lines)
      .toEqual(['No contact directly or indirectly with:', 'LEE, Ann'])
    expect(conditionText(condition('reporting', { station: 'Central police station', days: [1, 3, 5], from: '10:00', to: '12:00' })).lines)
      .toEqual(['Report to Central police station, Mon, Wed, Fri 10:00–12:00'])
  })

  it('lists details it does not recognise rather than hiding them', () => {
    expect(conditionText(condition('surrender_passport', { by: '2026-12-01' }))).toEqual({ title: 'surrender passport', lines: ['by: 2026-12-01'] })
    expect(conditionText(condition('curfew', { hours: '7pm to 7am' })).lines).toEqual(['hours: 7pm to 7am'])
  })
})

describe('conditionInForce', () => {
  it('includes the first and the last day', () => {
    const c = condition('residence', {})
    expect(conditionInForce(c, '2026-11-01')).toBe(true)
    expect(conditionInForce(c, '2026-12-01')).toBe(true)
    expect(conditionInForce(c, '2026-12-02')).toBe(false)
  })
})
