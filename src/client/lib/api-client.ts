/**
 * The one way the client talks to the Kestrel server: same-origin fetch with the session cookie,
 * JSON in and out, answers checked against the shared zod schemas, and every refusal turned into an
 * `ApiError` carrying the server's `{ error: { code, message } }`.
 *
 * Offline behaviour: when the request cannot reach the server (no network, DNS, timeout) it throws
 * `NetworkError`, never `ApiError`. Callers treat that as "offline, keep what the device has", so a
 * dropped connection is never mistaken for a sign-out. Only a real 401 whose code says the session
 * is gone reaches the session-ended listener, which erases the device and returns to sign-in.
 *
 * API answers are requested with `cache: 'no-store'` so personal data never lands in the HTTP cache.
 */
import type { z } from 'zod'
import { apiErrorSchema } from '../../shared/api/errors.ts'
import { noteServerDate } from './server-clock.ts'
import { isQuotaError, storageFullMessage } from './storage.ts'

/** 401 codes that mean this device no longer holds a valid session. */
export const sessionEndedCodes = ['unauthenticated', 'session_expired', 'session_revoked'] as const
export type SessionEndedCode = (typeof sessionEndedCodes)[number]

export function isSessionEndedCode(code: string): code is SessionEndedCode {
  return sessionEndedCodes.some((known) => known === code)
}

/** The server refused or failed the request and said why. `message` is written for the officer. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  /** Whatever else the server put in `error` (a 409's `holder`, say), for callers that know the code. */
  readonly details: Readonly<Record<string, unknown>>

  constructor(status: number, code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

/** The server could not be reached at all: offline, unreachable or too slow. */
export class NetworkError extends Error {
  constructor(message = 'Kestrel could not reach the server. Check your connection and try again.') {
    super(message)
    this.name = 'NetworkError'
  }
}

type SessionEndedListener = (code: SessionEndedCode) => void
const sessionEndedListeners = new Set<SessionEndedListener>()

/**
 * Subscribe to "the server says this session is over". The session module de-duplicates, so a
 * burst of 401s from parallel requests ends the session once.
 */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener)
  return () => sessionEndedListeners.delete(listener)
}

export type ApiRequestInit = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** JSON body for state-changing requests; `{}` is sent when none is given. */
  body?: unknown
  signal?: AbortSignal
  /** Milliseconds before giving up and throwing NetworkError. */
  timeoutMs?: number
  /**
   * False for calls whose 401 is not about the session (sign-in's wrong password, sign-out itself):
   * those must not trigger the erase-and-sign-out flow.
   */
  sessionBound?: boolean
  /** Override for tests. */
  fetchImpl?: typeof fetch
}

const defaultTimeoutMs = 15_000

const fallbackMessages: Record<number, string> = {
  401: 'Please sign in again.',
  403: 'You do not have access to this.',
  404: 'Kestrel could not find that.',
  429: 'Too many attempts. Wait a moment and try again.',
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return undefined
  try {
    const value: unknown = JSON.parse(text)
    return value
  } catch {
    return undefined
  }
}

/** Turn a non-2xx answer into an ApiError, using the server's words when it sent the agreed shape. */
export function apiErrorFrom(status: number, payload: unknown): ApiError {
  const parsed = apiErrorSchema.safeParse(payload)
  if (parsed.success) {
    const { code, message, ...details } = parsed.data.error
    return new ApiError(status, code, message, details)
  }
  const message = fallbackMessages[status] ?? `The server could not complete the request (${status}). Try again.`
  return new ApiError(status, status >= 500 ? 'internal_error' : 'http_error', message)
}

/**
 * Send one API request and return its answer parsed by `schema`. A 204 answer is `undefined`, so
 * pass `z.undefined()` (or `z.unknown()`) for calls that return nothing.
 */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  init: ApiRequestInit = {},
): Promise<z.output<S>> {
  const method = init.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: string | undefined
  if (method !== 'GET') {
    // The server requires JSON on every state-changing request (part of its CSRF defence).
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(init.body ?? {})
  }

  const timeout = AbortSignal.timeout(init.timeoutMs ?? defaultTimeoutMs)
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
  const fetchImpl = init.fetchImpl ?? fetch

  let response: Response
  const sentAt = Date.now()
  try {
    response = await fetchImpl(path, { method, headers, body, signal, credentials: 'same-origin', cache: 'no-store' })
  } catch (error) {
    // A caller's own abort (a query being cancelled) is passed through untouched.
    if (init.signal?.aborted) throw error
    throw new NetworkError()
  }
  // Every answer tells the time by the server's clock: the device's may be wrong by hours.
  noteServerDate(response.headers.get('Date'), sentAt, Date.now())

  const payload = await readJson(response)
  if (!response.ok) {
    const error = apiErrorFrom(response.status, payload)
    if (response.status === 401 && init.sessionBound !== false && isSessionEndedCode(error.code)) {
      const code = error.code
      for (const listener of sessionEndedListeners) listener(code)
    }
    throw error
  }

  const parsed = schema.safeParse(payload)
  if (!parsed.success) {
    throw new ApiError(response.status, 'invalid_response', 'Kestrel received an answer it could not read. Try again.')
  }
  return parsed.data
}

/** The message to show a person for any error a request can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) return error.message
  if (isQuotaError(error)) return storageFullMessage
  return 'Something went wrong. Try again.'
}
