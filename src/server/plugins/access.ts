/**
 * Who may call what. Every /api route must declare `config.access`: 'public' or the roles allowed.
 * A route without it stops the server at start-up, so no route can ship unguarded. Requests are
 * authenticated before their body is read: an anonymous caller gets 401 and a wrong role 403
 * whatever they sent. State-changing requests must also come from our own origin (CSRF).
 */
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import type { Role } from '../../shared/api/auth.ts'
import { HttpError } from '../http-error.ts'
import { findSession, touchSession } from '../store/sessions.ts'
import type { UserRow } from '../store/schema.ts'

export type Access = 'public' | readonly Role[]
export type RouteAccess = { method: string; url: string; access: Access }
export type AuthContext = { user: UserRow; sessionId: string; expiresAt: string }

export const SESSION_COOKIE = 'kestrel_session'
const TOUCH_INTERVAL_MS = 60_000
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const refusals = {
  revoked: () => new HttpError(401, 'session_revoked', 'Your session was revoked. Please sign in again.'),
  expired: () => new HttpError(401, 'session_expired', 'Your session has ended. Please sign in again.'),
  missing: () => new HttpError(401, 'unauthenticated', 'Please sign in.'),
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    auth: AuthContext | null
  }
  interface FastifyInstance {
    /** every API route and who may call it: the role-matrix test walks this list */
    routeAccess: RouteAccess[]
  }
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new HttpError(401, 'unauthenticated', 'Please sign in.')
  return request.auth
}

function checkSameOrigin(request: FastifyRequest) {
  if (SAFE_METHODS.has(request.method)) return
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    throw new HttpError(403, 'cross_origin', 'Requests from other sites are refused.')
  }
  const origin = request.headers.origin
  if (origin === undefined) return
  let sameOrigin: boolean
  try {
    sameOrigin = new URL(origin).origin === new URL(`${request.protocol}://${request.host}`).origin
  } catch {
    throw new HttpError(403, 'cross_origin', 'The Origin header is not valid.')
  }
  if (!sameOrigin) throw new HttpError(403, 'cross_origin', 'Requests from other sites are refused.')
}

export default fp(async (app) => {
  const routeAccess: RouteAccess[] = []
  app.decorate('routeAccess', routeAccess)
  app.decorateRequest('auth', null)

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return
    const access = route.config?.access
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`)
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeAccess.push({ method, url: route.url, access })
    }
  })

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access
    if (access === undefined) return
    checkSameOrigin(request)
    if (access === 'public') return
    const token = request.cookies[SESSION_COOKIE]
    if (!token) throw new HttpError(401, 'unauthenticated', 'Please sign in.')
    const now = new Date()
    const found = await findSession(app.store.db, token, now.toISOString())
    if (found.status !== 'valid') throw refusals[found.status]()
    if (found.user.isDemo && !app.config.demoAllowed) throw new HttpError(401, 'session_revoked', 'Demo accounts are disabled on this server.')
    if (!access.includes(found.user.role)) throw new HttpError(403, 'forbidden', 'Your role does not allow this.')
    request.auth = { user: found.user, sessionId: found.sessionId, expiresAt: found.expiresAt }
    if (now.getTime() - Date.parse(found.lastSeenAt) > TOUCH_INTERVAL_MS) {
      await touchSession(app.store.db, found.sessionId, now.toISOString())
    }
  })
}, { name: 'access', dependencies: ['store'] })
