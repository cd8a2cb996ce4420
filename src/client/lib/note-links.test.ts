import { describe, expect, it } from 'vitest'
import { notePath, returnPathFrom } from './note-links.ts'

describe('notePath', () => {
  it('names the attachment and its label', () => {
    expect(notePath({ kind: 'person', id: 'P1', label: 'SMITH, John' })).toBe('/notes?attach=person%3AP1&label=SMITH%2C+John')
  })

  it('carries a return path inside the app', () => {
    const url = new URL(notePath({ kind: 'curfew-check', id: 'c-1', label: 'Curfew check: SMITH, John, 21:10' }, '/curfews'), 'https://app.test')
    expect(url.searchParams.get('attach')).toBe('curfew-check:c-1')
    expect(url.searchParams.get('label')).toBe('Curfew check: SMITH, John, 21:10')
    expect(url.searchParams.get('return')).toBe('/curfews')
  })

  it('leaves out a return path that leaves the app', () => {
    expect(notePath({ kind: 'person', id: 'P1', label: 'x' }, 'https://evil.example/')).not.toContain('return')
  })
})

describe('returnPathFrom', () => {
  it('accepts paths in this app', () => {
    expect(returnPathFrom('/curfews')).toBe('/curfews')
    expect(returnPathFrom('/people/P1?from=b1')).toBe('/people/P1?from=b1')
    expect(returnPathFrom('/')).toBe('/')
  })

  it('refuses anything that could be another site or is not a path', () => {
    for (const value of [null, '', 'curfews', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/a b', '/a\tb', `/${'a'.repeat(600)}`]) {
      expect(returnPathFrom(value), String(value)).toBeNull()
    }
  })
})
