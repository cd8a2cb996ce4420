import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../store/audit.ts'
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/app.ts'
import { forEachStore } from '../testing/stores.ts'

forEachStore('sign-in, sessions and lockout', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(kind)
  })
  afterAll(() => t.close())

  const login = (collarNumber: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber, password } })

  it('signs in with collar number and password and sets a strict HttpOnly cookie for at most 12 hours', async () => {
    const response = await login('1001', TEST_PASSWORD)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ user: { id: expect.any(Number), collarNumber: '1001', name: 'PC Test One', role: 'officer', areaId: 'test-area' } })
    const cookie = response.cookies.find((c) => c.name === 'kestrel_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 12 * 3600 })
    expect(response.body).not.toContain(cookie!.value)
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { kestrel_session: cookie!.value } })
    expect(me.statusCode).toBe(200)
    const { user, session } = me.json()
    expect(user.collarNumber).toBe('1001')
    const hours = (Date.parse(session.expiresAt) - Date.now()) / 3_600_000
    expect(hours).toBeGreaterThan(11.9)
    expect(hours).toBeLessThanOrEqual(12)
  })

  it('answers a wrong password and an unknown collar number the same way', async () => {
    const wrong = await login('1002', 'not-the-password')
    const unknown = await login('99999', 'not-the-password')
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong collar number or password.' } })
    }
  })

  it('locks an account for 10 minutes after 5 failed sign-ins, even against the right password', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await login('2001', 'wrong')).statusCode)
    expect(statuses).toEqual([401, 401, 401, 401, 429])
    const right = await login('2001', TEST_PASSWORD)
    expect(right.statusCode).toBe(429)
    expect(right.json().error.code).toBe('account_locked')
    expect(right.json().error.message).toMatch(/locked.*10 minutes/)
    // Ten minutes later (moved in the database rather than waited for) the right password works again.
    await t.store.db.updateTable('users').set({ lockedUntil: new Date(Date.now() - 1000).toISOString() }).where('collarNumber', '=', '2001').execute()
    expect((await login('2001', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('ends the session at sign-out', async () => {
    const cookies = await t.signIn('1002')
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies, payload: {} })
    expect(out.statusCode).toBe(204)
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies })
    expect(me.statusCode).toBe(401)
    expect(me.json().error.code).toBe('session_revoked')
  })

  it('gives a new session at each sign-in and ends the one the browser had (no fixation)', async () => {
    const first = await t.signIn('1001')
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/login', cookies: first, payload: { collarNumber: '1001', password: TEST_PASSWORD } })
    const secondCookie = second.cookies.find((c) => c.name === 'kestrel_session')!.value
    expect(secondCookie).not.toBe(first.kestrel_session)
    expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies: first })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies: { kestrel_session: secondCookie } })).statusCode).toBe(200)
  })

  it('refuses an expired session with session_expired', async () => {
    const cookies = await t.signIn('1002')
    await t.store.db.updateTable('sessions').set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where('revokedAt', 'is', null).execute()
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies })
    expect(me.statusCode).toBe(401)
    expect(me.json().error.code).toBe('session_expired')
  })

  it('lets an admin revoke an officer, whose next contact is refused as revoked', async () => {
    const officer = await t.signIn('1001')
    const admin = await t.signIn('4001')
    const found = await t.app.inject({ method: 'GET', url: '/api/admin/users?q=1001', cookies: admin })
    expect(found.json().items).toEqual([expect.objectContaining({ collarNumber: '1001', activeSessions: 1 })])
    const revoke = await t.app.inject({ method: 'POST', url: '/api/admin/users/1001/revoke', cookies: admin, payload: {} })
    expect(revoke.statusCode).toBe(200)
    expect(revoke.json()).toEqual({ revoked: 1 })
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: officer })
    expect(me.statusCode).toBe(401)
    expect(me.json().error.code).toBe('session_revoked')
    const unknown = await t.app.inject({ method: 'POST', url: '/api/admin/users/77777/revoke', cookies: admin, payload: {} })
    expect(unknown.statusCode).toBe(404)
  })

  it('writes sign-ins, failures and revocations to an audit chain that verifies, and detects tampering', async () => {
    const rows = await t.store.db.selectFrom('auditLog').select(['action', 'collarNumber']).execute()
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.locked', 'auth.logout', 'auth.revoke']))
    expect(await verifyAuditChain(t.store.db)).toEqual({ ok: true, records: rows.length })
    const victim = await t.store.db.selectFrom('auditLog').select('id').orderBy('id').offset(2).limit(1).executeTakeFirstOrThrow()
    await t.store.db.updateTable('auditLog').set({ collarNumber: '9999' }).where('id', '=', victim.id).execute()
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: false, brokenAt: victim.id })
  })
})

describe('demo accounts in production', () => {
  it('refuses demo accounts when NODE_ENV=production without DEMO=1, but not real ones', async () => {
    const t = await createTestApp('sqlite', { production: true, demoAllowed: false })
    try {
      const demo = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber: '1001', password: TEST_PASSWORD } })
      expect(demo.statusCode).toBe(403)
      expect(demo.json().error.code).toBe('demo_disabled')
      const real = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber: '5001', password: TEST_PASSWORD } })
      expect(real.statusCode).toBe(200)
    } finally {
      await t.close()
    }
  })
})

describe('login rate limit', () => {
  it('answers 429 rate_limited past the per-address limit', async () => {
    const t = await createTestApp('sqlite', { loginRateLimitPerMinute: 3 })
    try {
      const codes: number[] = []
      for (let i = 0; i < 4; i++) {
        codes.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber: '99999', password: 'x' } })).statusCode)
      }
      expect(codes).toEqual([401, 401, 401, 429])
      const last = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber: '99999', password: 'x' } })
      expect(last.json().error.code).toBe('rate_limited')
    } finally {
      await t.close()
    }
  })
})
