/**
 * Writing crimes: one path for every source (the police.uk importer, the demo seed, the benchmark).
 *
 * Idempotency. A crime's `id` is its dedupe key. With a police.uk Crime ID it is that ID. Without one
 * (anti-social behaviour, and files whose IDs were stripped) it is a hash of what the row says about
 * the crime (month, day, reporting force, coordinates, snap-point location, LSOA code, category)
 * plus the row's occurrence of that hash within its file: the third identical row in a file is
 * occurrence 2. The key never depends on the file's name or on row order between different rows, so
 * re-importing a file, or a renamed copy, finds every row already stored, while genuinely repeated
 * rows (two thefts at one snap point in a month) are all counted. The outcome is left out of the
 * hash on purpose: police.uk republishes crimes with updated outcomes, and such a row must update the
 * stored crime, not add a second one.
 *
 * Cells: each crime gets its H3 cell at resolution 9 as it is written (null without coordinates),
 * and `crime_cell_counts` (the monthly trend rollup) gains it in the same transaction. Whoever
 * deletes crimes calls `rebuildCrimeCellCounts` afterwards (the demo wipe does).
 */
import { createHash } from 'node:crypto'
import { latLngToCell } from 'h3-js'
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import { storedResolution } from '../../shared/trends/cells.ts'
import { lockChangeLog, recordChanges } from './changes.ts'
import type { DialectName } from './dialect.ts'
import type { CrimeTable, Database } from './schema.ts'

/** A crime as a source gives it, before it has a key. */
export type CrimeRecord = {
  source: string
  /** the police.uk Crime ID, or null */
  crimeId: string | null
  month: string
  /** YYYY-MM-DD for day-precision data (then precision is 'day'), else null */
  date: string | null
  category: string
  lat: number | null
  lng: number | null
  location: string
  lsoaCode: string | null
  lsoaName: string | null
  outcome: string | null
  /** the force that reported it ("Reported by") */
  force: string | null
}

export type KeyedCrime = CrimeRecord & { id: string }
export type CrimeWriteResult = {
  added: number
  updated: number
  unchanged: number
  /** crimes whose key is stored with another month or category: left as stored, and why */
  conflicts: { id: string; message: string }[]
}

const rowsPerStatement = 1000

/** The file-independent part of a crime's key: its Crime ID, or a hash of the row. */
export function crimeKey(r: CrimeRecord): string {
  if (r.crimeId) return `c:${r.crimeId}`
  const coordinate = (x: number | null) => (x === null ? '' : String(x))
  const fields = [r.month, r.date ?? '', r.force ?? '', coordinate(r.lng), coordinate(r.lat), r.location, r.lsoaCode ?? '', r.category]
  return `h:${createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 22)}`
}

/**
 * Gives each record of one file (or one batch of generated data) its id. Keep one keyer per file:
 * it counts the occurrences of each hash across the file's batches.
 */
export function createCrimeKeyer(): (record: CrimeRecord) => KeyedCrime {
  const seen = new Map<string, number>()
  return (record) => {
    const key = crimeKey(record)
    if (record.crimeId) return { ...record, id: key }
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    return { ...record, id: `${key}:${occurrence}` }
  }
}

function row(c: KeyedCrime): Insertable<CrimeTable> {
  const located = c.lat !== null && c.lng !== null
  return {
    id: c.id,
    source: c.source,
    crimeId: c.crimeId,
    month: c.month,
    date: c.date,
    precision: c.date ? 'day' : 'month',
    category: c.category,
    lat: located ? c.lat : null,
    lng: located ? c.lng : null,
    cell: located ? latLngToCell(c.lat!, c.lng!, storedResolution) : null,
    location: c.location,
    lsoaCode: c.lsoaCode,
    lsoaName: c.lsoaName,
    outcome: c.outcome,
    force: c.force,
  }
}

/**
 * Stores keyed crimes: new keys are inserted, known keys whose outcome changed are updated, the rest
 * are left alone. Returns how many of each. A Crime ID already stored with another month or
 * category is not the same crime republished but a clash (a reused or mistyped ID): the stored crime
 * is kept and the clash returned, so the trends never move a crime between months or categories.
 */
