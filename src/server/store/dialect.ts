/**
 * Everything that differs between SQLite and PostgreSQL lives here, so the rest of the store
 * writes one query for both.
 */
import { PostgresAdapter, type Kysely } from 'kysely'
import type { ColumnDataType, ColumnDefinitionBuilder } from 'kysely'

export type DialectName = 'sqlite' | 'postgres'

export function dialectOf(db: Kysely<unknown>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

export function columnTypes(dialect: DialectName) {
  return {
    float: (dialect === 'postgres' ? 'double precision' : 'real') as ColumnDataType,
    blob: (dialect === 'postgres' ? 'bytea' : 'blob') as ColumnDataType,
    autoId: (dialect === 'postgres' ? 'serial' : 'integer') as ColumnDataType,
    autoIdKey: (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()),
  }
}
