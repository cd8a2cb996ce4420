import { afterAll, beforeAll, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { upsertPeople } from '../importers/people.ts'
import { verifyAuditChain } from '../store/audit.ts'
import { mediaVersion, putMedia } from '../store/media.ts'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { forEachStore } from '../testing/stores.ts'

forEachStore('briefing, sync and audit routes', (kind) => {
  let t: TestApp
  let analyst: Record<string, string>
  let officer: Record<string, string>
  let supervisor: Record<string, string>
  beforeAll(async () => {
    t = await createTestApp(kind)
    await upsertPeople(t.store.db, t.store.dialect, [{ id: 'P1', surname: 'Plain', forenames: 'Pat', dob: '1993-04-04', areaId: 'test-area' }])
    await putMedia(t.store.db, t.store.dialect, { id: 'M1', personId: 'P1', kind: 'document', title: 'Warrant.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 demo') })
    analyst = await t.signIn('3001')
    officer = await t.signIn('1001')
    supervisor = await t.signIn('2001')
  })
  afterAll(() => t.close())

  const input = {
    title: 'Find Pat', body: '<b>not bold</b>', priority: 1, areaIds: ['test-area'],
    validFrom: new Date(Date.now() - 60_000).toISOString(), validTo: new Date(Date.now() + 3_600_000).toISOString(),
    links: [{ kind: 'person', id: 'P1' }], task: { type: 'arrest', assignee: { kind: 'area', id: 'test-area' } },
  }

  it('lets an analyst write an item that reaches the officer in the next sync, stored as written', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/sync', cookies: officer })
    expect(before.statusCode).toBe(200)
    expect(before.headers['cache-control']).toBe('no-store')
    const created = await t.app.inject({ method: 'POST', url: '/api/briefing/items', cookies: analyst, payload: input })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ title: 'Find Pat', body: '<b>not bold</b>', task: { type: 'arrest', status: 'open' }, readAt: null })
    const delta = await t.app.inject({ method: 'GET', url: `/api/sync?cursor=${before.json().cursor}`, cookies: officer })
    expect(delta.json().put.briefingItems.map((i: { id: string }) => i.id)).toEqual([created.json().id])
    expect(delta.json().put.people.map((p: { id: string }) => p.id)).toEqual(['P1'])
    expect(delta.json().media).toEqual([`/api/media/M1?v=${mediaVersion(Buffer.from('%PDF-1.4 demo'))}`])
  })

  it('refuses an item whose links do not exist, or whose window ends before it starts', async () => {
    const badLink = await t.app.inject({ method: 'POST', url: '/api/briefing/items', cookies: analyst, payload: { ...input, links: [{ kind: 'person', id: 'NOPE' }] } })
    expect(badLink.statusCode).toBe(400)
    expect(badLink.json().error.message).toContain('person NOPE')
    const backwards = await t.app.inject({ method: 'POST', url: '/api/briefing/items', cookies: analyst, payload: { ...input, validTo: input.validFrom, validFrom: input.validTo } })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().error.message).toContain('validTo')
    const officerWrites = await t.app.inject({ method: 'POST', url: '/api/briefing/items', cookies: officer, payload: input })
    expect(officerWrites.statusCode).toBe(403)
  })

  it('stores an analyst\'s fence (a circle, or the drawn area) with its hours, and syncs it to devices', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/sync', cookies: officer })
    const circle = { shape: 'circle', center: { lat: 52.48, lng: -1.9 }, radiusM: 300, message: ' Drug dealing reported at the park ', activeHours: { start: '22:00', end: '03:00' } }
    const created = await t.app.inject({ method: 'POST', url: '/api/briefing/items', cookies: analyst, payload: { ...input, task: null, fence: circle } })
    expect(created.statusCode).toBe(201)
    expect(created.json().fence).toEqual({ ...circle, message: 'Drug dealing reported at the park' })
    const delta = await t.app.inject({ method: 'GET', url: `/api/sync?cursor=${before.json().cursor}`, cookies: officer })
    expect(delta.json().put.briefingItems.find((i: { id: string }) => i.id === created.json().id).fence).toEqual(created.json().fence)

    const polygon = [{ lat: 52.48, lng: -1.9 }, { lat: 52.49, lng: -1.9 }, { lat: 52.49, lng: -1.88 }]
    const area = { shape: 'area', message: 'Car crime hotspot' }
    const edited = await t.app.inject({ method: 'PUT', url: `/api/briefing/items/${created.json().id}`, cookies: analyst, payload: { ...input, task: null, polygon, fence: area } })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ polygon, fence: area })
    const cleared = await t.app.inject({ method: 'PUT', url: `/api/briefing/items/${created.json().id}`, cookies: analyst, payload: { ...input, task: null, fence: null } })
    expect(cleared.json().fence).toBeNull()
    await t.app.inject({ method: 'DELETE', url: `/api/briefing/items/${created.json().id}`, cookies: analyst })
  })

  it('refuses a fence that is not whole, naming the field', async () => {
    const circle = { shape: 'circle', center: { lat: 52.48, lng: -1.9 }, radiusM: 300, message: 'Dealing' }
    const refused = async (fence: unknown, field: string, extra: Record<string, unknown> = {}) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/briefing/items', cookies: analyst, payload: { ...input, ...extra, fence } })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.message).toContain(field)
    }
    await refused({ ...circle, radiusM: 99 }, 'body.fence.radiusM')
    await refused({ ...circle, radiusM: 5001 }, 'body.fence.radiusM')
    await refused({ ...circle, radiusM: undefined }, 'body.fence.radiusM')
    await refused({ ...circle, center: undefined }, 'body.fence.center')
    await refused({ ...circle, center: { lat: 95, lng: 0 } }, 'body.fence.center.lat')
    await refused({ ...circle, message: '   ' }, 'body.fence.message')
    await refused({ ...circle, message: 'x'.repeat(201) }, 'body.fence.message')
    await refused({ ...circle, activeHours: { start: '24:00', end: '03:00' } }, 'body.fence.activeHours.start')
    await refused({ ...circle, activeHours: { start: '22:00', end: '3pm' } }, 'body.fence.activeHours.end')
    await refused({ ...circle, shape: 'square' }, 'body.fence.shape')
    await refused({ shape: 'area', message: 'No polygon drawn' }, 'body.fence.shape', { polygon: null })
  })

  it('records read receipts once and shows supervisors who has read an item', async () => {
    const [item] = (await t.app.inject({ method: 'GET', url: '/api/briefing/items', cookies: supervisor })).json().items
    const first = await t.app.inject({ method: 'POST', url: `/api/briefing/items/${item.id}/read`, cookies: officer, payload: {} })
    const second = await t.app.inject({ method: 'POST', url: `/api/briefing/items/${item.id}/read`, cookies: officer, payload: {} })
    expect(second.json().readAt).toBe(first.json().readAt)
    const reads = await t.app.inject({ method: 'GET', url: `/api/briefing/items/${item.id}/reads`, cookies: supervisor })
    expect(reads.json().items).toEqual([{ collarNumber: '1001', name: 'PC Test One', readAt: first.json().readAt }])
  })

  it('lets an officer accept a task and record its result, once', async () => {
    const [item] = (await t.app.inject({ method: 'GET', url: '/api/briefing/items', cookies: supervisor })).json().items
    const accepted = await t.app.inject({ method: 'POST', url: `/api/briefing/items/${item.id}/task`, cookies: officer, payload: { status: 'accepted' } })
    expect(accepted.json().task).toMatchObject({ status: 'accepted', updatedBy: '1001' })
    const done = await t.app.inject({ method: 'POST', url: `/api/briefing/items/${item.id}/task`, cookies: officer, payload: { status: 'done', result: 'Arrested at home address' } })
    expect(done.json().task).toMatchObject({ status: 'done', result: 'Arrested at home address' })
    const again = await t.app.inject({ method: 'POST', url: `/api/briefing/items/${item.id}/task`, cookies: officer, payload: { status: 'done' } })
    expect(again.statusCode).toBe(409)
  })

  it('serves a document named by the package with its bytes, never to a shared cache', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/media/M1', cookies: officer })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['cache-control']).toBe('private, no-store')
    expect(response.body).toBe('%PDF-1.4 demo')
    const versioned = await t.app.inject({ method: 'GET', url: `/api/media/M1?v=${mediaVersion(Buffer.from('%PDF-1.4 demo'))}`, cookies: officer })
    expect(versioned.body).toBe('%PDF-1.4 demo')
    expect((await t.app.inject({ method: 'GET', url: '/api/media/nope', cookies: officer })).statusCode).toBe(404)
  })

  it('gives a changed document a new URL in the next delta, so devices fetch it again', async () => {
    type Person = { id: string; documents: { id: string; url: string }[] }
    const documentUrl = (body: { put: { people: Person[] } }) => body.put.people.find((p) => p.id === 'P1')?.documents.find((d) => d.id === 'M1')?.url
    const before = (await t.app.inject({ method: 'GET', url: '/api/sync', cookies: officer })).json()
    const oldUrl = documentUrl(before)
    expect(oldUrl).toMatch(/^\/api\/media\/M1\?v=[0-9a-f]{16}$/)

    await putMedia(t.store.db, t.store.dialect, { id: 'M1', personId: 'P1', kind: 'document', title: 'Warrant.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 amended') })
    const delta = (await t.app.inject({ method: 'GET', url: `/api/sync?cursor=${before.cursor}`, cookies: officer })).json()
    const newUrl = documentUrl(delta)
    expect(newUrl).toMatch(/^\/api\/media\/M1\?v=[0-9a-f]{16}$/)
    expect(newUrl).not.toBe(oldUrl)
    expect(delta.media).toContain(newUrl)
    expect(delta.media).not.toContain(oldUrl)
    const served = await t.app.inject({ method: 'GET', url: newUrl!, cookies: officer })
    expect(served.body).toBe('%PDF-1.4 amended')

    // The same bytes again (a nightly extract reloaded) change nothing: no re-download.
    await putMedia(t.store.db, t.store.dialect, { id: 'M1', personId: 'P1', kind: 'document', title: 'Warrant.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 amended') })
    const quiet = (await t.app.inject({ method: 'GET', url: `/api/sync?cursor=${delta.cursor}`, cookies: officer })).json()
    expect(documentUrl(quiet)).toBeUndefined()
    expect(quiet.media).toEqual([])
  })

  it('finds people, vehicles and addresses for authors to link, and audits each search', async () => {
    const people = await t.app.inject({ method: 'GET', url: '/api/intel/search?kind=person&q=pat%20pla', cookies: analyst })
    expect(people.json().items).toEqual([{ kind: 'person', id: 'P1', label: 'PLAIN, Pat', detail: 'born 1993-04-04' }])
    const none = await t.app.inject({ method: 'GET', url: '/api/intel/search?kind=vehicle&q=zz99', cookies: analyst })
    expect(none.json().items).toEqual([])
    const searches = await t.store.db.selectFrom('auditLog').select('subjectKind').where('subjectKind', 'in', ['person-search', 'vehicle-search']).execute()
    expect(searches).toHaveLength(2)
    expect((await t.app.inject({ method: 'GET', url: '/api/intel/search?kind=person&q=pat', cookies: officer })).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/intel/search?kind=person&q=p', cookies: analyst })).statusCode).toBe(400)
  })

  it('stores each profile-view audit record once however often it is replayed', async () => {
    const record = { opId: randomUUID(), at: new Date().toISOString(), subjectKind: 'person', subjectId: 'P1', reason: { code: 'briefing', text: 'opened from briefing item' }, online: false }
    const first = await t.app.inject({ method: 'POST', url: '/api/audit/views', cookies: officer, payload: { records: [record] } })
    const replay = await t.app.inject({ method: 'POST', url: '/api/audit/views', cookies: officer, payload: { records: [record] } })
    expect(first.json()).toEqual({ stored: 1 })
    expect(replay.json()).toEqual({ stored: 0 })
    const rows = await t.store.db.selectFrom('auditLog').selectAll().where('opId', '=', record.opId).execute()
    expect(rows).toEqual([expect.objectContaining({ collarNumber: '1001', action: 'consult', subjectKind: 'person', subjectId: 'P1', reasonCode: 'briefing', online: 0 })])
    const disclosures = await t.store.db.selectFrom('auditLog').select('subjectKind').where('action', '=', 'disclose').execute()
    expect(disclosures.length).toBeGreaterThanOrEqual(2)
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true)
    const noReason = await t.app.inject({ method: 'POST', url: '/api/audit/views', cookies: officer, payload: { records: [{ ...record, opId: randomUUID(), reason: undefined }] } })
    expect(noReason.statusCode).toBe(400)
  })
})
