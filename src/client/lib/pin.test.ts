import { describe, expect, it } from 'vitest'
import { createPinRecord, pinIterations, pinProblem, verifyPin } from './pin.ts'

// A low count keeps the suite fast; the production count is checked separately.
const fast = { iterations: 1_000 }

describe('pinProblem', () => {
  it('accepts 4 to 8 digits', () => {
    expect(pinProblem('1234')).toBeNull()
    expect(pinProblem('12345678')).toBeNull()
  })

  it('refuses too short, too long and non-digits', () => {
    expect(pinProblem('123')).toMatch(/4 to 8 digits/)
    expect(pinProblem('123456789')).toMatch(/4 to 8 digits/)
    expect(pinProblem('12a4')).toMatch(/digits only/)
    expect(pinProblem('')).toMatch(/digits only/)
  })
})

describe('PIN verifier', () => {
  it('uses at least 100,000 PBKDF2 iterations by default', async () => {
    expect(pinIterations).toBeGreaterThanOrEqual(100_000)
    const record = await createPinRecord('2468')
    expect(record.iterations).toBe(pinIterations)
    expect(record.algorithm).toBe('PBKDF2-SHA-256')
    expect(await verifyPin('2468', record)).toBe(true)
  })

  it('verifies the right PIN and refuses a wrong one', async () => {
    const record = await createPinRecord('0000', fast)
    expect(await verifyPin('0000', record)).toBe(true)
    expect(await verifyPin('0001', record)).toBe(false)
    expect(await verifyPin('00000', record)).toBe(false)
  })

  it('never stores the PIN, and salts each record differently', async () => {
    const first = await createPinRecord('1357', { ...fast, now: 0 })
    const second = await createPinRecord('1357', { ...fast, now: 0 })
    expect(JSON.stringify(first)).not.toContain('1357')
    expect(first.salt).not.toBe(second.salt)
    expect(first.hash).not.toBe(second.hash)
  })
})
