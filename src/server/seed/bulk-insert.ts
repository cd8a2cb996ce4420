/**
 * Writing the seed's rows fast on both stores: one transaction per table, multi-row INSERTs in
 * chunks sized so a statement never exceeds the bind-parameter limit (SQLite's default 32,766;
 * PostgreSQL's 65,535) and stays small enough to compile quickly. Also the wipe used by
 * `npm run seed -- --force`.
 */
import type { Insertable } from 'kysely'
import { rebuildCrimeCellCounts } from '../store/crimes.ts'
import type { Store } from '../store/db.ts'
import type { Database } from '../store/schema.ts'

const parameterLimit = { sqlite: 32_766, postgres: 2_000 } as const
const rowsPerStatement = { sqlite: 500, postgres: 2_000 } as const

export async function insertRows<T extends keyof Database & string>(store: Store, table: T,
  rows: readonly Insertable<Database[T]>[]): Promise<number> {
  if (rows.length === 0) return 0
  const columns = Object.keys(rows[0]).length
  const chunk = Math.max(1, Math.min(rowsPerStatement[store.dialect], Math.floor(parameterLimit[store.dialect] / columns)))
  await store.db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += chunk) {
      await trx.insertInto(table).values(rows.slice(start, start + chunk)).execute()
    }
  })
  return rows.length
}

/**
 * Deletes the demo force: everything the seed writes, and what its accounts made since (sessions,
 * the audit trail, briefing items and their receipts, person links, the change log), so a re-seed
 * starts clean. Every device is signed out, and erases its cache, with its session.
 */
export async function wipeDemoForce(store: Store): Promise<void> {
  const tables = ['sessions', 'auditLog', 'briefingReads', 'briefingLinks', 'briefingItems', 'changes', 'users',
    'personLinks', 'media', 'contacts', 'vehicles', 'conditions', 'wanted', 'people', 'addresses', 'warningMarkerTypes',
    'areas'] as const satisfies readonly (keyof Database)[]
  await store.db.transaction().execute(async (trx) => {
    for (const table of tables) await trx.deleteFrom(table).execute()
    // Imported police.uk crime is not the seed's to delete.
    await trx.deleteFrom('crimes').where('source', '=', 'demo').execute()
  })
  await rebuildCrimeCellCounts(store.db)
}
