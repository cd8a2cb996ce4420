/**
 * The role matrix: every API route, called anonymously, with each role it does not allow, and with
 * a role it does. New routes are covered automatically because the list comes from the app itself.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { roles, type Role } from '../../shared/api/auth.ts'
import { collarFor, createTestApp, type TestApp } from '../testing/app.ts'
import { forEachStore } from '../testing/stores.ts'

const sampleUrl = (url: string) => url.replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'collarNumber' ? '1002' : 'sample-id'))

forEachStore('every API route checks the caller', (kind) => {
  let t: TestApp
  const cookies = new Map<Role, Record<string, string>>()
  beforeAll(async () => {
    t = await createTestApp(kind)
    for (const role of roles) cookies.set(role, await t.signIn(collarFor(role)))
  })
  afterAll(() => t.close())

  it('has routes to check, and every one declares its access', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(5)
    expect(t.app.routeAccess.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/auth/login')
  })

  it('answers anonymous callers 401 and wrong roles 403 on every protected route', async () => {
    const protectedRoutes = t.app.routeAccess.filter((r) => r.access !== 'public')
    expect(protectedRoutes.length).toBeGreaterThan(2)
    for (const route of protectedRoutes) {
      // JSON, not an event stream: an allowed call to the stream route answers 406 instead of staying open.
      const request = { method: route.method as 'GET', url: sampleUrl(route.url), payload: route.method === 'GET' ? undefined : {}, headers: { accept: 'application/json' } }
      const anonymous = await t.app.inject(request)
      expect(anonymous.statusCode, `${route.method} ${route.url} anonymous`).toBe(401)
      expect(anonymous.json().error.code).toBe('unauthenticated')
      for (const role of roles) {
        const allowed = route.access !== 'public' && route.access.includes(role)
        const response = await t.app.inject({ ...request, cookies: cookies.get(role) })
        // Signing out ends the session the matrix uses: sign in again for the next routes.
        if (allowed && route.url === '/api/auth/logout') cookies.set(role, await t.signIn(collarFor(role)))
        if (allowed) {
          expect([401, 403], `${route.method} ${route.url} as ${role}`).not.toContain(response.statusCode)
          expect(response.statusCode, `${route.method} ${route.url} as ${role}`).toBeLessThan(500)
        } else {
          expect(response.statusCode, `${route.method} ${route.url} as ${role}`).toBe(403)
          expect(response.json().error.code).toBe('forbidden')
        }
      }
    }
  })

  it('refuses an invented session token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { kestrel_session: 'forged-token' } })
    expect(response.statusCode).toBe(401)
  })
})
