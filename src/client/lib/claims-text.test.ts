import { describe, expect, it } from 'vitest'
import type { Claim } from '../../shared/api/claims.ts'
import { assistingText, claimAlertText, claimStateText, heldMessage } from './claims-text.ts'

const pcA = { collarNumber: '1120', name: 'PC Asha Patel' }
const pcB = { collarNumber: '1121', name: 'PC Ben Jones' }
const claim: Claim = {
  id: 'c1', personId: 'P1', officer: pcA, status: 'active', outcome: null, note: null,
  createdAt: '2026-11-25T10:05:00.000Z', expiresAt: '2026-11-25T12:05:00.000Z', endedAt: null, assisting: [pcB],
}

describe('claims in words', () => {
  it('names who is collecting, or says the person is available', () => {
    expect(claimStateText(null, '1121', 'SMITH, John')).toBe('Available')
    expect(claimStateText(claim, '1120', 'SMITH, John')).toBe('You are collecting SMITH, John')
    expect(claimStateText(claim, '1121', 'SMITH, John')).toMatch(/^Being collected by PC Asha Patel \(1120\) since \d\d:\d\d$/)
  })

  it('tells the loser of a claim who holds the person and since when', () => {
    expect(heldMessage(pcA, '2026-11-25T10:05:00.000Z')).toMatch(/^PC Asha Patel \(1120\) is already collecting this person since \d\d:\d\d\.$/)
    expect(heldMessage(pcA, null)).toBe('PC Asha Patel (1120) is already collecting this person.')
  })

  it('lists assisting officers, this officer as "you"', () => {
    expect(assistingText(claim, '1121')).toBe('Assisting: you')
    expect(assistingText({ ...claim, assisting: [] }, '1121')).toBeNull()
  })

  it('raises a banner for other officers’ claims, not for the officer’s own', () => {
    const created = { type: 'claim.created', personId: 'P1', claim, at: claim.createdAt } as const
    expect(claimAlertText(created, 'SMITH, John', '1121')).toBe('PC Asha Patel (1120) is collecting SMITH, John')
    expect(claimAlertText(created, 'SMITH, John', '1120')).toBeNull()
    expect(claimAlertText({ ...created, type: 'claim.renewed' }, 'SMITH, John', '1121')).toBeNull()
    expect(claimAlertText({ ...created, type: 'claim.outcome', claim: { ...claim, status: 'closed', outcome: 'arrested' } }, 'SMITH, John', '1121')).toBe(
      'PC Asha Patel (1120) recorded the outcome for SMITH, John: arrested',
    )
  })
})
