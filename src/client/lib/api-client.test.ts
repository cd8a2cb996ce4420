import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiError, NetworkError, apiErrorFrom, apiRequest, onSessionEnded } from './api-client.ts'

type Call = { url: string; init: RequestInit | undefined }

function fakeFetch(status: number, body: unknown, calls: Call[] = []): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), init })
    const text = body === undefined ? '' : JSON.stringify(body)
    return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': 'application/json' } })
  }
}

const unsubscribers: Array<() => void> = []
afterEach(() => {
  while (unsubscribers.length > 0) unsubscribers.pop()?.()
})

describe('apiRequest', () => {
  it('returns the parsed answer and sends the cookie, same origin, without HTTP caching', async () => {
    const calls: Call[] = []
    const result = await apiRequest('/api/health', z.object({ status: z.literal('ok') }), {
      fetchImpl: fakeFetch(200, { status: 'ok' }, calls),
    })
    expect(result).toEqual({ status: 'ok' })
    expect(calls[0]?.init?.credentials).toBe('same-origin')
    expect(calls[0]?.init?.cache).toBe('no-store')
    expect(calls[0]?.init?.method).toBe('GET')
  })

  it('sends JSON with a content type on every state-changing request, {} when there is no body', async () => {
    const calls: Call[] = []
    await apiRequest('/api/auth/logout', z.undefined(), { method: 'POST', fetchImpl: fakeFetch(204, undefined, calls) })
    expect(calls[0]?.init?.body).toBe('{}')
    expect(calls[0]?.init?.headers).toMatchObject({ 'Content-Type': 'application/json' })
  })

  it('throws ApiError with the server code and message', async () => {
    const error = await apiRequest('/api/auth/login', z.unknown(), {
      method: 'POST',
      body: { collarNumber: '1', password: 'x' },
      sessionBound: false,
      fetchImpl: fakeFetch(401, { error: { code: 'invalid_credentials', message: 'Wrong collar number or password.' } }),
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials', message: 'Wrong collar number or password.' })
  })

  it('tells session-ended listeners about a revoked session, and not about a wrong password', async () => {
    const seen: string[] = []
    unsubscribers.push(onSessionEnded((code) => seen.push(code)))
    await apiRequest('/api/me', z.unknown(), {
      fetchImpl: fakeFetch(401, { error: { code: 'session_revoked', message: 'Revoked.' } }),
    }).catch(() => undefined)
    await apiRequest('/api/auth/login', z.unknown(), {
      method: 'POST',
      sessionBound: false,
      fetchImpl: fakeFetch(401, { error: { code: 'session_expired', message: 'x' } }),
    }).catch(() => undefined)
    await apiRequest('/api/x', z.unknown(), {
      fetchImpl: fakeFetch(401, { error: { code: 'invalid_credentials', message: 'x' } }),
    }).catch(() => undefined)
    expect(seen).toEqual(['session_revoked'])
  })

  it('turns an unreachable server into NetworkError, never ApiError', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch')
    }
    await expect(apiRequest('/api/me', z.unknown(), { fetchImpl: failing })).rejects.toBeInstanceOf(NetworkError)
  })

  it('refuses an answer that does not match the contract', async () => {
    await expect(
      apiRequest('/api/health', z.object({ status: z.literal('ok') }), { fetchImpl: fakeFetch(200, { status: 'down' }) }),
    ).rejects.toMatchObject({ code: 'invalid_response' })
  })
})

describe('apiErrorFrom', () => {
  it('keeps a readable message when the body is not the agreed shape', () => {
    expect(apiErrorFrom(502, '<html>')).toMatchObject({ code: 'internal_error' })
    expect(apiErrorFrom(429, undefined).message).toMatch(/Too many attempts/)
  })
})
