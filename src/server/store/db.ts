/**
 * Opens the store: SQLite through better-sqlite3 (a file, WAL mode) by default, PostgreSQL when a
 * URL is configured. Both run the same Kysely migrations and queries.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { LRUCache } from 'lru-cache'
import pg from 'pg'
import {
  CamelCasePlugin, CompiledQuery, Kysely, Migrator, PostgresDialect, PostgresIntrospector, SqliteDialect, SqliteDriver, sql,
  DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE,
  type DatabaseConnection, type DatabaseIntrospector, type DatabaseMetadataOptions, type Driver, type MigrationProvider,
  type SqliteDialectConfig, type TableMetadata,
} from 'kysely'
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
    // Reads through memory-mapped pages instead of copying each page: a person check reads
    // thousands of index rows, and this cut the candidate query's time by a third (bench/checks.ts).
    sqlite.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`)
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] })
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
  // A connection cut while a request holds it (a database restart) fails that request's query;
  // without a listener of its own, the client's 'error' event would also end the process.
  pool.on('connect', (client) => client.on('error', () => {}))
  // No connection to be had (the database restarting, or refusing connections) is "unavailable",
  // which requests answer with 503, never a 500.
  const connections = {
    connect: () => pool.connect().catch((error: unknown) => { throw new DatabaseUnavailableError(error) }),
    end: () => pool.end(),
  }
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool: connections }), plugins: [new CamelCasePlugin()] })
  return { db, dialect: 'postgres', schema: config.schema, location: `${url.hostname}:${url.port || 5432}${url.pathname}`, destroy: () => db.destroy() }
}

/**
 * PostgreSQL with introspection limited to the connection's own schema (its search_path). Kysely's
 * own lists every table of every schema, and the migrator asks it whether its tables exist: that
 * read fails with "schema … does not exist" when another schema is dropped while it runs (a test
 * dropping its schema, a force's instance removed from a shared database), so one store's
 * migration failed on another's cleanup.
 */
class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db)
  }
}

class CurrentSchemaIntrospector extends PostgresIntrospector {
  readonly #db: Kysely<unknown>
  constructor(db: Kysely<unknown>) {
    super(db)
    this.#db = db
  }

  /** The current schema's tables and views, by name (the migrator needs no more; no columns). */
  override async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; type: string }>`
      select table_name as name, table_schema as schema, table_type as type
      from information_schema.tables where table_schema = current_schema()`.execute(this.#db)
    return rows
      .filter((r) => options.withInternalKyselyTables || (r.name !== DEFAULT_MIGRATION_TABLE && r.name !== DEFAULT_MIGRATION_LOCK_TABLE))
      .map((r) => ({ name: r.name, schema: r.schema, isView: r.type === 'VIEW', columns: [] }))
  }
}

/**
 * SQLite transactions that take the write lock when they begin (`begin immediate`), not at their
 * first write. Another process may write to the file meanwhile (the import command while the server
 * runs): a transaction that had read before that write could not write after it, and failed at once
 * (SQLITE_BUSY_SNAPSHOT) however long busy_timeout allows. Begun immediate, it waits its turn instead,
 * and reads what the other process wrote (the audit chain's last record, say). One server holds one
 * connection, whose transactions run one at a time, so this costs it nothing.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

/** The database could not be reached: a request may succeed if tried again shortly. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'DatabaseUnavailableError'
  }
}

/** PostgreSQL's codes for a connection lost or refused (class 08, the 57P0x shutdowns, too many connections). */
const unavailableCodes = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'])
/** SQLite's busy and locked, with their extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED_SHAREDCACHE...). */
const sqliteBusy = /^SQLITE_(BUSY|LOCKED)(_|$)/

/** Whether an error means the database is out of reach for now (restarting, a cut connection), not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true
  if (typeof error !== 'object' || error === null) return false
  const code = 'code' in error ? String(error.code) : ''
  if (unavailableCodes.has(code) || code.startsWith('08') || sqliteBusy.test(code)) return true
  // node-postgres reports a connection that dies under a query by message only.
  return error instanceof Error && /^Connection terminated|is not queryable/.test(error.message)
}

/** How much of the database file SQLite may map into memory (address space, not RAM). */
const SQLITE_MMAP_BYTES = 2 ** 31

/**
 * Kysely prepares every query's SQL afresh; keeping the most recent statements prepared saves that
 * work on the hot paths (checks, sync, events). A statement still being iterated (a streamed
 * query) is busy, so a second use of the same SQL meanwhile gets a statement of its own.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new LRUCache<string, SQLite.Statement>({ max: 500 })
  return {
    close: () => { sqlite.close() },
    prepare(sqlText: string) {
      const cached = statements.get(sqlText)
      if (cached && !cached.busy) return cached
      const statement = sqlite.prepare(sqlText)
      if (!cached) statements.set(sqlText, statement)
      return statement
    },
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Kestrel's migrations over `store`. */
export function migratorFor(store: Store): Migrator {
  // Naming the schema matters on PostgreSQL: Kysely looks for its migration tables in every schema.
  return new Migrator({ db: store.db, provider, ...(store.schema ? { migrationTableSchema: store.schema } : {}) })
}

export async function migrateToLatest(store: Store): Promise<void> {
  const { error, results } = await migratorFor(store).migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  await ensureMatchKeysCurrent(store.db, (line) => console.log(`Kestrel: ${line}`))
}
