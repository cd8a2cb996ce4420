import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
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
    expect(again).toEqual({ read: 1, upserted: 1, rejected: [] })
    const p1 = await t.store.db.selectFrom('people').select(['surname', 'aliases']).where('id', '=', 'P1').executeTakeFirstOrThrow()
    expect(p1).toEqual({ surname: 'Smith-Jones', aliases: '[]' })
    expect(await t.store.db.selectFrom('people').select('id').execute()).toHaveLength(2)
    const changes = await t.store.db.selectFrom('changes').select(['entity', 'entityId']).where('entityId', '=', 'P1').execute()
    expect(changes).toEqual([{ entity: 'person', entityId: 'P1' }, { entity: 'person', entityId: 'P1' }])
  })

  it('reads a byte-order mark and Windows line endings', async () => {
    const file = path.join(dir, 'bom.jsonl')
    fs.writeFileSync(file, '\uFEFF' + JSON.stringify({ id: 'B1', surname: 'Bom', forenames: 'Ben', dob: '2000-01-01' }) + '\r\n')
    expect(await importPeopleFile(t.store.db, t.store.dialect, file)).toEqual({ read: 1, upserted: 1, rejected: [] })
  })
})
