/**
 * The server the end-to-end suite runs against: the real Kestrel server (`startServer`, as
 * `npm run serve` starts it) on a fresh SQLite database in a temporary directory, migrated and
 * seeded with the demo force first. Playwright starts it (playwright.config.ts `webServer`) and
 * stops it with SIGTERM; the directory is deleted as the process exits.
 *
 * Environment: PORT and HOST as for the server; E2E_SEED_SCALE (default 1) shrinks the demo force.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../src/server/config.ts'
import { importPeopleFile } from '../src/server/importers/people.ts'
import { startServer } from '../src/server/main.ts'
import { seedDemoForce } from '../src/server/seed/index.ts'
import { migrateToLatest, openStore, type Store } from '../src/server/store/db.ts'
import { hostilePeople, hostileWanted, writeHostilePeopleFile } from './hostile-data.ts'

const seedScale = Number(process.env.E2E_SEED_SCALE ?? 1)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-e2e-'))
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
process.env.DATABASE_PATH = path.join(dir, 'kestrel.db')
delete process.env.DATABASE_URL
process.env.DEMO_PASSWORD = 'kestrel-demo'
const config = loadConfig(process.env)

const store = openStore(config.store)
const started = performance.now()
await migrateToLatest(store)
await seedDemoForce(store, { demoPassword: config.demoPassword, scale: seedScale })
await addHostilePeople(store)
await store.destroy()
console.log(`e2e: seeded the demo force at scale ${seedScale} in ${Math.round(performance.now() - started)} ms`)

/** e2e/injection.spec.ts's people, through the real people importer, made wanted (see e2e/hostile-data.ts). */
async function addHostilePeople(store: Store): Promise<void> {
  const area = await store.db.selectFrom('areas').select('id').orderBy('id').executeTakeFirstOrThrow()
  const file = writeHostilePeopleFile(area.id)
  const report = await importPeopleFile(store.db, store.dialect, file)
  fs.rmSync(path.dirname(file), { recursive: true, force: true })
  if (report.rejected.length > 0 || report.upserted !== hostilePeople.length) throw new Error(`e2e: the hostile people were not imported: ${JSON.stringify(report)}`)
  const now = new Date().toISOString()
  await store.db.insertInto('wanted').values(hostilePeople.map((p) => ({
    personId: p.id, priority: 1, offence: hostileWanted.offence, warrantType: null, since: now.slice(0, 10), reviewDate: now.slice(0, 10),
    harm: 1, lastKnownPlace: hostileWanted.lastKnownPlace, lastKnownLat: null, lastKnownLng: null, updatedAt: now,
  }))).execute()
}

// The database is not empty now, so startServer does not seed again.
await startServer(config)
