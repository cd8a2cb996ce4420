import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api-client.ts'
import { claimPerson } from './claim-person.ts'

const claim = {
  id: 'c1', personId: 'P1', officer: { collarNumber: '1120', name: 'PC Asha Patel' }, status: 'active', outcome: null, note: null,
  createdAt: '2026-11-25T10:05:00.000Z', expiresAt: '2026-11-25T12:05:00.000Z', endedAt: null, assisting: [],
}

function answer(status: number, body: unknown) {
  const calls: { url: string; body: unknown }[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) })
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  })
  return calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('claimPerson', () => {
  it('sends the opId and returns the claim the server made', async () => {
    const calls = answer(201, { claim })
    const opId = '0b0cbd43-63c1-4a8c-9d7e-3f3c4a0e8f11'
    await expect(claimPerson('P1', opId)).resolves.toEqual({ result: 'claimed', claim })
    expect(calls).toEqual([{ url: '/api/wanted/P1/claim', body: { opId } }])
  })

  it('turns 409 already_claimed into who holds the person and since when', async () => {
    answer(409, {
      error: {
        code: 'already_claimed', message: 'PC Asha Patel (1120) is already collecting this person.',
        holder: claim.officer, claimedAt: claim.createdAt, claimId: 'c1',
      },
    })
    await expect(claimPerson('P1', '0b0cbd43-63c1-4a8c-9d7e-3f3c4a0e8f11')).resolves.toMatchObject({
      result: 'held', holder: claim.officer, claimedAt: claim.createdAt, claimId: 'c1',
    })
  })

  it('throws other refusals as ApiError with the server’s words', async () => {
    answer(404, { error: { code: 'not_found', message: 'That wanted person was not found.' } })
    const error: unknown = await claimPerson('P9', '0b0cbd43-63c1-4a8c-9d7e-3f3c4a0e8f11').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error instanceof ApiError ? [error.status, error.code] : null).toEqual([404, 'not_found'])
  })
})
