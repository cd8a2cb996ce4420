import { describe, expect, it } from 'vitest'
import { ApiError, NetworkError } from './api-client.ts'
import { backoffMs, longestRetryDelayMs, outcomeOf } from './outbox-retry.ts'

const middle = () => 0.5

describe('backoffMs', () => {
  it('doubles from 5 seconds and stops at 5 minutes', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, middle))).toEqual([5_000, 10_000, 20_000, 40_000])
    expect(backoffMs(7, middle)).toBe(longestRetryDelayMs)
    expect(backoffMs(500, middle)).toBe(longestRetryDelayMs)
  })

  it('spreads retries by a quarter either way', () => {
    expect(backoffMs(1, () => 0)).toBe(3_750)
    expect(backoffMs(1, () => 1)).toBe(6_250)
  })
})

describe('outcomeOf', () => {
  it('keeps a refusal as failed, with the server message', () => {
    for (const status of [400, 403, 404, 409, 422]) {
      expect(outcomeOf(new ApiError(status, 'conflict', 'This task was already completed by 1002.'), 1)).toEqual({
        action: 'fail',
        message: 'This task was already completed by 1002.',
      })
    }
  })

  it('retries what may work later: 401, 408, 429, 5xx and no network', () => {
    for (const error of [
      new ApiError(401, 'unauthenticated', 'Please sign in again.'),
      new ApiError(408, 'timeout', 'Too slow.'),
      new ApiError(429, 'rate_limited', 'Too many.'),
      new ApiError(500, 'internal_error', 'Server problem.'),
      new ApiError(503, 'internal_error', 'Unavailable.'),
      new NetworkError(),
      new TypeError('bug'),
    ]) {
      expect(outcomeOf(error, 2, middle)).toMatchObject({ action: 'retry', delayMs: 10_000 })
    }
  })

  it('counts an unreadable 2xx answer as sent: the server took the op', () => {
    expect(outcomeOf(new ApiError(200, 'invalid_response', 'unreadable'), 1)).toEqual({ action: 'sent' })
  })
})
