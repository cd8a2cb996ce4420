import { describe, expect, it } from 'vitest'
import { checkPath, checkPrefillFrom } from './check-paths.ts'

describe('the Checks screen address', () => {
  it('carries the kind and the reason there and back', () => {
    const path = checkPath({ kind: 'person', reason: { code: 'warrant', text: 'Click & Collect: SMITH, John' } })
    expect(path).toBe('/checks?kind=person&reason=warrant&reasonText=Click+%26+Collect%3A+SMITH%2C+John')
    expect(checkPrefillFrom(new URL(path, 'http://x').searchParams)).toEqual({ kind: 'person', reason: { code: 'warrant', text: 'Click & Collect: SMITH, John' } })
  })

  it('ignores what it does not know', () => {
    expect(checkPath()).toBe('/checks')
    expect(checkPrefillFrom(new URLSearchParams('kind=boat&reason='))).toEqual({ kind: null, reason: null })
  })
})
