/**
 * Audio notes over HTTP on SQLite and PostgreSQL: a note is stored once however often it is
 * replayed, a different body under its id is refused; its recording comes back byte for byte, a
 * repeated upload is harmless, a different one is refused, and an upload cut part-way resumes
 * from what the server holds; another officer cannot see a note that is not theirs, but sees one
 * attached to a subject; every read is audited; bad input is refused with 400, 413 or 415.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRecord } from '../../shared/api/checks.ts'
import type { Note, NoteAudioStatus } from '../../shared/api/notes.ts'
import { maxNoteAudioBytes } from '../../shared/api/notes.ts'
import { verifyAuditChain } from '../store/audit.ts'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { forEachStore } from '../testing/stores.ts'

forEachStore('audio notes', (kind) => {
  let t: TestApp
  const cookies: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    t = await createTestApp(kind)
    for (const collar of ['1001', '1002', '2001', '3001', '4001']) cookies[collar] = await t.signIn(collar)
  })
  afterAll(() => t.close())

  const post = (collar: string, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/notes', cookies: cookies[collar], payload: payload as object })
  const get = (url: string, collar: string) => t.app.inject({ method: 'GET', url, cookies: cookies[collar] })
  const putAudio = (id: string, collar: string, bytes: Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'PUT', url: `/api/notes/${id}/audio`, cookies: cookies[collar], payload: bytes, headers: { 'content-type': 'audio/webm;codecs=opus', ...headers } })
  const newNote = (over: Record<string, unknown> = {}) => ({ id: randomUUID(), text: 'Male seen climbing the fence at the rear of 12 Corporation Street', recordedAt: '2026-11-25T21:14:05.120Z', ...over })

  describe('POST /api/notes', () => {
    it('stores a note once: 201 the first time, 200 with the same stored note on every replay', async () => {
      const body = newNote({ attachedTo: { kind: 'person', id: 'P123' }, position: { lat: 52.4797, lng: -1.8986, accuracyM: 12 } })
      const first = await post('1001', body)
      expect(first.statusCode).toBe(201)
      const stored = first.json<Note>()
      expect(stored).toMatchObject({ id: body.id, officer: '1001', text: body.text, recordedAt: body.recordedAt, attachedTo: { kind: 'person', id: 'P123' }, position: { lat: 52.4797, lng: -1.8986, accuracyM: 12 }, audio: null })
      for (let i = 0; i < 3; i += 1) {
        const again = await post('1001', body)
        expect(again.statusCode).toBe(200)
        expect(again.json()).toEqual(stored)
      }
      // The same instant written with an offset is the same body.
      expect((await post('1001', { ...body, recordedAt: '2026-11-25T21:14:05.120+00:00' })).statusCode).toBe(200)
      const count = await t.store.db.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('n')).where('id', '=', body.id).executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(1)
    })

    it('refuses a different body under an existing id with 409, and the stored note is unchanged', async () => {
      const body = newNote()
      expect((await post('1001', body)).statusCode).toBe(201)
      for (const changed of [{ text: 'something else' }, { recordedAt: '2026-11-25T21:15:00.000Z' }, { attachedTo: { kind: 'vehicle', id: 'V1' } }, { position: { lat: 1, lng: 1, accuracyM: 1 } }]) {
        const response = await post('1001', { ...body, ...changed })
        expect(response.statusCode).toBe(409)
        expect(response.json()).toMatchObject({ error: { code: 'note_conflict' } })
      }
      // Another officer cannot take over (or learn the content of) the id either.
      expect((await post('1002', body)).statusCode).toBe(409)
      expect((await get(`/api/notes/${body.id}`, '1001')).json()).toMatchObject({ text: body.text, officer: '1001' })
    })

    it('refuses bad input with 400 naming the field', async () => {
      const bad: unknown[] = [
        { ...newNote(), id: 'not-a-uuid' },
        { ...newNote(), recordedAt: 'yesterday' },
        { ...newNote(), text: 42 },
        { ...newNote(), text: 'x'.repeat(20_001) },
        { ...newNote(), attachedTo: { kind: 'cat', id: 'C1' } },
        { ...newNote(), attachedTo: { kind: 'person', id: '' } },
        { ...newNote(), position: { lat: 91, lng: 0, accuracyM: 5 } },
        { ...newNote(), extra: true },
        { text: 'no id', recordedAt: '2026-11-25T21:14:05Z' },
      ]
      for (const payload of bad) {
        const response = await post('1001', payload)
        expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400)
        expect(response.json()).toMatchObject({ error: { code: 'invalid_request' } })
      }
    })

    it('lets officers and supervisors write notes, not analysts or administrators, and nobody signed out', async () => {
      expect((await post('2001', newNote())).statusCode).toBe(201)
      expect((await post('3001', newNote())).statusCode).toBe(403)
      expect((await post('4001', newNote())).statusCode).toBe(403)
      expect((await t.app.inject({ method: 'POST', url: '/api/notes', payload: newNote() })).statusCode).toBe(401)
      expect((await get('/api/notes', '4001')).statusCode).toBe(403)
    })
  })

  describe('recordings', () => {
    it('returns the bytes exactly, with the content type; a repeated upload is harmless, a different one is 409', async () => {
      const body = newNote()
      await post('1001', body)
      const bytes = randomBytes(300_000)
      const first = await putAudio(body.id, '1001', bytes)
      expect(first.statusCode).toBe(200)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      expect(first.json()).toEqual({ received: bytes.length, total: bytes.length, complete: true, contentType: 'audio/webm', sha256 })
      expect((await putAudio(body.id, '1001', bytes)).json()).toEqual(first.json())

      const audio = await get(`/api/notes/${body.id}/audio`, '1001')
      expect(audio.statusCode).toBe(200)
      expect(audio.headers['content-type']).toBe('audio/webm')
      expect(Buffer.compare(audio.rawPayload, bytes)).toBe(0)

      const other = Buffer.from(bytes)
      other[1000] = (other[1000]! + 1) % 256
      expect((await putAudio(body.id, '1001', other)).json()).toMatchObject({ error: { code: 'audio_conflict' } })
      expect((await putAudio(body.id, '1001', bytes.subarray(0, 1000))).statusCode).toBe(409)
      expect((await putAudio(body.id, '1001', bytes, { 'content-type': 'audio/ogg' })).statusCode).toBe(409)
      expect(Buffer.compare((await get(`/api/notes/${body.id}/audio`, '1001')).rawPayload, bytes)).toBe(0)
      expect((await get(`/api/notes/${body.id}`, '1001')).json<Note>().audio).toMatchObject({ complete: true, sha256 })
    })

    it('resumes an upload cut part-way from the status the server gives', async () => {
      const body = newNote()
      await post('1001', body)
      const bytes = randomBytes(100_000)
      const total = bytes.length
      const range = (start: number, end: number) => ({ 'content-range': `bytes ${start}-${end - 1}/${total}` })
      const status = async () => (await get(`/api/notes/${body.id}/audio/status`, '1001')).json<NoteAudioStatus>()

      expect(await status()).toEqual({ received: 0, total: null, complete: false, contentType: null, sha256: null })
      // Nothing stored yet: a piece that does not start at 0 is refused with what to resume from.
      const early = await putAudio(body.id, '1001', bytes.subarray(40_000, 60_000), range(40_000, 60_000))
      expect(early.statusCode).toBe(416)
      expect(early.json()).toMatchObject({ error: { code: 'upload_gap', received: 0 } })

      expect((await putAudio(body.id, '1001', bytes.subarray(0, 30_000), range(0, 30_000))).json()).toMatchObject({ received: 30_000, total, complete: false })
      // The connection drops mid-piece: the server never got it. The device asks where to resume.
      expect(await status()).toMatchObject({ received: 30_000, total, complete: false, sha256: null })
      expect((await get(`/api/notes/${body.id}/audio`, '1001')).statusCode).toBe(404)
      // A piece replayed from an earlier offset overlaps what is held: harmless, and it extends it.
      expect((await putAudio(body.id, '1001', bytes.subarray(20_000, 70_000), range(20_000, 70_000))).json()).toMatchObject({ received: 70_000 })
      expect((await putAudio(body.id, '1001', bytes.subarray(0, 30_000), range(0, 30_000))).json()).toMatchObject({ received: 70_000 })
      // An overlap that differs is another recording.
      const wrong = Buffer.from(bytes.subarray(60_000, 80_000))
      wrong[0] = (wrong[0]! + 1) % 256
      expect((await putAudio(body.id, '1001', wrong, range(60_000, 80_000))).statusCode).toBe(409)
      const done = await putAudio(body.id, '1001', bytes.subarray(70_000), range(70_000, total))
      expect(done.json()).toMatchObject({ received: total, complete: true, sha256: createHash('sha256').update(bytes).digest('hex') })
      expect(Buffer.compare((await get(`/api/notes/${body.id}/audio`, '1001')).rawPayload, bytes)).toBe(0)
      // The whole recording sent again once complete is harmless too.
      expect((await putAudio(body.id, '1001', bytes)).statusCode).toBe(200)
    })

    it('refuses other content types, empty bodies, bad ranges, oversized recordings, and notes that do not exist', async () => {
      const body = newNote()
      await post('1001', body)
      const bytes = randomBytes(1000)
      expect((await putAudio(body.id, '1001', bytes, { 'content-type': 'video/mp4' })).statusCode).toBe(415)
      expect((await putAudio(body.id, '1001', bytes, { 'content-type': 'audio/flac' })).statusCode).toBe(415)
      const json = await t.app.inject({ method: 'PUT', url: `/api/notes/${body.id}/audio`, cookies: cookies['1001'], payload: { bytes: 'AAAA' } })
      expect(json.statusCode).toBe(415)
      expect((await putAudio(body.id, '1001', Buffer.alloc(0))).statusCode).toBe(400)
      expect((await putAudio(body.id, '1001', bytes, { 'content-range': 'bytes 0-998/5000' })).statusCode).toBe(400)
      expect((await putAudio(body.id, '1001', bytes, { 'content-range': 'items 0-999/5000' })).statusCode).toBe(400)
      expect((await putAudio(body.id, '1001', bytes, { 'content-range': `bytes 0-999/${maxNoteAudioBytes + 1}` })).statusCode).toBe(413)
      const tooBig = await putAudio(body.id, '1001', Buffer.alloc(maxNoteAudioBytes + 1))
      expect(tooBig.statusCode).toBe(413)
      expect(tooBig.json()).toMatchObject({ error: { code: 'payload_too_large' } })
      expect((await putAudio(randomUUID(), '1001', bytes)).statusCode).toBe(404)
      expect((await putAudio('nope', '1001', bytes)).statusCode).toBe(400)
      // WAV under its other names is stored as audio/wav.
      expect((await putAudio(body.id, '1001', bytes, { 'content-type': 'audio/x-wav' })).json()).toMatchObject({ contentType: 'audio/wav', complete: true })
    })
  })

  describe('who sees what', () => {
    const standalone = newNote({ text: 'private aide-memoire' })
    const attached = newNote({ text: 'Seen with a red holdall', attachedTo: { kind: 'person', id: 'P900' }, recordedAt: '2026-11-25T22:00:00.000Z' })
    const older = newNote({ text: 'Earlier sighting', attachedTo: { kind: 'person', id: 'P900' }, recordedAt: '2026-11-24T08:00:00.000Z' })

    beforeAll(async () => {
      for (const note of [standalone, attached, older]) expect((await post('1001', note)).statusCode).toBe(201)
      await putAudio(standalone.id, '1001', randomBytes(500))
      await putAudio(attached.id, '1001', randomBytes(500))
    })

    it('lists the signed-in officer\'s own notes, newest first', async () => {
      const mine = (await get('/api/notes', '1001')).json<{ items: Note[] }>().items
      expect(mine.every((n) => n.officer === '1001')).toBe(true)
      const times = mine.map((n) => n.recordedAt)
      expect(times).toEqual([...times].sort().reverse())
      expect(mine.map((n) => n.id)).toEqual(expect.arrayContaining([standalone.id, attached.id, older.id]))
      const theirs = (await get('/api/notes', '1002')).json<{ items: Note[] }>().items
      expect(theirs.map((n) => n.id)).not.toContain(standalone.id)
    })

    it('gives another officer 404 for a note that is not theirs, its recording and its upload', async () => {
      expect((await get(`/api/notes/${standalone.id}`, '1002')).statusCode).toBe(404)
      expect((await get(`/api/notes/${standalone.id}/audio`, '1002')).statusCode).toBe(404)
      expect((await get(`/api/notes/${standalone.id}/audio/status`, '1002')).statusCode).toBe(404)
      expect((await get(`/api/notes/${standalone.id}`, '2001')).statusCode).toBe(404)
      expect((await putAudio(attached.id, '1002', randomBytes(500))).statusCode).toBe(404)
      const edit = await t.app.inject({ method: 'PUT', url: `/api/notes/${attached.id}/text`, cookies: cookies['1002'], payload: { text: 'hijacked', editedAt: new Date().toISOString() } })
      expect(edit.statusCode).toBe(404)
      expect((await get(`/api/notes/${randomUUID()}`, '1001')).statusCode).toBe(404)
    })

    it('shows notes attached to a subject to officers, supervisors and analysts, newest first', async () => {
      for (const collar of ['1002', '2001', '3001']) {
        const items = (await get('/api/notes?attachedTo=person:P900', collar)).json<{ items: Note[] }>().items
        expect(items.map((n) => n.id)).toEqual([attached.id, older.id])
        expect(items[0]).toMatchObject({ officer: '1001', text: 'Seen with a red holdall', audio: { complete: true } })
      }
      expect((await get(`/api/notes/${attached.id}/audio`, '1002')).statusCode).toBe(200)
      expect((await get('/api/notes?attachedTo=person:NOBODY', '1002')).json()).toEqual({ items: [] })
      expect((await get('/api/notes?attachedTo=person', '1002')).statusCode).toBe(400)
      expect((await get('/api/notes?attachedTo=planet:X1', '1002')).statusCode).toBe(400)
      expect((await get('/api/notes?limit=0', '1002')).statusCode).toBe(400)
    })

    it('audits every read of a note, its recording or a subject\'s notes', async () => {
      await get(`/api/notes/${attached.id}`, '1002')
      await get(`/api/notes/${attached.id}/audio`, '1002')
      const records = (await get('/api/audit?officer=1002&limit=500', '1002')).json<{ records: AuditRecord[] }>().records
      const kinds = records.filter((r) => r.reasonCode === 'notes').map((r) => [r.subjectKind, r.subjectId])
      expect(kinds).toEqual(expect.arrayContaining([['note', attached.id], ['note-audio', attached.id], ['person-notes', 'P900']]))
      expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true })
    })
  })

  it('applies transcript corrections by the device\'s edit time, so a late older one never wins', async () => {
    const body = newNote({ text: '' })
    await post('1001', body)
    const edit = (text: string, editedAt: string) => t.app.inject({ method: 'PUT', url: `/api/notes/${body.id}/text`, cookies: cookies['1001'], payload: { text, editedAt } })
    expect((await edit('typed later', '2026-11-25T23:00:00.000Z')).json()).toMatchObject({ text: 'typed later' })
    expect((await edit('an older draft', '2026-11-25T22:30:00.000Z')).json()).toMatchObject({ text: 'typed later' })
    expect((await edit('typed later', '2026-11-25T23:00:00.000Z')).statusCode).toBe(200)
    // The original body still replays as itself: the correction is not a different note.
    expect((await post('1001', body)).statusCode).toBe(200)
    expect((await edit('x', 'soon')).statusCode).toBe(400)
  })
})
