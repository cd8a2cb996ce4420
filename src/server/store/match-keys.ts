/**
 * The person-check search keys in the store (`person_match_keys`), made by the shared
 * `personMatchKeys`. `upsertPeople` replaces a person's keys with every write. When the key recipe
 * changes (`MATCH_KEYS_VERSION`), `ensureMatchKeysCurrent` rebuilds them all once, at the next
 * migration, so stored keys always match what checks look up.
 */
import type { Kysely, Transaction } from 'kysely'
import { MATCH_KEYS_VERSION, personMatchKeys, storedBirthYear, type NameRecord } from '../../shared/matching/keys.ts'
import type { Database } from './schema.ts'

const BATCH = 500
const parse = <T>(text: string, fallback: T): T => { try { return JSON.parse(text) as T } catch { return fallback } }

/** Replaces the keys of these people (inside the caller's transaction). */
export async function replaceMatchKeys(trx: Transaction<Database> | Kysely<Database>, people: (NameRecord & { id: string })[]): Promise<void> {
  if (people.length === 0) return
  await trx.deleteFrom('personMatchKeys').where('personId', 'in', people.map((p) => p.id)).execute()
  const keys = people.flatMap((p) => {
    const birthYear = storedBirthYear(p.dob)
    return personMatchKeys(p).map((key) => ({ key, birthYear, personId: p.id }))
  })
  for (let i = 0; i < keys.length; i += BATCH) await trx.insertInto('personMatchKeys').values(keys.slice(i, i + BATCH)).execute()
}

/** Rebuilds every person's keys when they were made by another recipe; returns how many people. */
export async function ensureMatchKeysCurrent(db: Kysely<Database>, log: (line: string) => void = () => {}): Promise<number | null> {
  const stored = await db.selectFrom('storeMeta').select('value').where('key', '=', 'match_keys_version').executeTakeFirst()
  if (stored?.value === MATCH_KEYS_VERSION) return null
  const started = Date.now()
  let after = ''
  let people = 0
  for (;;) {
    const rows = await db.selectFrom('people').select(['id', 'surname', 'forenames', 'dob', 'aliases']).where('id', '>', after).orderBy('id').limit(2000).execute()
    if (rows.length === 0) break
    await db.transaction().execute((trx) => replaceMatchKeys(trx, rows.map((p) => ({ ...p, aliases: parse<{ surname: string; forenames: string }[]>(p.aliases, []) }))))
    people += rows.length
    after = rows.at(-1)!.id
  }
  await db.deleteFrom('storeMeta').where('key', '=', 'match_keys_version').execute()
  await db.insertInto('storeMeta').values({ key: 'match_keys_version', value: MATCH_KEYS_VERSION }).execute()
  if (people > 0) log(`person check keys rebuilt for ${people.toLocaleString('en-GB')} people in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return people
}
