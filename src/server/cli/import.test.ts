/**
 * `npm run import` as an operator runs it, on a real SQLite file: each rejected line is printed as
 * FILE:LINE: reason, a file refused whole says nothing was imported from it, the good lines of the
 * other files are stored, and the exit code tells a script that something was rejected.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { openStore } from '../store/db.ts'

const run = promisify(execFile)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-import-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const databasePath = path.join(dir, 'kestrel.db')

async function importCommand(...args: string[]): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env, DATABASE_PATH: databasePath, DATABASE_URL: '' }
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/server/cli/import.ts', ...args], { env, cwd: path.resolve(import.meta.dirname, '../../..') })
    return { code: 0, stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string }
    return { code: failed.code, stdout: failed.stdout }
  }
}

const person = (id: string) => JSON.stringify({ id, surname: 'Cli', forenames: 'Test', dob: '1990-01-01' })

it('prints FILE:LINE: reason for each refused line and file, keeps the good lines, and exits 1', { timeout: 60_000 }, async () => {
  const people = path.join(dir, 'people.jsonl')
  fs.writeFileSync(people, Buffer.concat([Buffer.from(`${person('C1')}\n`), Buffer.from(`${person('C2').replace('Test', 'Zoë')}\n`, 'latin1'), Buffer.from(`${person('C3')}\n${person('C4').slice(0, 20)}`)]))
  const utf16 = path.join(dir, 'utf16.jsonl')
  fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${person('C9')}\n`, 'utf16le')]))

  const first = await importCommand('people', people, utf16)
  expect(first.code).toBe(1)
  expect(first.stdout).toContain(`${people}: 4 lines read, 2 people upserted, 2 rejected`)
  expect(first.stdout).toContain(`${people}:2: not UTF-8 text (byte 0xEB at byte 43): the file may be Latin-1 or Windows-1252; save it as UTF-8`)
  expect(first.stdout).toContain(`${people}:4: the file ends in the middle of this line (cut short?): not valid JSON`)
  expect(first.stdout).toContain(`${utf16}:1: the file is UTF-16 (little-endian byte-order mark FF FE), not UTF-8: save it as UTF-8; nothing was imported from this file`)

  const again = await importCommand('people', people)
  expect(again.code).toBe(1)
  expect(again.stdout).toContain(`${people}: 4 lines read, 0 people upserted, 2 rejected\n  2 already stored as they are`)

  const store = openStore({ kind: 'sqlite', path: databasePath })
  try {
    expect((await store.db.selectFrom('people').select('id').orderBy('id').execute()).map((p) => p.id)).toEqual(['C1', 'C3'])
  } finally {
    await store.destroy()
  }

  const crimes = path.join(dir, 'crimes.csv')
  fs.writeFileSync(crimes, 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime category,Last outcome category,Context\n')
  const refused = await importCommand('crimes', crimes)
  expect(refused.code).toBe(1)
  expect(refused.stdout).toContain(`${crimes}:1: not a police.uk street-level file: missing column "Crime type"; unexpected column "Crime category"`)
})
