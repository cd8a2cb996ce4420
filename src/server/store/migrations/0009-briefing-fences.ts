/**
 * A fence an analyst draws on a briefing item (issue 7): JSON { shape, center?, radiusM?, message,
 * activeHours? }, or null for an item that makes no fence of its own (a drawn polygon alone still
 * fences, as before). Nullable, so items already written need no backfill.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('briefing_items').addColumn('fence', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('briefing_items').dropColumn('fence').execute()
}
