import { describe, expect, it } from 'vitest'
import type { Claim } from '../../shared/api/claims.ts'
import type { KestrelEvent } from '../../shared/api/events.ts'
import { applyClaim, applyClaimEvent, emptyClaimState, fromSnapshot } from './claims-state.ts'

const pcA = { collarNumber: '1120', name: 'PC Asha Patel' }
const pcB = { collarNumber: '1121', name: 'PC Ben Jones' }
const pcC = { collarNumber: '1122', name: 'PC Cal Reid' }

function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: 'c1', personId: 'P1', officer: pcA, status: 'active', outcome: null, note: null,
    createdAt: '2026-11-25T10:00:00.000Z', expiresAt: '2026-11-25T12:00:00.000Z', endedAt: null, assisting: [],
    ...overrides,
  }
}

function event(type: KestrelEvent['type'], c: Claim): KestrelEvent {
  return { type, personId: c.personId, claim: c, at: '2026-11-25T10:00:01.000Z' }
}

describe('applying claim events to what the gallery knows', () => {
  it('shows a new claim, then frees the person when it is released', () => {
    const claimed = applyClaimEvent(emptyClaimState, event('claim.created', claim()))
    expect(claimed.active.get('P1')?.officer).toEqual(pcA)
    const released = applyClaimEvent(claimed, event('claim.released', claim({ status: 'released', endedAt: '2026-11-25T10:30:00.000Z' })))
    expect(released.active.has('P1')).toBe(false)
    expect(released.ended.has('c1')).toBe(true)
  })

  it('never brings back a claim that ended, whatever order the news arrives in', () => {
    const ended = applyClaimEvent(emptyClaimState, event('claim.lapsed', claim({ status: 'lapsed' })))
    const late = applyClaimEvent(ended, event('claim.renewed', claim({ expiresAt: '2026-11-25T14:00:00.000Z' })))
    expect(late.active.has('P1')).toBe(false)
  })

  it('does not let an older claim displace a newer one on the same person', () => {
    const newer = applyClaim(emptyClaimState, claim({ id: 'c2', officer: pcB, createdAt: '2026-11-25T11:00:00.000Z' }))
    const stale = applyClaim(newer, claim({ id: 'c1', createdAt: '2026-11-25T10:00:00.000Z' }))
    expect(stale.active.get('P1')?.id).toBe('c2')
    // Reassignment: the old claim ends, the new one (newer) takes over.
    const reassigned = applyClaimEvent(applyClaim(emptyClaimState, claim()), event('claim.reassigned', claim({ id: 'c3', officer: pcB, createdAt: '2026-11-25T10:20:00.000Z' })))
    expect(reassigned.active.get('P1')?.officer).toEqual(pcB)
  })

  it('ignores the end of a claim other than the one it holds', () => {
    const held = applyClaim(emptyClaimState, claim({ id: 'c2', officer: pcB, createdAt: '2026-11-25T11:00:00.000Z' }))
    const next = applyClaimEvent(held, event('claim.released', claim({ id: 'c1', status: 'released' })))
    expect(next.active.get('P1')?.id).toBe('c2')
  })

  it('merges two versions of one claim: assisting officers join, the expiry only moves later', () => {
    const withB = applyClaim(emptyClaimState, claim({ assisting: [pcB], expiresAt: '2026-11-25T13:00:00.000Z' }))
    const olderNews = applyClaimEvent(withB, event('claim.assist', claim({ assisting: [pcC] })))
    const merged = olderNews.active.get('P1')
    expect(merged?.assisting.map((o) => o.collarNumber).sort()).toEqual(['1121', '1122'])
    expect(merged?.expiresAt).toBe('2026-11-25T13:00:00.000Z')
  })

  it('returns the same state object when nothing changes, so screens do not re-render', () => {
    const once = applyClaim(emptyClaimState, claim())
    expect(applyClaim(once, claim())).toBe(once)
    expect(applyClaimEvent(once, { type: 'stream.reset', personId: null, at: '2026-11-25T10:00:00Z' })).toBe(once)
  })
})

describe('a snapshot with the events that arrived while it was fetched', () => {
  it('applies the newer events on top of the snapshot', () => {
    const snapshot = [claim(), null, claim({ id: 'c9', personId: 'P9', officer: pcB })]
    const since = [event('claim.released', claim({ id: 'c9', personId: 'P9', officer: pcB, status: 'released' })), event('claim.created', claim({ id: 'c5', personId: 'P5', officer: pcC }))]
    const state = fromSnapshot(emptyClaimState, snapshot, since)
    expect([...state.active.keys()].sort()).toEqual(['P1', 'P5'])
  })

  it('keeps claims known to have ended out, even when the snapshot is older', () => {
    const previous = applyClaimEvent(emptyClaimState, event('claim.released', claim({ status: 'released' })))
    expect(fromSnapshot(previous, [claim()], []).active.has('P1')).toBe(false)
  })

  it('drops claims the snapshot no longer has (they ended while the stream was down)', () => {
    const previous = applyClaim(emptyClaimState, claim())
    expect(fromSnapshot(previous, [null], []).active.size).toBe(0)
  })
})