export async function insertCrimes(db: Kysely<Database>, dialect: DialectName, crimes: readonly KeyedCrime[]): Promise<CrimeWriteResult> {
  const result: CrimeWriteResult = { added: 0, updated: 0, unchanged: 0, conflicts: [] }
  // A Crime ID repeated within the input is one crime: the last row wins.
  const byId = new Map(crimes.map((c) => [c.id, c]))
  const unique = [...byId.values()]
  result.unchanged += crimes.length - unique.length
  for (let start = 0; start < unique.length; start += rowsPerStatement) {
    const batch = unique.slice(start, start + rowsPerStatement)
    await db.transaction().execute(async (trx) => {
      // Two imports at once would both find a key missing; on PostgreSQL they take turns (SQLite has one writer).
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7306)`.execute(trx)
      const stored = new Map((await trx.selectFrom('crimes').select(['id', 'outcome', 'month', 'category']).where('id', 'in', batch.map((c) => c.id)).execute())
        .map((s) => [s.id, s]))
      const fresh = batch.filter((c) => !stored.has(c.id)).map(row)
      if (fresh.length > 0) {
        await trx.insertInto('crimes').values(fresh).execute()
        await addCellCounts(trx, fresh)
      }
      result.added += fresh.length
      for (const c of batch) {
        const known = stored.get(c.id)
        if (!known) continue
        if (known.month !== c.month || known.category !== c.category) {
          result.conflicts.push({
            id: c.id,
            message: `Crime ID ${c.crimeId ?? c.id} is already stored as ${known.category} in ${known.month}, not ${c.category} in ${c.month}: the stored crime is kept`,
          })
        } else if (known.outcome === c.outcome) {
          result.unchanged += 1
        } else {
          await trx.updateTable('crimes').set({ outcome: c.outcome }).where('id', '=', c.id).execute()
          result.updated += 1
        }
      }
    })
  }
  return result
}

/** Adds newly stored crimes to the monthly rollup. */
async function addCellCounts(trx: Transaction<Database>, rows: readonly Insertable<CrimeTable>[]): Promise<void> {
  const counts = new Map<string, { category: string; month: string; cell: string; n: number }>()
  const add = (category: string, month: string, cell: string) => {
    const key = `${category} ${month} ${cell}`
    const entry = counts.get(key)
    if (entry) entry.n += 1
    else counts.set(key, { category, month, cell, n: 1 })
  }
  for (const r of rows) {
    if (!r.cell) continue
    add(r.category, r.month, r.cell)
    add('*', r.month, r.cell)
  }
  const values = [...counts.values()]
  for (let i = 0; i < values.length; i += rowsPerStatement) {
    await trx.insertInto('crimeCellCounts').values(values.slice(i, i + rowsPerStatement))
      .onConflict((oc) => oc.columns(['category', 'month', 'cell']).doUpdateSet((eb) => ({ n: eb(eb.ref('crimeCellCounts.n'), '+', eb.ref('excluded.n')) })))
      .execute()
  }
}

/** Recounts the monthly rollup from the crimes stored, after crimes were deleted. */
export async function rebuildCrimeCellCounts(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('crimeCellCounts').execute()
    await sql`insert into crime_cell_counts (category, month, cell, n)
      select category, month, cell, count(*) from crimes where cell is not null group by category, month, cell
      union all
      select '*', month, cell, count(*) from crimes where cell is not null group by month, cell`.execute(trx)
  })
}

/** One change-log entry telling devices to refresh their trend cells at the next sync. */
export async function noteCrimeTrendsChanged(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockChangeLog(trx, dialect)
    await recordChanges(trx, 'crime_trends', ['latest'])
  })
}

/** Keys, stores and announces a complete set of crimes in one go (the demo seed's path). */
export async function storeCrimes(db: Kysely<Database>, dialect: DialectName, records: readonly CrimeRecord[]): Promise<CrimeWriteResult> {
  const key = createCrimeKeyer()
  const result = await insertCrimes(db, dialect, records.map(key))
  if (result.added + result.updated > 0) await noteCrimeTrendsChanged(db, dialect)
  return result
}
