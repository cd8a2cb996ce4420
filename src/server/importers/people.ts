/**
 * The people importer: JSON lines from a force's records system (a nightly extract), upserted by
 * `id`, which is the person's identifier everywhere in the API. Each line is checked on its own: a
 * bad line is reported with its number and skipped, good lines are kept. The demo seed loads its
 * people through the same `upsertPeople`.
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { z } from 'zod'
import type { Kysely } from 'kysely'
import { lockChangeLog, recordChanges } from '../store/changes.ts'
import { replaceMatchKeys } from '../store/match-keys.ts'
import type { DialectName } from '../store/dialect.ts'
import type { Database } from '../store/schema.ts'

const date = z.iso.date()
const name = z.string().trim().min(1).max(100)

export const personImportSchema = z.strictObject({
  id: z.string().trim().min(1).max(64),
  surname: name,
  forenames: name,
  dob: date,
  aliases: z.array(z.strictObject({ surname: name, forenames: name })).max(50).optional(),
  sex: z.enum(['M', 'F', 'X', 'U']).optional(),
  description: z.strictObject({
    heightCm: z.number().int().min(50).max(250).optional(),
    build: z.string().max(50).optional(),
    hair: z.string().max(50).optional(),
    eyes: z.string().max(50).optional(),
    marks: z.array(z.string().max(200)).max(50).optional(),
  }).optional(),
  warningMarkers: z.array(z.string().max(10)).max(30).optional(),
  areaId: z.string().max(64).nullable().optional(),
  addressId: z.string().max(64).nullable().optional(),
})
export type PersonImport = z.infer<typeof personImportSchema>

export type ImportReport = { read: number; upserted: number; rejected: { line: number; message: string }[] }

const MAX_LINE = 1_000_000
const BATCH = 500

/**
 * Inserts or updates people by id and records each in the change log. `photoMediaId` is for the
 * seed, which makes photos alongside people; it is set on insert only, so re-importing a person
 * from the records system never drops their photo.
 */
export async function upsertPeople(
  db: Kysely<Database>, dialect: DialectName, people: (PersonImport & { photoMediaId?: string | null })[], now = new Date().toISOString(),
): Promise<void> {
  for (let i = 0; i < people.length; i += BATCH) {
    const batch = people.slice(i, i + BATCH)
    const rows = batch.map((p) => ({
      id: p.id,
      surname: p.surname,
      forenames: p.forenames,
      dob: p.dob,
      sex: p.sex ?? null,
      description: JSON.stringify(p.description ?? {}),
      aliases: JSON.stringify(p.aliases ?? []),
      warningMarkers: JSON.stringify(p.warningMarkers ?? []),
      areaId: p.areaId ?? null,
      addressId: p.addressId ?? null,
      photoMediaId: p.photoMediaId ?? null,
      updatedAt: now,
    }))
    await db.transaction().execute(async (trx) => {
      await lockChangeLog(trx, dialect)
      await trx.insertInto('people').values(rows).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
        surname: eb.ref('excluded.surname'),
        forenames: eb.ref('excluded.forenames'),
        dob: eb.ref('excluded.dob'),
        sex: eb.ref('excluded.sex'),
        description: eb.ref('excluded.description'),
        aliases: eb.ref('excluded.aliases'),
        warningMarkers: eb.ref('excluded.warningMarkers'),
        areaId: eb.ref('excluded.areaId'),
        addressId: eb.ref('excluded.addressId'),
        updatedAt: eb.ref('excluded.updatedAt'),
      }))).execute()
      await recordChanges(trx, 'person', rows.map((r) => r.id))
      await replaceMatchKeys(trx, batch)
    })
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')
}

/** Parses one line; returns the person or the reason it was refused. */
export function parsePersonLine(text: string): { ok: true; person: PersonImport } | { ok: false; message: string } {
  if (text.length > MAX_LINE) return { ok: false, message: `line is longer than ${MAX_LINE} characters` }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'not valid JSON' }
  }
  const parsed = personImportSchema.safeParse(value)
  return parsed.success ? { ok: true, person: parsed.data } : { ok: false, message: describeIssues(parsed.error) }
}

export async function importPeopleFile(db: Kysely<Database>, dialect: DialectName, file: string): Promise<ImportReport> {
  const report: ImportReport = { read: 0, upserted: 0, rejected: [] }
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  let batch: PersonImport[] = []
  const seen = new Map<string, number>()
  const flush = async () => {
    if (batch.length === 0) return
    await upsertPeople(db, dialect, batch)
    report.upserted += batch.length
    batch = []
  }
  let lineNumber = 0
  for await (const raw of lines) {
    lineNumber += 1
    const text = raw.replace(/^\uFEFF/, '').trim()
    if (text === '') continue
    report.read += 1
    const result = parsePersonLine(text)
    if (!result.ok) {
      report.rejected.push({ line: lineNumber, message: result.message })
      continue
    }
    const earlier = seen.get(result.person.id)
    if (earlier !== undefined) {
      report.rejected.push({ line: lineNumber, message: `id ${result.person.id} already appeared on line ${earlier}; the first is kept` })
      continue
    }
    seen.set(result.person.id, lineNumber)
    batch.push(result.person)
    if (batch.length >= BATCH) await flush()
  }
  await flush()
  return report
}
