/**
 * The police.uk importer on the real sample (City of London Police, 2023-01 to 2023-06, read from
 * ../shared/data/police-uk, never copied here), on SQLite and PostgreSQL: totals per month and
 * category equal what the files hold (counted here independently, line by line), rows without
 * coordinates are kept and counted, a re-import changes nothing, repeated rows all count, a changed
 * outcome updates the stored crime, and broken rows are reported with file line while the rest load.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { rebuildCrimeCellCounts } from '../store/crimes.ts'
import type { Store } from '../store/db.ts'
import { forEachStore, createTestStore, type TestStore } from '../testing/stores.ts'
import { importCrimeFile } from './crimes.ts'
import { policeUkSampleDir } from '../testing/samples.ts'

const sampleDir = policeUkSampleDir()
const sampleFiles = fs.readdirSync(sampleDir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(sampleDir, f))

// The police.uk names, written out here rather than taken from the code under test.
const slugOf: Record<string, string> = {
  'Anti-social behaviour': 'anti-social-behaviour', 'Bicycle theft': 'bicycle-theft', Burglary: 'burglary',
  'Criminal damage and arson': 'criminal-damage-arson', Drugs: 'drugs', 'Other theft': 'other-theft',
  'Possession of weapons': 'possession-of-weapons', 'Public order': 'public-order', Robbery: 'robbery', Shoplifting: 'shoplifting',
  'Theft from the person': 'theft-from-the-person', 'Vehicle crime': 'vehicle-crime', 'Violence and sexual offences': 'violent-crime',
  'Other crime': 'other-crime',
}

/** What the files hold: rows per "month category", and rows without coordinates. (The sample has no quoted fields.) */
function countFiles(files: string[]) {
  const byMonthCategory = new Map<string, number>()
  let rows = 0
  let withoutLocation = 0
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim() !== '')
    for (const line of lines) {
      const f = line.split(',')
      const key = `${f[1]} ${slugOf[f[9]!] ?? `unknown:${f[9]}`}`
      byMonthCategory.set(key, (byMonthCategory.get(key) ?? 0) + 1)
      if (f[4] === '' && f[5] === '') withoutLocation += 1
      rows += 1
    }
  }
  return { byMonthCategory, rows, withoutLocation }
}

