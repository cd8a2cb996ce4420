/**
 * Sign-in, sign-out and "who am I". Passwords are argon2id hashes. Five failed sign-ins lock an
 * account for ten minutes; the route is also rate-limited per address. Each sign-in makes a new
 * session (no fixation) with an HttpOnly, SameSite=Strict cookie.
 */
import argon2 from 'argon2'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clientConfigSchema, loginRequestSchema, loginResponseSchema, meResponseSchema } from '../../shared/api/auth.ts'
import { HttpError } from '../http-error.ts'
import { SESSION_COOKIE, requireAuth } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'
import { createSession, findSession, revokeSession } from '../store/sessions.ts'
import { clearFailedLogins, findUserByCollar, recordFailedLogin } from '../store/users.ts'
import type { UserRow } from '../store/schema.ts'

export const publicUser = (user: UserRow) => ({
  id: user.id,
  collarNumber: user.collarNumber,
  name: user.name,
  role: user.role,
  areaId: user.areaId,
})

const lockedError = (until: string, now: number) => {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000))
  return new HttpError(429, 'account_locked',
    `This account is locked after 5 failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your supervisor.`,
    { lockedUntil: until })
}

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app
  const db = app.store.db
  const audit = (entry: Parameters<typeof appendAudit>[2]) => appendAudit(db, app.store.dialect, entry)
  // Verifying against a real hash when the account does not exist keeps the answer time the same,
  // so response timing does not reveal which collar numbers exist.
  const decoyHash = await argon2.hash('decoy-password-for-timing')

  const secureCookie = (request: FastifyRequest) => (config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure)
  const clearCookie = (request: FastifyRequest, reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookie(request) })

  app.get('/api/config', {
    config: { access: 'public' },
    schema: { summary: 'Settings the device needs before sign-in', response: { 200: clientConfigSchema } },
  }, async () => ({
    idleLockMinutes: config.idleLockMinutes,
    sessionHours: config.sessionHours,
    maxPinAttempts: config.maxPinAttempts,
    demo: config.demoAllowed,
  }))

  app.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 } },
    schema: {
      summary: 'Sign in with collar number and password',
      body: loginRequestSchema,
      response: { 200: loginResponseSchema },
    },
  }, async (request, reply) => {
    const { collarNumber, password } = request.body
    const now = Date.now()
    const user = await findUserByCollar(db, collarNumber)
    if (!user) {
      await argon2.verify(decoyHash, password)
      throw new HttpError(401, 'invalid_credentials', 'Wrong collar number or password.')
    }
    if (user.lockedUntil && Date.parse(user.lockedUntil) > now) throw lockedError(user.lockedUntil, now)
    if (user.isDemo && !config.demoAllowed) {
      throw new HttpError(403, 'demo_disabled', 'Demo accounts are disabled on this server (production mode).')
    }
    if (!(await argon2.verify(user.passwordHash, password))) {
      const lockedUntil = new Date(now + config.lockoutMinutes * 60_000).toISOString()
      const { locked } = await recordFailedLogin(db, user.id, config.lockoutAttempts, lockedUntil)
      await audit({ userId: user.id, collarNumber: user.collarNumber, action: locked ? 'auth.locked' : 'auth.login_failed', detail: { ip: request.ip } })
      if (locked) throw lockedError(lockedUntil, now)
      throw new HttpError(401, 'invalid_credentials', 'Wrong collar number or password.')
    }
    if (user.failedLogins > 0 || user.lockedUntil) await clearFailedLogins(db, user.id)
    // A new session at every sign-in; a session cookie the browser already had is ended.
    const previous = request.cookies[SESSION_COOKIE]
    if (previous) {
      const found = await findSession(db, previous, new Date(now).toISOString())
      if (found.status === 'valid') await revokeSession(db, found.sessionId, new Date(now).toISOString())
    }
    const session = await createSession(db, user.id, config.sessionHours, request.headers['user-agent'] ?? null)
    await audit({ userId: user.id, collarNumber: user.collarNumber, action: 'auth.login', detail: { ip: request.ip } })
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookie(request),
      maxAge: config.sessionHours * 3600,
    })
    return { user: publicUser(user) }
  })

  app.post('/api/auth/logout', {
    config: { access: ['officer', 'supervisor', 'analyst', 'admin'] },
    schema: { summary: 'Sign out: ends this session' },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    await revokeSession(db, auth.sessionId, new Date().toISOString())
    await audit({ userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'auth.logout' })
    clearCookie(request, reply)
    return reply.code(204).send()
  })

  app.get('/api/me', {
    config: { access: ['officer', 'supervisor', 'analyst', 'admin'] },
    schema: { summary: 'The signed-in user and when the session ends', response: { 200: meResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    return { user: publicUser(auth.user), session: { expiresAt: auth.expiresAt } }
  })
}
export default authRoutes
