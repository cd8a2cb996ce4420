/**
 * `npm run import -- people FILE.jsonl` and `npm run import -- crimes FILE.csv ...` (data.police.uk
 * street-level files; a summary per month and category follows each file): loads files into the
 * database the server uses (the same DATABASE_URL / DATABASE_PATH settings). Prints a summary and
 * each rejected line as FILE:LINE: reason (a file refused whole, for its encoding, header or
 * layout, is one such line saying nothing was imported from it); exits 1 when any line was
 * rejected, 2 when a file is missing or the database failed.
 */
import fs from 'node:fs'
import { storeConfigFrom } from '../config.ts'
import { crimeSummaryLines, importCrimeFile } from '../importers/crimes.ts'
import { importPeopleFile, type ImportReport } from '../importers/people.ts'
import { migrateToLatest, openStore } from '../store/db.ts'

type Importer = (store: ReturnType<typeof openStore>, file: string) => Promise<ImportReport & { summary?: string[] }>
const importers: Record<string, Importer> = {
  people: async (store, file) => {
    const report = await importPeopleFile(store.db, store.dialect, file)
    return { ...report, summary: [`  ${report.unchanged} already stored as they are`] }
  },
  crimes: async (store, file) => {
    const report = await importCrimeFile(store.db, store.dialect, file)
    return { ...report, summary: crimeSummaryLines(report) }
  },
}

const [kind, ...files] = process.argv.slice(2)
const importer = kind ? importers[kind] : undefined
if (!importer || files.length === 0) {
  console.error(`usage: npm run import -- <${Object.keys(importers).join('|')}> FILE [FILE ...]`)
  process.exit(2)
}
for (const file of files) {
  if (!fs.existsSync(file)) {
    console.error(`${file}: no such file`)
    process.exit(2)
  }
}

const store = openStore(storeConfigFrom())
let rejected = 0
try {
  await migrateToLatest(store)
  for (const file of files) {
    const report = await importer(store, file)
    rejected += report.rejected.length
    console.log(`${file}: ${report.read} lines read, ${report.upserted} ${kind} upserted, ${report.rejected.length} rejected`)
    for (const line of report.summary ?? []) console.log(line)
    for (const r of report.rejected) console.log(`  ${file}:${r.line}: ${r.message}`)
  }
} catch (error) {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 2
} finally {
  await store.destroy()
}
if (rejected > 0 && !process.exitCode) process.exitCode = 1
