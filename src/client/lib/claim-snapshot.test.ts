import { describe, expect, it } from 'vitest'
import type { Claim } from '../../shared/api/claims.ts'
import { restoreSnapshot, snapshotMaxAgeMs, snapshotRecord, underCurrent } from './claim-snapshot.ts'
import { applyClaim, emptyClaimState } from './claims-state.ts'
import { db, packageTableNames } from './database.ts'

const pcA = { collarNumber: '1120', name: 'PC Asha Patel' }
const pcB = { collarNumber: '1121', name: 'PC Ben Jones' }
const officerId = 7
const asOf = Date.parse('2026-11-25T10:05:00.000Z')

function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: 'c1', personId: 'P1', officer: pcA, status: 'active', outcome: null, note: null,
    createdAt: '2026-11-25T10:00:00.000Z', expiresAt: '2026-11-25T12:00:00.000Z', endedAt: null, assisting: [],
    ...overrides,
  }
}

const twoClaims = applyClaim(applyClaim(emptyClaimState, claim()), claim({ id: 'c2', personId: 'P2', officer: pcB }))

describe('keeping the claim state on the device', () => {
  it('gives back what was saved, with the time it was known', () => {
    const record = snapshotRecord(twoClaims, asOf, officerId)
    // IndexedDB stores a structured clone: a JSON round trip is no kinder than that.
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(record)), officerId, asOf + 60_000)
    expect(restored?.asOf).toBe(asOf)
    expect([...(restored?.claims.active.keys() ?? [])].sort()).toEqual(['P1', 'P2'])
    expect(restored?.claims.active.get('P2')?.officer).toEqual(pcB)
  })

  it('keeps only active claims', () => {
    const state = applyClaim(twoClaims, claim({ id: 'c2', personId: 'P2', officer: pcB, status: 'released' }))
    expect(snapshotRecord(state, asOf, officerId).claims.map((c) => c.id)).toEqual(['c1'])
  })

  it('never shows another officer’s snapshot, or one with no officer signed in', () => {
    const record = snapshotRecord(twoClaims, asOf, officerId)
    expect(restoreSnapshot(record, officerId + 1, asOf)).toBeNull()
    expect(restoreSnapshot(record, null, asOf)).toBeNull()
  })

  it('drops a snapshot from an earlier shift', () => {
    const record = snapshotRecord(twoClaims, asOf, officerId)
    expect(restoreSnapshot(record, officerId, asOf + snapshotMaxAgeMs)).not.toBeNull()
    expect(restoreSnapshot(record, officerId, asOf + snapshotMaxAgeMs + 1)).toBeNull()
  })

  it('ignores nothing saved and rows it cannot read', () => {
    expect(restoreSnapshot(undefined, officerId, asOf)).toBeNull()
    expect(restoreSnapshot({ key: 'current', userId: officerId, claims: [{ id: 'c1' }], asOf }, officerId, asOf)).toBeNull()
    expect(restoreSnapshot({ key: 'current', userId: officerId, claims: [], asOf: 'yesterday' }, officerId, asOf)).toBeNull()
  })

  it('lets what the page learnt since it started win over the device’s copy', () => {
    // Live: P1's claim ended and someone else took it; P3 was claimed.
    let current = applyClaim(emptyClaimState, claim({ status: 'released' }))
    current = applyClaim(current, claim({ id: 'c3', officer: pcB, createdAt: '2026-11-25T10:30:00.000Z' }))
    current = applyClaim(current, claim({ id: 'c4', personId: 'P3' }))
    const merged = underCurrent(twoClaims, current)
    expect(merged.active.get('P1')?.id).toBe('c3')
    expect(merged.active.get('P2')?.id).toBe('c2')
    expect(merged.active.get('P3')?.id).toBe('c4')
    expect(merged.ended.has('c1')).toBe(true)
  })
})

describe('the claim snapshot table', () => {
  it('is one of the device database’s tables, which the device erase clears all of', () => {
    // device-erase.ts clears `db.tables` and then deletes the database: every declared table.
    expect(db.tables.map((table) => table.name)).toContain('claimSnapshot')
  })

  it('is not part of the briefing package, so a full sync leaves it alone', () => {
    expect(packageTableNames).not.toContain('claimSnapshot')
  })
})
