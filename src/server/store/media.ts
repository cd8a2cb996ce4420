/**
 * Photos and documents. Each file carries a content version (the start of its SHA-256), and the
 * package names it in the file's URL (`/api/media/:id?v=<version>`). A device caches files by URL
 * for days, so a file that changes must change its URL: then the next delta names the new URL, the
 * device downloads it, and its copy of the old version is dropped as no longer named. A file
 * rewritten with the same bytes (a nightly extract loaded again) keeps its URL and costs nothing.
 *
 * Writing a file records a change of the person it belongs to, in the same transaction, so the
 * person's record (with the new URL) reaches every device that holds them in exactly one delta.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { lockChangeLog, recordChanges } from './changes.ts'
import type { DialectName } from './dialect.ts'
import type { Database, MediaTable } from './schema.ts'

/** The content version of a file's bytes: 16 hex digits of their SHA-256. */
export function mediaVersion(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16)
}

/** The URL a device fetches and caches a file under; it changes whenever the file's bytes do. */
export function mediaUrl(id: string, version: string): string {
  const path = `/api/media/${encodeURIComponent(id)}`
  return version === '' ? path : `${path}?v=${version}`
}

export type MediaInput = Pick<MediaTable, 'id' | 'personId' | 'kind' | 'title' | 'contentType' | 'bytes'>

/** Adds or replaces a photo or document, and tells the devices holding its person. */
export async function putMedia(db: Kysely<Database>, dialect: DialectName, input: MediaInput, now = new Date()): Promise<void> {
  const row = { ...input, version: mediaVersion(input.bytes), createdAt: now.toISOString() }
  await db.transaction().execute(async (trx) => {
    await lockChangeLog(trx, dialect)
    const before = await trx.selectFrom('media').select(['personId', 'version', 'title', 'contentType']).where('id', '=', input.id).executeTakeFirst()
    if (before) {
      await trx.updateTable('media')
        .set({ personId: row.personId, kind: row.kind, title: row.title, contentType: row.contentType, bytes: row.bytes, version: row.version })
        .where('id', '=', input.id).execute()
    } else {
      await trx.insertInto('media').values(row).execute()
    }
    const unchanged = before !== undefined && before.personId === row.personId && before.version === row.version &&
      before.title === row.title && before.contentType === row.contentType
    if (unchanged) return
    const people = new Set([before?.personId, row.personId].filter((id): id is string => typeof id === 'string'))
    await recordChanges(trx, 'person', people)
  })
}
