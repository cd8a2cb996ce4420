/**
 * Revocation reaches every server instance at once: a session revoked through one instance is
 * refused by another sharing the database on its very next request (SQLite file or PostgreSQL).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { openStore } from '../store/db.ts'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { forEachStore } from '../testing/stores.ts'

forEachStore('revocation across instances', (kind) => {
  let t: TestApp
  let other: Awaited<ReturnType<typeof buildApp>>
  beforeAll(async () => {
    t = await createTestApp(kind)
    other = await buildApp({ config: t.config, store: openStore(t.config.store), logger: false })
    await other.ready()
  })
  afterAll(async () => {
    await other.close()
    await t.close()
  })

  it('refuses a revoked session on the other instance at its next request', async () => {
    const officer = await t.signIn('1001')
    const admin = await t.signIn('4001')
    expect((await other.inject({ method: 'GET', url: '/api/me', cookies: officer })).statusCode).toBe(200)
    const revoked = await t.app.inject({ method: 'POST', url: '/api/admin/users/1001/revoke', cookies: admin, payload: {} })
    expect(revoked.json()).toEqual({ revoked: 1 })
    const after = await other.inject({ method: 'GET', url: '/api/me', cookies: officer })
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('session_revoked')
    // Every kind of request, not only /api/me.
    const check = await other.inject({ method: 'POST', url: '/api/checks/person', cookies: officer, payload: { surname: 'Smith', reason: { code: 'intelligence' } } })
    expect(check.statusCode).toBe(401)
  })
})
