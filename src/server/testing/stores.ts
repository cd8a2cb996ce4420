/**
 * Real stores for tests: a fresh SQLite file in a temporary folder always, and a fresh PostgreSQL
 * schema whenever TEST_DATABASE_URL is set. `forEachStore` runs a suite once per store, so every
 * store test proves the same behaviour on both databases.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe } from 'vitest'
import type { StoreConfig } from '../config.ts'
import { migrateToLatest, openStore, type Store } from '../store/db.ts'

export type TestStore = { store: Store; config: StoreConfig; cleanup(): Promise<void> }

export const storeKinds = (): ('sqlite' | 'postgres')[] => (process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'])

export async function createTestStore(kind: 'sqlite' | 'postgres'): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-test-'))
    const config: StoreConfig = { kind: 'sqlite', path: path.join(dir, 'kestrel.db') }
    const store = openStore(config)
    await migrateToLatest(store)
    return {
      store,
      config,
      cleanup: async () => {
        await store.destroy().catch(() => {})
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const config: StoreConfig = { kind: 'postgres', url, schema }
  const store = openStore(config)
  await migrateToLatest(store)
  return {
    store,
    config,
    cleanup: async () => {
      await store.destroy().catch(() => {})
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    },
  }
}

/** Runs `suite` once for each available store kind, named after it. */
export function forEachStore(name: string, suite: (kind: 'sqlite' | 'postgres') => void) {
  for (const kind of storeKinds()) describe(`${name} [${kind}]`, () => suite(kind))
}
