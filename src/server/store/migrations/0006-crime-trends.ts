/**
 * Crime trends: each crime's H3 cell at resolution 9 (null without coordinates; coarser cells are
 * the parents, taken at query time), the police.uk Crime ID when the file gives one, and indexes
 * that answer the trend queries from the index alone: by day then cell, and by cell for a cell's
 * breakdown. Monthly trends read `crime_cell_counts`, a rollup of located crimes per category,
 * month and cell (category '*' for all), which the crime store path keeps in step with every
 * insert: a month's trend for a million crimes reads thousands of rows, not hundreds of thousands.
 * The crime's `id` is now its dedupe key (store/crimes.ts), so re-importing a file changes nothing.
 * Crimes already stored get their cells and counts here.
 */
import { sql, type Kysely } from 'kysely'
import { latLngToCell } from 'h3-js'

const batch = 5000

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('crimes').addColumn('crime_id', 'text').execute()
  await db.schema.alterTable('crimes').addColumn('cell', 'text').execute()

  // Cells of crimes already stored: computed here, written through a scratch table in one update.
  await db.schema.createTable('crime_cells_backfill')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cell', 'text', (c) => c.notNull())
    .execute()
  let after = ''
  for (;;) {
    const { rows } = await sql<{ id: string; lat: number | null; lng: number | null }>`
      select id, lat, lng from crimes where id > ${after} order by id limit ${batch}`.execute(db)
    const cells = rows.flatMap((r) => (r.lat === null || r.lng === null ? [] : [{ id: r.id, cell: latLngToCell(r.lat, r.lng, 9) }]))
    for (let i = 0; i < cells.length; i += 500) {
      await db.insertInto('crime_cells_backfill' as never).values(cells.slice(i, i + 500) as never).execute()
    }
    const last = rows.at(-1)
    if (last === undefined || rows.length < batch) break
    after = last.id
  }
  await sql`update crimes set cell = (select b.cell from crime_cells_backfill b where b.id = crimes.id)
    where lat is not null and lng is not null`.execute(db)
  await db.schema.dropTable('crime_cells_backfill').execute()

  await db.schema.createTable('crime_cell_counts')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('crime_cell_counts_pk', ['category', 'month', 'cell'])
    .execute()
  await sql`insert into crime_cell_counts (category, month, cell, n)
    select category, month, cell, count(*) from crimes where cell is not null group by category, month, cell
    union all
    select '*', month, cell, count(*) from crimes where cell is not null group by month, cell`.execute(db)

  await db.schema.createIndex('crimes_trend_day').on('crimes').columns(['date', 'cell', 'category']).execute()
  await db.schema.createIndex('crimes_cell').on('crimes').columns(['cell', 'month', 'category']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['crimes_cell', 'crimes_trend_day']) await db.schema.dropIndex(index).execute()
  await db.schema.dropTable('crime_cell_counts').execute()
  await db.schema.alterTable('crimes').dropColumn('cell').execute()
  await db.schema.alterTable('crimes').dropColumn('crime_id').execute()
}
