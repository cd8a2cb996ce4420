import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStore, forEachStore, type TestStore } from '../testing/stores.ts'
import { importPeopleFile } from './people.ts'

forEachStore('people importer', (kind) => {
  let t: TestStore
  let dir: string
  beforeAll(async () => {
    t = await createTestStore(kind)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-import-'))
  })
  afterAll(async () => {
    await t.cleanup()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, lines.join('\n'))
    return file
  }

  it('keeps good lines, reports each bad one with its line number, and upserts by id', async () => {
    const file = write('first.jsonl', [
      JSON.stringify({ id: 'P1', surname: 'Smith', forenames: 'John', dob: '1980-05-01', aliases: [{ surname: 'Smyth', forenames: 'Jon' }], sex: 'M' }),
      '{"id": "P2", "surname": "Jones"',
      JSON.stringify({ id: 'P3', surname: 'Khan', forenames: 'Aisha', dob: '31/12/1999' }),
      '',
      JSON.stringify({ id: 'P4', surname: "O'Brien", forenames: 'Siobhan', dob: '1975-02-28', warningMarkers: ['VI'] }),
      JSON.stringify({ id: 'P5', surname: 'Nowak', forenames: 'Piotr', dob: '1988-08-08', shoeSize: 44 }),
      JSON.stringify({ id: 'P1', surname: 'Duplicate', forenames: 'Line', dob: '1980-05-01' }),
      JSON.stringify({ id: 'P6', forenames: 'No Surname', dob: '1990-01-01' }),
    ])
    const report = await importPeopleFile(t.store.db, t.store.dialect, file)
    expect(report.read).toBe(7)
    expect(report.upserted).toBe(2)
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3, 6, 7, 8])
    expect(report.rejected[0]!.message).toBe('not valid JSON')
    expect(report.rejected[1]!.message).toContain('dob')
    expect(report.rejected[2]!.message).toContain('shoeSize')
    expect(report.rejected[3]!.message).toContain('already appeared on line 1')
    expect(report.rejected[4]!.message).toContain('surname')
    const people = await t.store.db.selectFrom('people').select(['id', 'surname', 'aliases', 'warningMarkers']).orderBy('id').execute()
    expect(people).toEqual([
      { id: 'P1', surname: 'Smith', aliases: '[{"surname":"Smyth","forenames":"Jon"}]', warningMarkers: '[]' },
      { id: 'P4', surname: "O'Brien", aliases: '[]', warningMarkers: '["VI"]' },
    ])

    const second = write('second.jsonl', [JSON.stringify({ id: 'P1', surname: 'Smith-Jones', forenames: 'John', dob: '1980-05-01' })])
    const again = await importPeopleFile(t.store.db, t.store.dialect, second)
    expect(again).toEqual({ read: 1, upserted: 1, unchanged: 0, rejected: [] })
    const p1 = await t.store.db.selectFrom('people').select(['surname', 'aliases']).where('id', '=', 'P1').executeTakeFirstOrThrow()
    expect(p1).toEqual({ surname: 'Smith-Jones', aliases: '[]' })
    expect(await t.store.db.selectFrom('people').select('id').execute()).toHaveLength(2)
    const changes = await t.store.db.selectFrom('changes').select(['entity', 'entityId']).where('entityId', '=', 'P1').execute()
    expect(changes).toEqual([{ entity: 'person', entityId: 'P1' }, { entity: 'person', entityId: 'P1' }])
  })

  it('reads a byte-order mark and Windows line endings', async () => {
    const file = path.join(dir, 'bom.jsonl')
    fs.writeFileSync(file, '\uFEFF' + JSON.stringify({ id: 'B1', surname: 'Bom', forenames: 'Ben', dob: '2000-01-01' }) + '\r\n')
    expect(await importPeopleFile(t.store.db, t.store.dialect, file)).toEqual({ read: 1, upserted: 1, unchanged: 0, rejected: [] })
  })

  describe('hostile files', () => {
    const person = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id, surname: 'Hostile', forenames: 'Test', dob: '1990-01-01', ...extra })
    const importFile = (file: string) => importPeopleFile(t.store.db, t.store.dialect, file)
    const writeBytes = (name: string, content: string | Buffer) => {
      const file = path.join(dir, name)
      fs.writeFileSync(file, content)
      return file
    }
    const stored = (prefix: string) => t.store.db.selectFrom('people').selectAll().where('id', 'like', `${prefix}%`).orderBy('id').execute()
    const changeCount = async () => (await t.store.db.selectFrom('changes').select('seq').execute()).length
    const peopleCount = async () => (await t.store.db.selectFrom('people').select('id').execute()).length
    /** Imports `file` again: the same lines are refused for the same reasons, nobody stored changes and devices are told of nothing. */
    async function expectIdempotent(file: string, prefix: string) {
      const before = await stored(prefix)
      const changes = await changeCount()
      const first = await importFile(file)
      const again = await importFile(file)
      expect(again.rejected).toEqual(first.rejected)
      expect(again).toMatchObject({ upserted: 0, unchanged: again.read - again.rejected.length })
      expect(await stored(prefix)).toEqual(before)
      expect(await changeCount()).toBe(changes)
    }
    /** A refused file stores nobody and says so at line 1; a second try does the same. */
    async function expectRefused(file: string, reason: RegExp) {
      const total = await peopleCount()
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const report = await importFile(file)
        expect(report.rejected).toEqual([{ line: expect.any(Number), message: expect.stringMatching(reason) }])
        expect(report.rejected[0]!.message).toMatch(/; nothing was imported from this file$/)
        expect(report).toMatchObject({ read: 0, upserted: 0 })
      }
      expect(await peopleCount()).toBe(total)
    }

    it('keeps the whole lines of a file cut short mid-line or inside a quoted string, and says the file ends mid-line', async () => {
      const cut = writeBytes('cut.jsonl', [person('CUT1'), person('CUT2'), person('CUT3').slice(0, 30)].join('\n'))
      expect((await importFile(cut)).rejected).toEqual([{ line: 3, message: 'the file ends in the middle of this line (cut short?): not valid JSON' }])
      const inString = writeBytes('cut-string.jsonl', [person('CUT4'), '{"id": "CUT5", "surname": "Tru'].join('\n'))
      expect((await importFile(inString)).rejected).toEqual([{ line: 2, message: 'the file ends in the middle of this line (cut short?): not valid JSON' }])
      expect((await stored('CUT')).map((p) => p.id)).toEqual(['CUT1', 'CUT2', 'CUT4'])
      await expectIdempotent(cut, 'CUT')
    })

    it('refuses lines in Latin-1 or Windows-1252, naming the byte, and keeps the UTF-8 ones', async () => {
      const zoe = person('ENC2', { forenames: 'Zoë' })
      const file = writeBytes('latin1.jsonl', Buffer.concat([
        Buffer.from(`${person('ENC1')}\n`),
        Buffer.from(`${zoe}\n`, 'latin1'),
        Buffer.from(`${person('ENC3', { surname: 'O’Neill' }).replace('’', '\x92')}\n`, 'latin1'),
        Buffer.from(`${person('ENC4', { forenames: 'Zoë', surname: 'O’Neill' })}\n`),
      ]))
      const report = await importFile(file)
      expect(report.rejected).toEqual([
        { line: 2, message: `not UTF-8 text (byte 0xEB at byte ${zoe.indexOf('ë') + 1}): the file may be Latin-1 or Windows-1252; save it as UTF-8` },
        { line: 3, message: expect.stringMatching(/^not UTF-8 text \(byte 0x92 at byte \d+\)/) },
      ])
      expect((await stored('ENC')).map((p) => [p.id, p.surname, p.forenames])).toEqual([['ENC1', 'Hostile', 'Test'], ['ENC4', 'O’Neill', 'Zoë']])
      await expectIdempotent(file, 'ENC')
    })

    it('refuses a UTF-16 file whole', async () => {
      const text = [person('U16A'), person('U16B'), ''].join('\r\n')
      await expectRefused(writeBytes('utf16.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), /^the file is UTF-16 \(little-endian byte-order mark FF FE\)/)
      await expectRefused(writeBytes('utf16-nobom.jsonl', Buffer.from(text, 'utf16le')), /^the file is binary, not text/)
    })

    it('refuses a file in another layout whole (a CSV, a JSON array), and reports a renamed field on its line', async () => {
      await expectRefused(writeBytes('people.csv', 'id,surname,forenames,dob\nCSV1,Smith,John,1980-01-01\n'), /^not a JSON lines file: the first line is not a JSON object/)
      await expectRefused(writeBytes('array.json', `[${person('ARR1')},\n${person('ARR2')}]\n`), /^the file is a JSON array, not JSON lines/)
      const renamed = writeBytes('renamed.jsonl', [person('REN1'), JSON.stringify({ id: 'REN2', lastName: 'Renamed', forenames: 'Field', dob: '1990-01-01' }), person('REN3')].join('\n'))
      const report = await importFile(renamed)
      expect(report.rejected).toEqual([{ line: 2, message: expect.stringMatching(/surname: .*; line: Unrecognized key: "lastName"|lastName.*surname|surname.*lastName/) }])
      expect((await stored('REN')).map((p) => p.id)).toEqual(['REN1', 'REN3'])
    })

    it('keeps the first of an id repeated in the file, updates a stored person, and a re-import changes nothing', async () => {
      const first = writeBytes('dup-1.jsonl', [person('DUP1'), person('DUP2'), person('DUP1', { surname: 'Second' })].join('\n'))
      expect(await importFile(first)).toEqual({ read: 3, upserted: 2, unchanged: 0, rejected: [{ line: 3, message: 'id DUP1 already appeared on line 1; the first is kept' }] })
      await expectIdempotent(first, 'DUP')
      // The next night's extract: DUP1 has changed, DUP2 has not.
      const changes = await changeCount()
      const second = writeBytes('dup-2.jsonl', [person('DUP1', { surname: 'Changed', warningMarkers: ['WE'] }), person('DUP2')].join('\n'))
      expect(await importFile(second)).toEqual({ read: 2, upserted: 1, unchanged: 1, rejected: [] })
      expect(await changeCount()).toBe(changes + 1)
      expect((await stored('DUP')).map((p) => [p.id, p.surname, p.warningMarkers])).toEqual([['DUP1', 'Changed', '["WE"]'], ['DUP2', 'Hostile', '[]']])
      await expectIdempotent(second, 'DUP')
    })

    it('skips a 5 MB line as it streams past, with its size, and keeps the lines after it', async () => {
      const huge = person('BIG2', { description: { marks: ['x'.repeat(5 * 1024 * 1024)] } })
      const file = writeBytes('huge.jsonl', [person('BIG1'), huge, person('BIG3'), ''].join('\n'))
      const report = await importFile(file)
      expect(report.rejected).toEqual([{ line: 2, message: `line is ${Buffer.byteLength(huge).toLocaleString('en-GB')} bytes long, over the limit of 1,048,576: skipped` }])
      expect((await stored('BIG')).map((p) => p.id)).toEqual(['BIG1', 'BIG3'])
      await expectIdempotent(file, 'BIG')
    })

    it('refuses an empty file and one of blank lines', async () => {
      await expectRefused(writeBytes('empty.jsonl', ''), /^the file is empty/)
      await expectRefused(writeBytes('blank.jsonl', '\n  \r\n\n'), /^the file is empty/)
    })

    it('refuses binary garbage whole', async () => {
      let x = 4242
      const noise = Buffer.from(Buffer.alloc(32 * 1024, 0).map(() => (x = (x * 1103515245 + 12345) % 2 ** 31) >> 23))
      await expectRefused(writeBytes('garbage.jsonl', noise), /^the file is binary, not text \(a NUL byte at offset \d+;/)
      // Binary with no NUL byte in it still does not start like JSON lines.
      await expectRefused(writeBytes('no-nul.jsonl', Buffer.from(noise.map((b) => (b === 0 ? 1 : b)))), /^(not a JSON lines file|the first line cannot be read: not UTF-8 text)/)
    })

    it('refuses text PostgreSQL could not store as given (NUL, a broken surrogate) on its line, and keeps HTML and SQL as written', async () => {
      const hostileName = `Robert'); DROP TABLE people;-- <img src=x onerror="window.__pwned=1"> \u202Egnp.exe`
      const file = writeBytes('text.jsonl', [
        person('TXT1', { surname: hostileName, aliases: [{ surname: '<script>alert(1)</script>', forenames: '{{constructor.constructor("x")()}}' }] }),
        person('TXT2', { surname: 'Nul\u0000Name' }),
        person('TXT3', { forenames: 'Broken\uD800' }),
        person('TXT4'),
      ].join('\n'))
      const report = await importFile(file)
      expect(report.rejected).toEqual([
        { line: 2, message: 'surname: must not contain NUL (\\u0000)' },
        { line: 3, message: 'forenames: holds an unpaired UTF-16 surrogate (a broken \\uD800-\\uDFFF escape)' },
      ])
      const people = await stored('TXT')
      expect(people.map((p) => p.id)).toEqual(['TXT1', 'TXT4'])
      expect(people[0]!.surname).toBe(hostileName)
      expect(JSON.parse(people[0]!.aliases)).toEqual([{ surname: '<script>alert(1)</script>', forenames: '{{constructor.constructor("x")()}}' }])
      await expectIdempotent(file, 'TXT')
    })
  })
})
