/**
 * Hostile and broken input on every API route (issue 10), property-based with fast-check: for each
 * route the app registers, as a role it allows, requests with malformed, oversized, wrongly typed
 * and boundary params, query strings and bodies. Every answer must be a 4xx with the error shape
 * (or a success), never a 5xx or a crash, and a rejected request must leave the database as it was.
 * `npm test` runs a small sample per route; `npm run fuzz` runs 10,000 per route (FUZZ_RUNS).
 */
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { roles, type Role } from '../../shared/api/auth.ts'
import { collarFor, createTestApp, type TestApp } from '../testing/app.ts'
import { forEachStore } from '../testing/stores.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 12)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261125

/** Text an attacker or a broken client might send. */
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom("'; drop table people; --", '" or 1=1 --', '<img src=x onerror=alert(1)>', '../../etc/passwd', '%00', '\u0000', '\uFFFF', 'NaN', '-1', '1e308',
    '9'.repeat(400), 'a'.repeat(10_000), '2026-02-30', '0000-00-00', '{"$gt":""}', '__proto__', 'constructor'),
)
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(hostileText, { maxLength: 5 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
)
/** Bodies: random JSON, objects with plausible field names and hostile values, or not JSON at all. */
const fieldNames = ['surname', 'forenames', 'dob', 'reason', 'code', 'text', 'vrm', 'query', 'records', 'title', 'body', 'priority', 'areaIds', 'polygon',
  'validFrom', 'validTo', 'links', 'task', 'status', 'result', 'note', 'outcome', 'collarNumber', 'password', 'id', 'checkedAt', 'position', 'opId', 'at', 'lat', 'lng']
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom(...fieldNames), hostileValue, { maxKeys: 8 }),
  fc.record({ reason: fc.oneof(hostileValue, fc.record({ code: hostileText, text: hostileText })) }, { requiredKeys: [] }),
)
const query = fc.dictionary(fc.constantFrom('cursor', 'q', 'kind', 'month', 'limit', 'before', 'officer', 'subject', 'from', 'to', 'reason', 'lastEventId', 'v', 'category', 'resolution'), hostileText, { maxKeys: 4 })
const rawBody = fc.oneof(fc.string(), fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '\u0000'))

forEachStore('hostile input on every route', (kind) => {
  let t: TestApp
  const cookies = new Map<Role, Record<string, string>>()
  beforeAll(async () => {
    t = await createTestApp(kind)
    for (const role of roles) cookies.set(role, await t.signIn(collarFor(role)))
  })
  afterAll(() => t.close())

  /** Row counts of every table but the ones rejected requests may rightly touch (sign-in attempts). */
  async function fingerprint(): Promise<string> {
    const tables = kind === 'postgres'
      ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.store.db)).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.store.db)).rows
    const counted = tables.map((r) => r.name).filter((name) => !['users', 'sessions'].includes(name) && !name.startsWith('kysely_')).sort()
    const parts = await Promise.all(counted.map(async (name) => `${name}:${(await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(t.store.db)).rows[0]!.n}`))
    return parts.join(',')
  }

  const fillParams = (url: string, values: string[]) => {
    let i = 0
    return url.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(values[i++ % Math.max(1, values.length)] ?? 'x'))
  }

  it('answers every malformed request on every route with a 4xx error, never a 5xx, and changes nothing when it refuses', async () => {
    // The event stream stays open by design; the logout route ends the session the test uses.
    const routes = t.app.routeAccess.filter((r) => !['/api/events', '/api/auth/logout'].includes(r.url) && r.method !== 'HEAD')
    expect(routes.length).toBeGreaterThan(20)
    for (const route of routes) {
      const role: Role = route.access === 'public' ? 'officer' : route.access[0]!
      await fc.assert(fc.asyncProperty(
        fc.array(hostileText, { minLength: 1, maxLength: 3 }), query, fc.oneof(body.map((b) => ({ json: b })), rawBody.map((raw) => ({ raw }))),
        async (params, queryValues, payload) => {
          const before = await fingerprint()
          const method = route.method as 'GET'
          const hasBody = method !== 'GET' && method !== ('DELETE' as string)
          const response = await t.app.inject({
            method, url: fillParams(route.url, params), query: queryValues, cookies: cookies.get(role),
            headers: { accept: 'application/json', ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(hasBody ? { payload: 'json' in payload ? JSON.stringify(payload.json) : payload.raw } : {}),
          })
          const where = `${route.method} ${route.url} as ${role}: ${response.statusCode} ${response.body.slice(0, 300)}`
          expect(response.statusCode, where).toBeLessThan(500)
          if (response.statusCode >= 400) {
            expect(response.json(), where).toMatchObject({ error: { code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) } })
            expect(response.body, where).not.toMatch(/at .+\.(ts|js):\d+/)
            if (route.url !== '/api/auth/login') expect(await fingerprint(), `${where}: the database changed`).toBe(before)
          }
        },
      ), { numRuns: RUNS, seed: SEED, endOnFailure: true })
    }
  }, 600_000)
})
