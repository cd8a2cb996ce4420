import { describe, expect, it, vi } from 'vitest'
import { boundedMemo } from './bounded-memo.ts'

describe('boundedMemo', () => {
  it('works out each key once and answers again from memory', () => {
    const make = vi.fn((key: string) => key.toUpperCase())
    const upper = boundedMemo(make, 10)
    expect([upper('smith'), upper('jones'), upper('smith'), upper('smith')]).toEqual(['SMITH', 'JONES', 'SMITH', 'SMITH'])
    expect(make.mock.calls).toEqual([['smith'], ['jones']])
  })

  it('keeps at most `limit` answers, starting afresh when full', () => {
    const make = vi.fn((key: string) => key.length)
    const length = boundedMemo(make, 2)
    length('a')
    length('bb')
    length('ccc') // full: memory dropped, then ccc kept
    length('a')
    expect(make.mock.calls.map(([key]) => key)).toEqual(['a', 'bb', 'ccc', 'a'])
    length('ccc')
    expect(make).toHaveBeenCalledTimes(4)
  })
})
