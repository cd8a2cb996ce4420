import { describe, expect, it } from 'vitest'
import { needsResync, parseFrame, reopenDelayMs, streamUrl } from './event-frames.ts'

describe('event stream frames', () => {
  it('reads the opening frame, claim events, resets, and ignores what it does not know', () => {
    expect(parseFrame(JSON.stringify({ type: 'stream.open', at: '2026-11-25T10:00:00Z', head: 41 }))).toEqual({ kind: 'open', head: 41 })
    expect(parseFrame(JSON.stringify({ type: 'stream.reset', personId: null, at: '2026-11-25T10:00:00Z' }))).toEqual({ kind: 'reset' })
    const claim = {
      id: 'c1', personId: 'P1', officer: { collarNumber: '1120', name: 'PC A' }, status: 'active', outcome: null, note: null,
      createdAt: '2026-11-25T10:00:00Z', expiresAt: '2026-11-25T12:00:00Z', endedAt: null, assisting: [],
    }
    const frame = parseFrame(JSON.stringify({ type: 'claim.created', personId: 'P1', claim, at: '2026-11-25T10:00:00Z' }))
    expect(frame.kind).toBe('event')
    expect(frame.kind === 'event' ? frame.event.claim?.officer.name : null).toBe('PC A')
    expect(parseFrame('not json')).toEqual({ kind: 'unknown' })
    expect(parseFrame(JSON.stringify({ type: 'some.future.event', personId: 'P1', at: 'x' }))).toEqual({ kind: 'unknown' })
  })

  it('asks for a re-sync unless the connection continues exactly where the device left off', () => {
    expect(needsResync(null, 10)).toBe(true)
    expect(needsResync('10', 10)).toBe(false)
    expect(needsResync('7', 10)).toBe(true)
  })

  it('resumes a new connection after the last id seen', () => {
    expect(streamUrl(null)).toBe('/api/events')
    expect(streamUrl('42')).toBe('/api/events?lastEventId=42')
  })

  it('backs off reopening: 3 s, doubling, at most a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(reopenDelayMs)).toEqual([3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000, 60_000])
  })
})
