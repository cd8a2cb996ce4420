/**
 * `npm start` and `npm run serve`: migrate the configured database, seed the demo force when it is
 * empty, listen, and print the address and the demo sign-ins. It makes no request to any outside
 * host.
 */
import { pathToFileURL } from 'node:url'
import { buildApp } from './app.ts'
import { loadConfig, type Config } from './config.ts'
import { migrateToLatest, openStore, type Store } from './store/db.ts'
import { demoAccounts } from './seed/accounts.ts'

const isEmpty = async (store: Store) => (await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) === undefined

export async function startServer(config: Config = loadConfig()) {
  const store = openStore(config.store)
  await migrateToLatest(store)
  if (!config.demoAllowed) {
    if (await isEmpty(store)) console.log('Kestrel: the database has no accounts. Demo data is not seeded in production; load your force\'s accounts and data.')
  } else if (await isEmpty(store)) {
    console.log(`Kestrel: the database is empty; seeding the demo force into ${store.location} ...`)
    // Loaded only to seed: the generator (faker, pdf-lib, sharp) costs a second of every start.
    const { seedDemoForce } = await import('./seed/index.ts')
    await seedDemoForce(store, { demoPassword: config.demoPassword, log: (line) => console.log(`  ${line}`) })
  }
  const app = await buildApp({ config, store })
  const shutdown = async () => {
    await app.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  await app.listen({ port: config.port, host: config.host })
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  console.log(`\nKestrel is running at http://${shown}:${config.port}  (database: ${store.dialect}, ${store.location})`)
  if (config.demoAllowed) {
    console.log(`Demo sign-ins (password: ${config.demoPassword === 'kestrel-demo' ? 'kestrel-demo' : 'the DEMO_PASSWORD you set'}):`)
    for (const account of demoAccounts) console.log(`  ${account.role.padEnd(10)} collar numbers ${account.range}`)
  }
  return app
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer().catch((error: unknown) => {
    console.error(`Kestrel could not start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
