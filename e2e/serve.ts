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
import { startServer } from '../src/server/main.ts'
import { seedDemoForce } from '../src/server/seed/index.ts'
import { migrateToLatest, openStore } from '../src/server/store/db.ts'

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
await store.destroy()
console.log(`e2e: seeded the demo force at scale ${seedScale} in ${Math.round(performance.now() - started)} ms`)

// The database is not empty now, so startServer does not seed again.
await startServer(config)
