/**
 * `npm run seed [-- --force] [--seed N] [--scale X]`: migrates the configured store and fills it
 * with the fictional demo force. It refuses a store that already has accounts unless given --force,
 * which first deletes everything the seed writes and what its accounts made since (sessions, the
 * audit trail, briefing items; imported police.uk crime is kept). It refuses outright where demo data is not allowed
 * (production without DEMO=1), since every demo account shares one published password.
 */
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { migrateToLatest, openStore, type Store } from '../store/db.ts'
import { defaultSeed, demoAccounts, isEmpty, seedDemoForce, wipeDemoForce, type SeedSummary } from '../seed/index.ts'

const usage = `Usage: npm run seed -- [--force] [--seed N] [--scale X]
  --force     delete the existing demo force and seed again: accounts, sessions, the audit trail,
              briefing items, every intelligence record and the demo crime (imported crime is kept)
  --seed N    the random seed (default ${defaultSeed}); the same seed gives the same data
  --scale X   size relative to the full demo force (default 1; 0.05 is quick)`

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { force: { type: 'boolean', default: false }, seed: { type: 'string' }, scale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  const number = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${raw}"`)
    return value
  }
  return { force: values.force, help: values.help ?? false, seed: number('seed', values.seed, defaultSeed), scale: number('scale', values.scale, 1) }
}

function printSummary(summary: SeedSummary, seconds: string): void {
  const rows = Object.entries(summary)
  const width = Math.max(...rows.map(([table]) => table.length))
  console.log('\nRows seeded:')
  for (const [table, count] of rows) console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en-GB').padStart(7)}`)
  console.log(`Done in ${seconds} s.`)
}

function printLogins(password: string, passwordIsDefault: boolean): void {
  console.log('\nDemo sign-ins (collar number):')
  for (const { range, role, count } of demoAccounts) console.log(`  ${range.padEnd(10)} ${role} (${count})`)
  console.log(passwordIsDefault ? `Password for all of them: ${password}` : 'Password for all of them: the DEMO_PASSWORD you set.')
}

async function run(argv: string[]): Promise<void> {
  const options = parseOptions(argv)
  if (options.help) {
    console.log(usage)
    return
  }
  const config = loadConfig()
  if (!config.demoAllowed) throw new Error('demo data is disabled in production: set DEMO=1 to allow it (all demo accounts share one published password)')

  const store: Store = openStore(config.store)
  try {
    console.log(`Seeding ${store.dialect} store at ${store.location} (seed ${options.seed}, scale ${options.scale})`)
    await migrateToLatest(store)
    if (!(await isEmpty(store))) {
      if (!options.force) throw new Error('the store already has accounts, so it was left alone. Run with --force to delete the demo force and seed again.')
      console.log('--force: deleting the existing demo force')
      await wipeDemoForce(store)
    }
    const started = performance.now()
    const summary = await seedDemoForce(store, {
      seed: options.seed,
      scale: options.scale,
      demoPassword: config.demoPassword,
      log: (line) => console.log(`  ${line}`),
    })
    printSummary(summary, ((performance.now() - started) / 1000).toFixed(1))
    printLogins(config.demoPassword, process.env.DEMO_PASSWORD === undefined)
  } finally {
    await store.destroy()
  }
}

try {
  await run(process.argv.slice(2))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`seed: ${message}`)
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(usage)
    process.exitCode = 2
  } else {
    process.exitCode = 1
  }
}
