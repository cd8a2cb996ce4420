/**
 * Opens the store: SQLite through better-sqlite3 (a file, WAL mode) by default, PostgreSQL when a
 * URL is configured. Both run the same Kysely migrations and queries.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely'
import type { StoreConfig } from '../config.ts'
import type { DialectName } from './dialect.ts'
import { migrations } from './migrations/index.ts'
import { ensureMatchKeysCurrent } from './match-keys.ts'
import type { Database } from './schema.ts'

export type Store = {
  db: Kysely<Database>
  dialect: DialectName
  /** A short description for logs: the file path, or the PostgreSQL host and database. */
  location: string
  /** the PostgreSQL schema the store lives in, when it is not the default */
  schema?: string
  destroy(): Promise<void>
}

export function openStore(config: StoreConfig): Store {
  if (config.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(config.path), { recursive: true })
    const sqlite = new SQLite(config.path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] })
    return { db, dialect: 'sqlite', location: config.path, destroy: () => db.destroy() }
  }
  const url = new URL(config.url)
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  })
  // A dropped connection must not crash the server; the pool replaces it on next use.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] })
  return { db, dialect: 'postgres', schema: config.schema, location: `${url.hostname}:${url.port || 5432}${url.pathname}`, destroy: () => db.destroy() }
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export async function migrateToLatest(store: Store): Promise<void> {
  // Naming the schema matters on PostgreSQL: Kysely looks for its migration tables in every schema.
  const migrator = new Migrator({ db: store.db, provider, ...(store.schema ? { migrationTableSchema: store.schema } : {}) })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  await ensureMatchKeysCurrent(store.db, (line) => console.log(`Kestrel: ${line}`))
}