async function storedCounts(store: Store) {
  const rows = await store.db.selectFrom('crimes').select(['month', 'category', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['month', 'category']).execute()
  return new Map(rows.map((r) => [`${r.month} ${r.category}`, Number(r.n)]))
}

const countAll = async (store: Store) => Number((await store.db.selectFrom('crimes').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n)

forEachStore('police.uk importer', (kind) => {
  let t: TestStore
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-crimes-'))
  const expected = countFiles(sampleFiles)

  beforeAll(async () => { t = await createTestStore(kind) })
  afterAll(async () => {
    await t.cleanup()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('stores every row of the sample: totals per month and category equal the files', async () => {
    expect(sampleFiles).toHaveLength(6)
    let read = 0
    let withoutLocation = 0
    for (const file of sampleFiles) {
      const report = await importCrimeFile(t.store.db, t.store.dialect, file)
      expect(report.rejected, file).toEqual([])
      expect(report.added).toBe(report.read)
      read += report.read
      withoutLocation += report.withoutLocation
    }
    expect(read).toBe(expected.rows)
    expect(expected.rows).toBe(4482)
    expect(withoutLocation).toBe(expected.withoutLocation)
    expect(await storedCounts(t.store)).toEqual(expected.byMonthCategory)
    expect([...expected.byMonthCategory.keys()].some((k) => k.includes('unknown:'))).toBe(false)
  })

  it('keeps rows without coordinates, counted but without a cell', async () => {
    expect(expected.withoutLocation).toBeGreaterThan(0)
    const unmapped = await t.store.db.selectFrom('crimes').select(['lat', 'lng', 'location']).where('cell', 'is', null).execute()
    expect(unmapped).toHaveLength(expected.withoutLocation)
    for (const row of unmapped) expect(row).toMatchObject({ lat: null, lng: null })
    const mapped = await t.store.db.selectFrom('crimes').select('cell').where('cell', 'is not', null).limit(5).execute()
    for (const row of mapped) expect(row.cell).toMatch(/^89[0-9a-f]{13}$/)
  })

  it('changes nothing when the files are imported again', async () => {
    const before = await t.store.db.selectFrom('crimes').select(['id', 'outcome', 'cell']).orderBy('id').execute()
    for (const file of sampleFiles) {
      const report = await importCrimeFile(t.store.db, t.store.dialect, file)
      expect(report).toMatchObject({ added: 0, updated: 0, unchanged: report.read, upserted: 0, rejected: [] })
    }
    // A renamed copy is the same file: the key never depends on the file name.
    const copy = path.join(tmp, 'renamed.csv')
    fs.copyFileSync(sampleFiles[0]!, copy)
    expect((await importCrimeFile(t.store.db, t.store.dialect, copy)).added).toBe(0)
    expect(await t.store.db.selectFrom('crimes').select(['id', 'outcome', 'cell']).orderBy('id').execute()).toEqual(before)
  })

  it('keeps the monthly trend rollup equal to a full recount', async () => {
    const rollup = () => t.store.db.selectFrom('crimeCellCounts').selectAll().orderBy('category').orderBy('month').orderBy('cell').execute()
    const kept = (await rollup()).map((r) => ({ ...r, n: Number(r.n) }))
    const located = kept.filter((r) => r.category === '*').reduce((sum, r) => sum + r.n, 0)
    expect(located).toBe(expected.rows - expected.withoutLocation)
    await rebuildCrimeCellCounts(t.store.db)
    expect((await rollup()).map((r) => ({ ...r, n: Number(r.n) }))).toEqual(kept)
  })

  it('counts repeated rows as separate crimes, and updates an outcome rather than adding a crime', async () => {
    const header = fs.readFileSync(sampleFiles[0]!, 'utf8').split('\n')[0]
    const row = (outcome: string, id = '') => `${id},2019-04,Test Force,Test Force,-1.9026,52.4797,On or near Test Street,E01000001,Test 001A,Burglary,${outcome},`
    const file = path.join(tmp, 'repeats.csv')
    fs.writeFileSync(file, [header, row('Under investigation'), row('Under investigation'), row('Under investigation', 'abc123'), row('Under investigation', 'abc123'), ''].join('\n'))
    expect(await importCrimeFile(t.store.db, t.store.dialect, file)).toMatchObject({ read: 4, added: 3, unchanged: 1 })
    expect(await importCrimeFile(t.store.db, t.store.dialect, file)).toMatchObject({ read: 4, added: 0, unchanged: 4 })
    // The republished file: the same crimes with a new outcome.
    fs.writeFileSync(file, [header, row('Awaiting court outcome'), row('Under investigation'), row('Awaiting court outcome', 'abc123'), ''].join('\n'))
    expect(await importCrimeFile(t.store.db, t.store.dialect, file)).toMatchObject({ read: 3, added: 0, updated: 2, unchanged: 1 })
    const stored = await t.store.db.selectFrom('crimes').select(['crimeId', 'outcome']).where('month', '=', '2019-04').orderBy('id').execute()
    expect(stored).toHaveLength(3)
    expect(stored.filter((s) => s.crimeId === 'abc123')).toEqual([{ crimeId: 'abc123', outcome: 'Awaiting court outcome' }])
  })

  it('reports broken rows with their file line and keeps the good ones', async () => {
    const lines = fs.readFileSync(sampleFiles[5]!, 'utf8').split('\n')
    const good = lines.slice(1, 6).map((l) => l.replace('2023-06', '2019-07'))
    const file = path.join(tmp, 'broken.csv')
    fs.writeFileSync(file, [
      lines[0],
      good[0], // line 2
      ',2019-07,Example Police,Example Police,-0.1,51.5,On or near X,E01,Name,Burglary', // 3: 10 columns
      good[1], // 4
      ',2019-13,Example Police,Example Police,-0.1,51.5,On or near X,E01,Name,Burglary,,', // 5: bad month
      ',2019-07,Example Police,Example Police,-0.1,51.5,On or near X,E01,Name,Jaywalking,,', // 6: unknown type
      ',2019-07,Example Police,Example Police,west,51.5,On or near X,E01,Name,Burglary,,', // 7: bad longitude
      ',2019-07,Example Police,Example Police,,51.5,On or near X,E01,Name,Burglary,,', // 8: half a position
      good[2], // 9
      ',2019-07,Example Police,Example Police,,,No Location,,,Drugs,,', // 10: no position: kept
      `,2019-07,"City of London" Police,City of London Police,-0.1,51.5,On or near X,E01,Name,Burglary,,`, // 11: stray quote
      good[3], // 12
      good[4], // 13
      ',2019-07,Example Police,Example Police,-0.1,51.5,"On or near Parking Area, X",E01,Name,Robbery,,', // 14: quoted comma: kept
      '',
    ].join('\n'))
    const report = await importCrimeFile(t.store.db, t.store.dialect, file)
    expect(report.rejected.map((r) => r.line)).toEqual([3, 5, 6, 7, 8, 11])
    expect(report.rejected[0]!.message).toMatch(/12 columns, found 10/)
    expect(report.rejected[1]!.message).toMatch(/Month "2019-13"/)
    expect(report.rejected[2]!.message).toMatch(/Crime type "Jaywalking"/)
    expect(report.rejected[3]!.message).toMatch(/Longitude "west"/)
    expect(report.rejected[5]!.message).toMatch(/unreadable CSV/)
    expect(report).toMatchObject({ read: 13, added: 7, withoutLocation: 1 })
    expect(await t.store.db.selectFrom('crimes').select('location').where('month', '=', '2019-07').where('category', '=', 'robbery').execute())
      .toEqual([{ location: 'On or near Parking Area, X' }])
    expect(await t.store.db.selectFrom('crimes').select('id').where('month', '=', '2019-07').execute()).toHaveLength(7)
  })

  it('refuses a file that is not in the police.uk layout, at line 1', async () => {
    const file = path.join(tmp, 'other.csv')
    fs.writeFileSync(file, 'id,name\n1,two\n')
    const total = await countAll(t.store)
    const report = await importCrimeFile(t.store.db, t.store.dialect, file)
    expect(report.rejected).toEqual([{ line: 1, message: expect.stringMatching(/not a police.uk street-level file/) }])
    expect(await countAll(t.store)).toBe(total)
  })
})
