import { describe, expect, it } from 'vitest'
import type { BriefingItem } from '../../shared/api/intel.ts'
import { isCurrent, isUpcoming, sortBriefing } from './briefing-order.ts'

function item(id: string, priority: 1 | 2 | 3, readAt: string | null, validFrom = '2026-11-25T06:00:00.000Z'): BriefingItem {
  return {
    id, title: id, body: '', priority, areaIds: [], polygon: null, validFrom, validTo: '2026-11-26T06:00:00.000Z',
    author: { collarNumber: '3001', name: 'A' }, links: [], task: null, readAt, updatedAt: validFrom,
  }
}

const read = '2026-11-25T07:00:00.000Z'

describe('sortBriefing', () => {
  it('puts unread first, then priority, then the newest', () => {
    const items = [
      item('read-p1', 1, read),
      item('unread-p3', 3, null),
      item('unread-p1-old', 1, null, '2026-11-25T01:00:00.000Z'),
      item('unread-p1-new', 1, null, '2026-11-25T05:00:00.000Z'),
      item('read-p2', 2, read),
    ]
    expect(sortBriefing(items).map((i) => i.id)).toEqual(['unread-p1-new', 'unread-p1-old', 'unread-p3', 'read-p1', 'read-p2'])
  })

  it('keeps an item acknowledged on this screen in its place', () => {
    const items = [item('a', 3, null), item('b', 1, read)]
    expect(sortBriefing(items, new Set(['b'])).map((i) => i.id)).toEqual(['b', 'a'])
    expect(sortBriefing(items).map((i) => i.id)).toEqual(['a', 'b'])
  })

  it('does not change the list it was given', () => {
    const items = [item('a', 3, null), item('b', 1, null)]
    sortBriefing(items)
    expect(items.map((i) => i.id)).toEqual(['a', 'b'])
  })
})

describe('isCurrent and isUpcoming', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z')
  it('splits by the validity window', () => {
    expect(isCurrent(item('a', 1, null), now)).toBe(true)
    expect(isCurrent({ validFrom: '2026-11-25T13:00:00.000Z', validTo: '2026-11-26T00:00:00.000Z' }, now)).toBe(false)
    expect(isUpcoming({ validFrom: '2026-11-25T13:00:00.000Z' }, now)).toBe(true)
    expect(isCurrent({ validFrom: '2026-11-24T00:00:00.000Z', validTo: '2026-11-25T12:00:00.000Z' }, now)).toBe(false)
  })
})
