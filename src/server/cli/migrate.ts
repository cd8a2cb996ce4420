/** `npm run migrate`: bring the configured database's schema up to date. */
import { storeConfigFrom } from '../config.ts'
import { migrateToLatest, openStore } from '../store/db.ts'

const store = openStore(storeConfigFrom())
try {
  await migrateToLatest(store)
  console.log(`Migrated ${store.dialect} database at ${store.location}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
} finally {
  await store.destroy()
}
