/**
 * The police.uk importer on the real sample (City of London Police, 2023-01 to 2023-06, read from
 * ../shared/data/police-uk, never copied here), on SQLite and PostgreSQL: totals per month and
 * category equal what the files hold (counted here independently, line by line), rows without
 * coordinates are kept and counted, a re-import changes nothing, repeated rows all count, a changed
 * outcome updates the stored crime, and broken rows are reported with file line while the rest load.
 * Then hostile files (made here in a temporary folder from the sample's rows): cut short, in the
 * wrong encoding, with the wrong header, repeated and clashing Crime IDs, a 5 MB line, empty, binary.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
    // The same Crime ID twice in one file is a fault in the file: the first row is kept, the second reported.
    const repeatedId = [{ line: 5, message: 'Crime ID abc123 already appeared on line 4; the first is kept' }]
    expect(await importCrimeFile(t.store.db, t.store.dialect, file)).toMatchObject({ read: 4, added: 3, unchanged: 0, rejected: repeatedId })
    expect(await importCrimeFile(t.store.db, t.store.dialect, file)).toMatchObject({ read: 4, added: 0, unchanged: 3, rejected: repeatedId })
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

  describe('hostile files', () => {
    const sampleLines = fs.readFileSync(sampleFiles[5]!, 'utf8').split('\n').filter((l) => l.trim() !== '')
    const header = sampleLines[0]!
    /** `n` real rows of the sample moved to `month`, so each case stores crimes of its own. */
    const rows = (month: string, n: number) => sampleLines.slice(1, 1 + n).map((l) => l.replace('2023-06', month))
    const monthCount = async (month: string) => (await t.store.db.selectFrom('crimes').select('id').where('month', '=', month).execute()).length
    const monthRows = (month: string) => t.store.db.selectFrom('crimes').selectAll().where('month', '=', month).orderBy('id').execute()
    const write = (name: string, content: string | Buffer) => {
      const file = path.join(tmp, name)
      fs.writeFileSync(file, content)
      return file
    }
    const importFile = (file: string) => importCrimeFile(t.store.db, t.store.dialect, file)
    /** Imports `file` a second time: the same rows are refused for the same reasons, and nothing stored changes. */
    async function expectIdempotent(file: string, month: string) {
      const before = await monthRows(month)
      const first = await importFile(file)
      const again = await importFile(file)
      expect(again.rejected).toEqual(first.rejected)
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: again.read - again.rejected.length })
      expect(await monthRows(month)).toEqual(before)
    }
    /** A refused file stores nothing and says so at line 1; a second try does the same. */
    async function expectRefused(file: string, reason: RegExp) {
      const total = await countAll(t.store)
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const report = await importFile(file)
        expect(report.rejected).toEqual([{ line: 1, message: expect.stringMatching(reason) }])
        expect(report.rejected[0]!.message).toMatch(/nothing was imported from this file$/)
        expect(report).toMatchObject({ read: 0, added: 0, upserted: 0 })
      }
      expect(await countAll(t.store)).toBe(total)
    }

    it('accepts a UTF-8 byte-order mark and Windows line endings: the same crimes as the plain file', async () => {
      const plain = write('plain.csv', [header, ...rows('2018-01', 20), ''].join('\n'))
      expect(await importFile(plain)).toMatchObject({ read: 20, added: 20, rejected: [] })
      const stored = await monthRows('2018-01')
      const bom = write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([header, ...rows('2018-01', 20), ''].join('\r\n'))]))
      expect(await importFile(bom)).toMatchObject({ read: 20, added: 0, unchanged: 20, rejected: [] })
      expect(await monthRows('2018-01')).toEqual(stored)
      expect(stored.some((r) => r.location.endsWith('\r') || (r.outcome ?? '').endsWith('\r'))).toBe(false)
    })

    it('keeps the whole rows of a file cut short in the middle of a line, and says the file ends mid-line', async () => {
      const good = rows('2018-02', 5)
      const file = write('cut.csv', [header, ...good, good[0]!.slice(0, 40)].join('\n'))
      const report = await importFile(file)
      expect(report.rejected).toEqual([{ line: 7, message: expect.stringMatching(/^the file ends in the middle of this line \(cut short\?\): expected 12 columns, found \d$/) }])
      expect(report).toMatchObject({ read: 6, added: 5 })
      expect(await monthCount('2018-02')).toBe(5)
      await expectIdempotent(file, '2018-02')
    })

    it('keeps the whole rows of a file cut short inside a quoted field', async () => {
      const good = rows('2018-03', 4)
      const file = write('cut-quote.csv', [header, ...good, ',2018-03,Example Police,Example Police,-0.1,51.5,"On or near Parking Ar'].join('\n'))
      const report = await importFile(file)
      expect(report.rejected).toEqual([{ line: 6, message: expect.stringMatching(/^the file ends in the middle of this line \(cut short\?\): unreadable CSV: Quote Not Closed/) }])
      expect(await monthCount('2018-03')).toBe(4)
      await expectIdempotent(file, '2018-03')
    })

    it('refuses rows in Latin-1 or Windows-1252, naming the byte, never storing them garbled, and keeps the UTF-8 rows', async () => {
      const good = rows('2018-04', 4)
      const row = (location: string) => `,2018-04,Example Police,Example Police,-0.1,51.5,${location},E01000001,Example 001A,Burglary,,`
      const file = write('latin1.csv', Buffer.concat([
        Buffer.from([header, good[0], good[1], ''].join('\n')),
        Buffer.from(`${row('On or near Café Street')}\n`, 'latin1'), // line 4: é is 0xE9
        Buffer.from([good[2], ''].join('\n')),
        Buffer.from(`${row('On or near St Mary\u2019s Way').replace('\u2019', '\x92')}\n`, 'latin1'), // line 6: Windows-1252 ’ is 0x92
        Buffer.from(`${row('On or near Caf\u00e9 Walk')}\n${good[3]}\n`), // line 7: the same text in UTF-8 is fine
      ]))
      const report = await importFile(file)
      expect(report.rejected).toEqual([
        { line: 4, message: `not UTF-8 text (byte 0xE9 at byte ${row('On or near Café Street').indexOf('é') + 1}): the file may be Latin-1 or Windows-1252; save it as UTF-8` },
        { line: 6, message: expect.stringMatching(`^not UTF-8 text \\(byte 0x92 at byte ${row('On or near St Mary’s Way').indexOf('’') + 1}\\)`) },
      ])
      expect(report).toMatchObject({ read: 7, added: 5 })
      const locations = (await monthRows('2018-04')).map((r) => r.location)
      expect(locations).toContain('On or near Café Walk')
      expect(locations.some((l) => l.includes('\uFFFD'))).toBe(false)
      await expectIdempotent(file, '2018-04')
    })

    it('refuses a UTF-16 file whole, at line 1', async () => {
      const text = [header, ...rows('2018-05', 5), ''].join('\r\n')
      await expectRefused(write('utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), /^the file is UTF-16 \(little-endian byte-order mark FF FE\), not UTF-8: save it as UTF-8/)
      const bigEndian = Buffer.from(text, 'utf16le').swap16()
      await expectRefused(write('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian])), /^the file is UTF-16 \(big-endian/)
      // Without a byte-order mark, UTF-16 is full of NUL bytes.
      await expectRefused(write('utf16-nobom.csv', Buffer.from(text, 'utf16le')), /^the file is binary, not text \(a NUL byte at offset 1;/)
    })

    it('refuses a file whose header is wrong, naming the column, and imports none of its rows', async () => {
      const columns = header.split(',')
      const good = rows('2018-06', 5)
      const dropLast = (line: string) => line.split(',').slice(0, -1).join(',')
      await expectRefused(write('missing.csv', [columns.slice(0, -1).join(','), ...good.map(dropLast), ''].join('\n')), /^not a police.uk street-level file: missing column "Context" \(the header must be Crime ID,Month,/)
      await expectRefused(write('renamed.csv', [header.replace('Crime type', 'Crime category'), ...good, ''].join('\n')),
        /^not a police.uk street-level file: missing column "Crime type"; unexpected column "Crime category"/)
      await expectRefused(write('extra.csv', [`${header},Officer notes`, ...good.map((l) => `${l},see file`), ''].join('\n')), /unexpected column "Officer notes"/)
      await expectRefused(write('reordered.csv', [[columns[1], columns[0], ...columns.slice(2)].join(','), ...good, ''].join('\n')), /its columns are repeated or in another order/)
      await expectRefused(write('people.csv', 'id,surname,forenames,dob\nP1,Smith,John,1980-01-01\n'), /none of its columns is a police.uk column/)
      expect(await monthCount('2018-06')).toBe(0)
    })

    it('keeps the first of a Crime ID repeated in the file, and a stored crime over a clashing row', async () => {
      const row = (id: string, category: string, outcome: string) =>
        `${id},2018-07,Example Police,Example Police,-0.1,51.5,On or near Test Street,E01000001,Example 001A,${category},${outcome},`
      const first = write('ids-1.csv', [header, row('id-a', 'Burglary', 'Under investigation'), row('id-b', 'Robbery', ''), row('id-a', 'Burglary', 'Court result unavailable'), ''].join('\n'))
      const report = await importFile(first)
      expect(report.rejected).toEqual([{ line: 4, message: 'Crime ID id-a already appeared on line 2; the first is kept' }])
      expect(report).toMatchObject({ read: 3, added: 2 })
      await expectIdempotent(first, '2018-07')
      // Another file reusing id-b for another crime: the stored crime stays, the clash is reported, the rest load.
      const second = write('ids-2.csv', [header, row('id-c', 'Drugs', ''), row('id-b', 'Shoplifting', 'Offender fined'), row('id-a', 'Burglary', 'Offender fined'), ''].join('\n'))
      const clash = await importFile(second)
      expect(clash.rejected).toEqual([{ line: 3, message: 'Crime ID id-b is already stored as robbery in 2018-07, not shoplifting in 2018-07: the stored crime is kept' }])
      expect(clash).toMatchObject({ read: 3, added: 1, updated: 1, unchanged: 0 })
      expect((await monthRows('2018-07')).map((r) => [r.crimeId, r.category, r.outcome])).toEqual([
        ['id-a', 'burglary', 'Offender fined'], ['id-b', 'robbery', null], ['id-c', 'drugs', null],
      ])
      await expectIdempotent(second, '2018-07')
    })

    it('skips a 5 MB line as it streams past, with its size, and keeps the lines after it', async () => {
      const good = rows('2018-08', 4)
      const huge = `,2018-08,Example Police,Example Police,-0.1,51.5,${'x'.repeat(5 * 1024 * 1024)},E01000001,Example 001A,Burglary,,`
      const file = write('huge.csv', [header, good[0], huge, good[1], good[2], good[3], ''].join('\n'))
      const report = await importFile(file)
      expect(report.rejected).toEqual([{ line: 3, message: `line is ${Buffer.byteLength(huge).toLocaleString('en-GB')} bytes long, over the limit of 8,192: skipped` }])
      expect(report).toMatchObject({ read: 5, added: 4 })
      expect(Math.max(...(await monthRows('2018-08')).map((r) => r.location.length))).toBeLessThan(100)
      await expectIdempotent(file, '2018-08')
    })

    it('refuses an empty file, and reads a header alone as no crimes', async () => {
      await expectRefused(write('empty.csv', ''), /^the file is empty \(not even a header line\)/)
      expect(await importFile(write('header-only.csv', `${header}\n`))).toMatchObject({ read: 0, added: 0, rejected: [] })
    })

    it('refuses binary garbage whole, and past the first block a NUL byte costs only its own row', async () => {
      // Deterministic noise (a linear congruential generator), with the NUL bytes any binary file has.
      let x = 12345
      const noise = Buffer.from(Buffer.alloc(64 * 1024, 0).map(() => (x = (x * 1103515245 + 12345) % 2 ** 31) >> 23))
      await expectRefused(write('garbage.csv', noise), /^the file is binary, not text \(a NUL byte at offset \d+;/)
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise.subarray(0, 1024)])
      await expectRefused(write('photo.csv', png), /^the (file is binary|header line cannot be read)/)
      // Past the first 8 KB (where a NUL byte marks the whole file as binary) a NUL byte costs its own line.
      const good = rows('2018-09', 80)
      const nulLine = `${good[70]!.slice(0, 10)}\0${good[70]!.slice(10)}`
      const nulRow = write('nul-row.csv', [header, ...good.slice(0, 70), nulLine, ...good.slice(71), ''].join('\n'))
      expect(Buffer.byteLength([header, ...good.slice(0, 70)].join('\n'))).toBeGreaterThan(8192)
      const report = await importFile(nulRow)
      expect(report.rejected).toEqual([{ line: 72, message: 'a NUL byte at byte 11: binary data, not text' }])
      expect(report).toMatchObject({ read: 80, added: 79 })
      expect(await monthCount('2018-09')).toBe(79)
      await expectIdempotent(nulRow, '2018-09')
    })
  })
})
