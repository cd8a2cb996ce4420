import { describe, expect, it } from 'vitest'
import { formatBytes, isKestrelLocalKey, isQuotaError, localKeys } from './storage.ts'

describe('formatBytes', () => {
  it('uses decimal units like phone settings screens', () => {
    expect(formatBytes(0)).toBe('0 bytes')
    expect(formatBytes(999)).toBe('999 bytes')
    expect(formatBytes(1_500)).toBe('1.5 kB')
    expect(formatBytes(12_345_678)).toBe('12.3 MB')
    expect(formatBytes(250_000_000_000)).toBe('250 GB')
    expect(formatBytes(Number.NaN)).toBe('unknown')
  })
})

describe('Kestrel local keys', () => {
  it('all carry the prefix the device erase looks for', () => {
    for (const key of Object.values(localKeys)) expect(isKestrelLocalKey(key)).toBe(true)
    expect(isKestrelLocalKey('other-app.setting')).toBe(false)
  })
})

describe('isQuotaError', () => {
  it('finds a full disk however the storage layer wraps it', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true)
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true)
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false)
    expect(isQuotaError(null)).toBe(false)
    expect(isQuotaError('QuotaExceededError')).toBe(false)
  })
})
