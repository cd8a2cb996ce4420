/**
 * Click & Collect: exactly one winner under concurrency (on PostgreSQL across two server
 * instances), the claim's life (release, outcome, renew, lapse, assist, supervisor actions), and
 * the live event stream with replay from Last-Event-ID.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { upsertPeople } from '../importers/people.ts'
import { lapseExpiredClaims } from '../store/claims.ts'
import { openStore } from '../store/db.ts'
import { createTestApp, testPasswordHash, type TestApp } from '../testing/app.ts'
import { openEventStream } from '../testing/sse.ts'
import { forEachStore } from '../testing/stores.ts'

const officers = Array.from({ length: 50 }, (_, i) => String(6001 + i))

forEachStore('wanted gallery and Click & Collect', (kind) => {
  let t: TestApp
  let second: Awaited<ReturnType<typeof buildApp>> | undefined
  let base: string
  let secondBase: string
  const cookies = new Map<string, Record<string, string>>()
  const cookieHeader = (c: Record<string, string>) => `kestrel_session=${c.kestrel_session}`

  beforeAll(async () => {
    t = await createTestApp(kind)
    const hash = await testPasswordHash()
    await t.store.db.insertInto('users').values(officers.map((collarNumber) => ({
      collarNumber, name: `PC ${collarNumber}`, role: 'officer' as const, areaId: 'test-area', passwordHash: hash, isDemo: 1, lockedUntil: null, createdAt: new Date().toISOString(),
    }))).execute()
    await upsertPeople(t.store.db, t.store.dialect, [
      { id: 'W1', surname: 'Wanted', forenames: 'Walter', dob: '1990-01-01' },
      { id: 'W2', surname: 'Wanted', forenames: 'Wendy', dob: '1991-01-01' },
      { id: 'W3', surname: 'Wanted', forenames: 'Wes', dob: '1992-01-01' },
    ])
    const now = new Date().toISOString()
    await t.store.db.insertInto('wanted').values(['W1', 'W2', 'W3'].map((personId, i) => ({
      personId, priority: i + 1, offence: 'Robbery', warrantType: null, since: '2026-01-01', reviewDate: '2026-12-01', harm: 90 - i * 10, lastKnownPlace: null, lastKnownLat: null, lastKnownLng: null, updatedAt: now,
    }))).execute()
    for (const collar of [...officers, '1001', '1002', '2001', '3001']) cookies.set(collar, await t.signIn(collar))
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    secondBase = base
    if (kind === 'postgres') {
      // A second server instance on the same database: the claim race and the events cross instances.
      second = await buildApp({ config: t.config, store: openStore(t.config.store), logger: false })
      secondBase = await second.listen({ port: 0, host: '127.0.0.1' })
    }
  })
  afterAll(async () => {
    await second?.close()
    await t.close()
  })

  const post = (url: string, collar: string, body: unknown = {}, at = base) => fetch(`${at}${url}`, {
    method: 'POST', headers: { cookie: cookieHeader(cookies.get(collar)!), 'content-type': 'application/json' }, body: JSON.stringify(body),
  })

  it('gives exactly one winner among 100 concurrent claims by 50 officers, and names the winner to the rest', async () => {
    const attempts = Array.from({ length: 100 }, (_, i) => post('/api/wanted/W1/claim', officers[i % 50]!, {}, i % 2 ? secondBase : base))
    const responses = await Promise.all(attempts)
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ claim?: { officer: { collarNumber: string } }; error?: { code: string; holder: { collarNumber: string } } }>))
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(99)
    const winner = bodies[statuses.indexOf(201)]!.claim!.officer.collarNumber
    for (const body of bodies.filter((b) => b.error)) {
      expect(body.error).toMatchObject({ code: 'already_claimed', holder: { collarNumber: winner } })
    }
    const active = await t.store.db.selectFrom('claims').selectAll().where('personId', '=', 'W1').where('status', '=', 'active').execute()
    expect(active).toHaveLength(1)
    const gallery = await (await fetch(`${base}/api/wanted`, { headers: { cookie: cookieHeader(cookies.get('1001')!) } })).json() as { items: { personId: string; claim: { officer: { collarNumber: string } } | null }[] }
    expect(gallery.items.map((i) => i.personId)).toEqual(['W1', 'W2', 'W3'])
    expect(gallery.items[0]!.claim!.officer.collarNumber).toBe(winner)
    expect(gallery.items[1]!.claim).toBeNull()
  })

  it('delivers a claim to another officer live, on every instance, and replays what a reconnecting client missed', async () => {
    const watcher = await openEventStream(secondBase, cookieHeader(cookies.get('1002')!))
    await watcher.until((events) => events.some((e) => e.data.type === 'stream.open'))
    const claimed = await post('/api/wanted/W2/claim', '1001')
    expect(claimed.status).toBe(201)
    const { claim } = await claimed.json() as { claim: { id: string } }
    const started = Date.now()
    await watcher.until((events) => events.some((e) => e.data.type === 'claim.created' && e.data.personId === 'W2'), 3000)
    expect(Date.now() - started).toBeLessThan(1000)
    const lastSeen = watcher.received.at(-1)!.id!
    watcher.close()

    // While the watcher is away: assisted, renewed, then released.
    expect((await post(`/api/claims/${claim.id}/assist`, '1002')).status).toBe(200)
    expect((await post(`/api/claims/${claim.id}/renew`, '1001')).status).toBe(200)
    expect((await post(`/api/claims/${claim.id}/release`, '1002')).status).toBe(403)
    expect((await post(`/api/claims/${claim.id}/release`, '1001')).status).toBe(200)
    expect((await post(`/api/claims/${claim.id}/release`, '1001')).status).toBe(409)

    const back = await openEventStream(base, cookieHeader(cookies.get('1002')!), lastSeen)
    const replayed = await back.until((events) => events.some((e) => e.data.type === 'claim.released'))
    const types = replayed.filter((e) => e.id !== null).map((e) => e.data.type)
    expect(types).toEqual(['claim.assist', 'claim.renewed', 'claim.released'])
    const ids = replayed.filter((e) => e.id !== null).map((e) => Number(e.id))
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(ids[0]).toBeGreaterThan(Number(lastSeen))
    back.close()
  })

  it('tells a client whose Last-Event-ID the log no longer reaches to re-sync', async () => {
    await t.store.db.deleteFrom('events').where('id', '<=', 3).execute()
    const stale = await openEventStream(base, cookieHeader(cookies.get('1002')!), '1')
    await stale.until((events) => events.some((e) => e.data.type === 'stream.reset'))
    stale.close()
  })

  it('records an outcome once, lapses unrenewed claims as events, and lets supervisors reassign and cancel', async () => {
    const first = await (await post('/api/wanted/W3/claim', '1001')).json() as { claim: { id: string } }
    const other = await post(`/api/claims/${first.claim.id}/outcome`, '1001', { outcome: 'other' })
    expect(other.status).toBe(400)
    const outcome = await post(`/api/claims/${first.claim.id}/outcome`, '1001', { outcome: 'not_found', note: 'Not at the address' })
    expect((await outcome.json() as { claim: { status: string; outcome: string } }).claim).toMatchObject({ status: 'closed', outcome: 'not_found' })

    const second = await (await post('/api/wanted/W3/claim', '6001')).json() as { claim: { id: string } }
    const moved = await post(`/api/claims/${second.claim.id}/reassign`, '2001', { collarNumber: '6002' })
    const reassigned = (await moved.json() as { claim: { id: string; officer: { collarNumber: string } } }).claim
    expect(reassigned.officer.collarNumber).toBe('6002')
    expect((await post(`/api/claims/${reassigned.id}/reassign`, '1001', { collarNumber: '6003' })).status).toBe(403)
    expect((await post(`/api/claims/${reassigned.id}/cancel`, '2001')).status).toBe(200)

    const third = await (await post('/api/wanted/W3/claim', '6004')).json() as { claim: { id: string } }
    const lapsed = await lapseExpiredClaims(t.store.db, t.store.dialect, new Date(Date.now() + 3 * 3_600_000))
    expect(lapsed.map((c) => c.id)).toContain(third.claim.id)
    expect((await post('/api/wanted/W3/claim', '6005')).status).toBe(201)
    const types = (await t.store.db.selectFrom('events').select('type').where('personId', '=', 'W3').orderBy('id').execute()).map((e) => e.type)
    expect(types).toEqual(['claim.created', 'claim.outcome', 'claim.created', 'claim.reassigned', 'claim.cancelled', 'claim.created', 'claim.lapsed', 'claim.created'])
    const disclosures = await t.store.db.selectFrom('auditLog').select(['action', 'subjectId']).where('action', '=', 'disclose').where('subjectKind', '=', 'person').execute()
    expect(disclosures.filter((d) => d.subjectId === 'W3')).toHaveLength(4)
  })

  it('returns the same claim when an offline-queued claim is replayed, and refuses analysts', async () => {
    await t.store.db.updateTable('claims').set({ status: 'released' }).where('personId', '=', 'W2').where('status', '=', 'active').execute()
    const opId = '7d1c7a8e-6a0c-4c53-9d8e-0a4a2b2f4f11'
    const first = await post('/api/wanted/W2/claim', '6010', { opId })
    const replay = await post('/api/wanted/W2/claim', '6010', { opId })
    expect(first.status).toBe(201)
    expect(replay.status).toBe(200)
    expect((await replay.json() as { claim: { id: string } }).claim.id).toBe((await first.json() as { claim: { id: string } }).claim.id)
    expect((await post('/api/wanted/W1/claim', '3001')).status).toBe(403)
    expect((await post('/api/wanted/NOPE/claim', '6011')).status).toBe(404)
  })
})
