/**
 * Curfew checks over HTTP on SQLite and PostgreSQL: the due list for the officer's area (windows,
 * address, last check, visit in progress), each check stored once by its id (a replay answers the
 * same check, a different body under the same id is refused), an absent or refused result inside
 * the curfew hours reaching supervisors' event streams (and no one else's) and the next briefing,
 * supervisors' coverage, a person's history, roles and bad input.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CoverageResponse, CurfewCheck, DueResponse } from '../../shared/api/curfews.ts'
import { upsertPeople } from '../importers/people.ts'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { openEventStream } from '../testing/sse.ts'
import { forEachStore } from '../testing/stores.ts'

const everyDay = [0, 1, 2, 3, 4, 5, 6]
/** 00:00 to 00:00 the next day, every day: always in force. */
const always = { windows: [{ days: everyDay, start: '00:00', end: '00:00' }], doorstep: true, tag: true }
/** A window on no day: never in force. */
const never = { windows: [{ days: [], start: '19:00', end: '07:00' }], doorstep: false, tag: false }
const range = () => {
  const now = Date.now()
  return `from=${encodeURIComponent(new Date(now - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(now + 6 * 3_600_000).toISOString())}`
}

forEachStore('curfew checks', (kind) => {
  let t: TestApp
  let base: string
  const cookies: Record<string, Record<string, string>> = {}
  const header = (collar: string) => `kestrel_session=${cookies[collar]!.kestrel_session}`

  beforeAll(async () => {
    t = await createTestApp(kind)
    const now = new Date().toISOString()
    await t.store.db.insertInto('areas').values({ id: 'other-area', name: 'Other Area', boundary: '[]' }).execute()
    await t.store.db.insertInto('addresses').values([
      { id: 'CA1', line1: '4 Curfew Close', line2: null, town: 'Birmingham', postcode: 'B5 1AA', lat: 52.47, lng: -1.89, areaId: 'test-area', warnings: '[]', updatedAt: now },
      { id: 'CA2', line1: '9 Elsewhere Road', line2: null, town: 'Coventry', postcode: 'CV1 1AA', lat: 52.4, lng: -1.5, areaId: 'other-area', warnings: '[]', updatedAt: now },
    ]).execute()
    await upsertPeople(t.store.db, t.store.dialect, [
      { id: 'CP1', surname: 'Home', forenames: 'Harriet', dob: '1990-01-01', areaId: 'test-area', addressId: 'CA1', warningMarkers: ['violence'] },
      { id: 'CP2', surname: 'Later', forenames: 'Larry', dob: '1991-01-01', areaId: 'test-area', addressId: 'CA1' },
      { id: 'CP3', surname: 'Away', forenames: 'Amir', dob: '1992-01-01', areaId: 'other-area', addressId: 'CA2' },
      { id: 'CP4', surname: 'Visit', forenames: 'Vera', dob: '1993-01-01', areaId: 'test-area', addressId: 'CA1' },
    ])
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    const condition = (id: string, personId: string, details: object, addressId: string, kindOf = 'curfew') =>
      ({ id, personId, kind: kindOf, details: JSON.stringify(details), addressId, validFrom: from, validTo: to, updatedAt: now })
    await t.store.db.insertInto('conditions').values([
      condition('CC1', 'CP1', always, 'CA1'),
      condition('CC2', 'CP2', never, 'CA1'),
      condition('CC3', 'CP3', always, 'CA2'),
      condition('CC4', 'CP4', always, 'CA1'),
      condition('CR1', 'CP1', { requirement: 'Live and sleep at the address' }, 'CA1', 'residence'),
    ]).execute()
    for (const collar of ['1001', '1002', '2001', '3001', '4001']) cookies[collar] = await t.signIn(collar)
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(() => t.close())

  const get = (url: string, collar: string) => t.app.inject({ method: 'GET', url, cookies: cookies[collar] })
  const post = (url: string, collar: string, payload: object = {}) => t.app.inject({ method: 'POST', url, cookies: cookies[collar], payload })
  const check = (overrides: object = {}) => ({ id: randomUUID(), result: 'present', checkedAt: new Date().toISOString(), ...overrides })

  describe('the due list', () => {
    it('lists the area’s curfews in force in the range, with address, windows, doorstep, tag, markers; and audits the read', async () => {
      const response = await get(`/api/curfews/due?${range()}`, '1001')
      expect(response.statusCode).toBe(200)
      const body = response.json<DueResponse>()
      expect(body.areaId).toBe('test-area')
      expect(body.items.map((i) => i.conditionId)).toEqual(['CC1', 'CC4'])
      expect(body.items[0]).toMatchObject({
        personId: 'CP1', surname: 'Home', forenames: 'Harriet', warningMarkers: ['violence'], doorstep: true, tag: true,
        address: { id: 'CA1', line1: '4 Curfew Close', postcode: 'B5 1AA', lat: 52.47, lng: -1.89 }, lastCheck: null, visit: null,
      })
      expect(body.items[0]!.windows.length).toBeGreaterThan(0)
      expect(body.items[0]!.rule.windows).toEqual(always.windows)
      const audit = await t.store.db.selectFrom('auditLog').selectAll().where('subjectKind', '=', 'curfew-list').where('collarNumber', '=', '1001').execute()
      expect(audit.length).toBeGreaterThan(0)
    })

    it('lets supervisors look at another area; officers only their own', async () => {
      expect((await get(`/api/curfews/due?${range()}&area=other-area`, '1001')).statusCode).toBe(403)
      const other = (await get(`/api/curfews/due?${range()}&area=other-area`, '2001')).json<DueResponse>()
      expect(other.items.map((i) => i.conditionId)).toEqual(['CC3'])
    })

    it('refuses bad ranges and roles that do not check curfews', async () => {
      const now = Date.now()
      const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString())
      expect((await get(`/api/curfews/due?from=${at(now)}&to=${at(now - 1000)}`, '1001')).json()).toMatchObject({ error: { code: 'invalid_range' } })
      expect((await get(`/api/curfews/due?from=${at(now)}&to=${at(now + 49 * 3_600_000)}`, '1001')).statusCode).toBe(400)
      expect((await get('/api/curfews/due?from=yesterday&to=tomorrow', '1001')).statusCode).toBe(400)
      expect((await get(`/api/curfews/due?to=${at(now)}`, '1001')).statusCode).toBe(400)
      expect((await get(`/api/curfews/due?${range()}`, '3001')).statusCode).toBe(403)
      expect((await get(`/api/curfews/due?${range()}`, '4001')).statusCode).toBe(403)
      expect((await t.app.inject({ method: 'GET', url: `/api/curfews/due?${range()}` })).statusCode).toBe(401)
    })
  })

  describe('recording a check', () => {
    it('stores a check once: 201 first, the same check with 200 on replay, 409 for a different body under the same id', async () => {
      const body = check({ position: { lat: 52.47, lng: -1.89, accuracy: 12 }, note: 'Lights on, answered quickly', answeredBy: 'Her mother' })
      const first = await post('/api/curfews/CC1/checks', '1001', body)
      expect(first.statusCode).toBe(201)
      const stored = first.json<{ check: CurfewCheck }>().check
      expect(stored).toMatchObject({
        id: body.id, conditionId: 'CC1', personId: 'CP1', result: 'present', officer: { collarNumber: '1001', name: 'PC Test One' },
        position: { lat: 52.47, lng: -1.89, accuracy: 12 }, note: 'Lights on, answered quickly', answeredBy: 'Her mother', inWindow: true, breach: false,
      })
      const replay = await post('/api/curfews/CC1/checks', '1001', body)
      expect(replay.statusCode).toBe(200)
      expect(replay.json<{ check: CurfewCheck }>().check).toEqual(stored)
      expect((await post('/api/curfews/CC1/checks', '1001', { ...body, result: 'absent' })).statusCode).toBe(409)
      expect((await post('/api/curfews/CC1/checks', '1002', body)).statusCode).toBe(409)
      expect((await post('/api/curfews/CC4/checks', '1001', body)).statusCode).toBe(409)
      const rows = await t.store.db.selectFrom('curfewChecks').select('id').where('id', '=', body.id).execute()
      expect(rows).toHaveLength(1)

      const due = (await get(`/api/curfews/due?${range()}`, '1002')).json<DueResponse>()
      expect(due.items.find((i) => i.conditionId === 'CC1')?.lastCheck).toMatchObject({ id: body.id, result: 'present', officer: { collarNumber: '1001' } })
    })

    it('answers bad input with 400 and an unknown curfew with 404', async () => {
      expect((await post('/api/curfews/CC1/checks', '1001', check({ result: 'asleep' }))).statusCode).toBe(400)
      expect((await post('/api/curfews/CC1/checks', '1001', check({ id: 'not-a-uuid' }))).statusCode).toBe(400)
      expect((await post('/api/curfews/CC1/checks', '1001', check({ checkedAt: 'tonight' }))).statusCode).toBe(400)
      expect((await post('/api/curfews/CC1/checks', '1001', check({ position: { lat: 200, lng: 0 } }))).statusCode).toBe(400)
      expect((await post('/api/curfews/CC1/checks', '1001', check({ extra: true }))).statusCode).toBe(400)
      expect((await post('/api/curfews/CC1/checks', '1001', check({ note: 'x'.repeat(2001) }))).statusCode).toBe(400)
      const future = await post('/api/curfews/CC1/checks', '1001', check({ checkedAt: new Date(Date.now() + 3_600_000).toISOString() }))
      expect(future.json()).toMatchObject({ error: { code: 'invalid_time' } })
      expect((await post('/api/curfews/CC1/checks', '1001', check({ checkedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() }))).statusCode).toBe(400)
      expect((await post('/api/curfews/nope/checks', '1001', check())).statusCode).toBe(404)
      // A residence condition is not a curfew.
      expect((await post('/api/curfews/CR1/checks', '1001', check())).statusCode).toBe(404)
      expect((await post('/api/curfews/CC1/checks', '3001', check())).statusCode).toBe(403)
    })

    it('sends an absent result inside the curfew hours to supervisors only, live, and into the next briefing', async () => {
      const supervisor = await openEventStream(base, header('2001'))
      const officer = await openEventStream(base, header('1002'))
      try {
        await supervisor.until((events) => events.some((e) => e.data.type === 'stream.open'))
        await officer.until((events) => events.some((e) => e.data.type === 'stream.open'))
        const body = check({ result: 'absent', answeredBy: 'Nobody' })
        const response = await post('/api/curfews/CC1/checks', '1001', body)
        expect(response.statusCode).toBe(201)
        expect(response.json<{ check: CurfewCheck }>().check).toMatchObject({ inWindow: true, breach: true })

        const events = await supervisor.until((received) => received.some((e) => e.data.type === 'curfew.breach'))
        const breach = events.find((e) => e.data.type === 'curfew.breach')!
        expect(breach.id).toMatch(/^\d+$/)
        expect(breach.data).toMatchObject({
          personId: 'CP1',
          curfew: { conditionId: 'CC1', checkId: body.id, result: 'absent', personName: 'HOME, Harriet', address: '4 Curfew Close, B5 1AA', areaId: 'test-area', officer: { collarNumber: '1001' } },
        })
        // Everyone hears that the address was checked, without the result; only supervisors hear of the breach.
        await officer.until((received) => received.some((e) => e.data.type === 'curfew.checked' && (e.data.curfew as { checkId?: string }).checkId === body.id))
        expect(officer.received.some((e) => e.data.type === 'curfew.breach')).toBe(false)
        expect(officer.received.find((e) => e.data.type === 'curfew.checked')?.data.curfew).not.toHaveProperty('result')

        // A replay raises no second alert and no second briefing item.
        expect((await post('/api/curfews/CC1/checks', '1001', body)).statusCode).toBe(200)
        const items = await t.store.db.selectFrom('briefingItems').innerJoin('briefingLinks', 'briefingLinks.itemId', 'briefingItems.id')
          .selectAll('briefingItems').where('briefingLinks.subjectId', '=', 'CP1').execute()
        expect(items).toHaveLength(1)
        expect(items[0]).toMatchObject({ title: 'Possible curfew breach: HOME, Harriet', areaIds: '["test-area"]', priority: 2, task: null })
        expect(items[0]!.body).toContain('PC Test One (1001) recorded "Absent"')
        expect(Date.parse(items[0]!.validTo) - Date.parse(items[0]!.validFrom)).toBe(24 * 3_600_000)
        // The officers of the area get it in their package.
        const sync = (await get('/api/sync', '1002')).json<{ put: { briefingItems: { title: string }[] } }>()
        expect(sync.put.briefingItems.map((i) => i.title)).toContain('Possible curfew breach: HOME, Harriet')
      } finally {
        supervisor.close()
        officer.close()
      }
    })

    it('does not treat a refusal outside the curfew hours as a breach', async () => {
      const response = await post('/api/curfews/CC2/checks', '1001', check({ result: 'refused' }))
      expect(response.statusCode).toBe(201)
      expect(response.json<{ check: CurfewCheck }>().check).toMatchObject({ inWindow: false, breach: false })
      const items = await t.store.db.selectFrom('briefingLinks').select('itemId').where('subjectId', '=', 'CP2').execute()
      expect(items).toHaveLength(0)
    })
  })

  describe('visits in progress', () => {
    it('lets one officer at a time be on the way; the other is told who; it lapses after 30 minutes', async () => {
      const first = await post('/api/curfews/CC4/visit', '1001')
      expect(first.statusCode).toBe(201)
      expect(first.json()).toMatchObject({ visit: { conditionId: 'CC4', officer: { collarNumber: '1001' } } })
      const expires = Date.parse(first.json<{ visit: { expiresAt: string } }>().visit.expiresAt)
      expect(expires - Date.now()).toBeGreaterThan(29 * 60_000)
      expect(expires - Date.now()).toBeLessThanOrEqual(30 * 60_000)
      // The same officer again renews it.
      expect((await post('/api/curfews/CC4/visit', '1001')).statusCode).toBe(201)
      const second = await post('/api/curfews/CC4/visit', '1002')
      expect(second.statusCode).toBe(409)
      expect(second.json()).toMatchObject({ error: { code: 'visit_in_progress', message: 'PC Test One (1001) is already on the way to this address.' } })

      const due = (await get(`/api/curfews/due?${range()}`, '1002')).json<DueResponse>()
      expect(due.items.find((i) => i.conditionId === 'CC4')?.visit).toMatchObject({ officer: { collarNumber: '1001', name: 'PC Test One' } })

      await t.store.db.updateTable('curfewVisits').set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where('conditionId', '=', 'CC4').execute()
      expect((await get(`/api/curfews/due?${range()}`, '1002')).json<DueResponse>().items.find((i) => i.conditionId === 'CC4')?.visit).toBeNull()
      expect((await post('/api/curfews/CC4/visit', '1002')).statusCode).toBe(201)
      expect((await post('/api/curfews/nope/visit', '1002')).statusCode).toBe(404)
      expect((await post('/api/curfews/CC4/visit', '3001')).statusCode).toBe(403)
    })
  })

  describe('coverage and history', () => {
    it('gives supervisors the area’s coverage: due, checked, breaches', async () => {
      const response = await get(`/api/curfews/coverage?${range()}`, '2001')
      expect(response.statusCode).toBe(200)
      const body = response.json<CoverageResponse>()
      expect(body).toMatchObject({ areaId: 'test-area', due: 2, checked: 1, breaches: 1 })
      expect(body.items.find((i) => i.conditionId === 'CC1')).toMatchObject({ breach: true, lastCheck: { result: 'absent' } })
      expect(body.items.find((i) => i.conditionId === 'CC4')).toMatchObject({ breach: false, lastCheck: null })
      expect((await get(`/api/curfews/coverage?${range()}&area=other-area`, '2001')).json<CoverageResponse>()).toMatchObject({ due: 1, checked: 0, breaches: 0 })
      expect((await get(`/api/curfews/coverage?${range()}`, '1001')).statusCode).toBe(403)
    })

    it('gives a person’s check history, newest first', async () => {
      const response = await get('/api/people/CP1/curfew-checks', '1002')
      expect(response.statusCode).toBe(200)
      const { items } = response.json<{ items: CurfewCheck[] }>()
      expect(items.map((i) => i.result)).toEqual(['absent', 'present'])
      expect((await get('/api/people/CP3/curfew-checks', '3001')).json()).toEqual({ items: [] })
      expect((await get('/api/people/CP1/curfew-checks', '4001')).statusCode).toBe(403)
    })
  })
})
