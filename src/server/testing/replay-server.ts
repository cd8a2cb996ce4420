/**
 * A real Kestrel server for tests that need a process they can kill (the outbox replay test,
 * src/client/lib/note-replay.test.ts): on the SQLite file at DATABASE_PATH, the first start
 * migrates and adds officers 1001 and 1002 (password `kestrel-demo`), every start
 * listens on PORT as `npm run serve` does. Killing it at any moment is part of the test.
 *
 *   DATABASE_PATH=/tmp/x/kestrel.db PORT=9123 node --import tsx src/server/testing/replay-server.ts
 */
import { loadConfig } from '../config.ts'
import { startServer } from '../main.ts'
import { migrateToLatest, openStore } from '../store/db.ts'
import argon2 from 'argon2'

const config = { ...loadConfig({ ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1' }), logLevel: 'silent' }
const store = openStore(config.store)
await migrateToLatest(store)
if (!(await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst())) {
  // A cheap argon2id hash, as the test accounts in testing/app.ts have.
  const passwordHash = await argon2.hash('kestrel-demo', { memoryCost: 4096, timeCost: 1, parallelism: 1 })
  await store.db.insertInto('areas').values({ id: 'test-area', name: 'Test Area', boundary: '[]' }).execute()
  await store.db.insertInto('users').values(['1001', '1002'].map((collarNumber) => ({
    collarNumber, name: `PC Replay ${collarNumber}`, role: 'officer' as const, areaId: 'test-area', passwordHash, isDemo: 1, lockedUntil: null, createdAt: new Date().toISOString(),
  }))).execute()
}
await store.destroy()
await startServer(config)
