/**
 * The people importer: JSON lines from a force's records system (a nightly extract), upserted by
 * `id`, which is the person's identifier everywhere in the API. Each line is checked on its own: a
 * bad line is reported with its number and skipped, good lines are kept. A person stored exactly as
 * the line says is left alone (no change-log entry, so devices download nothing), which makes a
 * re-import change nothing. A file that is not JSON lines at all (UTF-16, binary, a CSV, a JSON
 * array, an empty file) is refused whole before anything is stored. Lines are read by
 * `readFileLines` (strict UTF-8, at most 1 MiB a line). The demo seed loads its people through the
 * same `upsertPeople`.
 */
import { z } from 'zod'
import type { Kysely } from 'kysely'
import { lockChangeLog, recordChanges } from '../store/changes.ts'
import { readFileLines, UnreadableFileError } from './lines.ts'
import { replaceMatchKeys } from '../store/match-keys.ts'
import type { DialectName } from '../store/dialect.ts'
import type { Database } from '../store/schema.ts'

const date = z.iso.date()
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** Text stored as given: NUL cannot be stored in PostgreSQL, and an unpaired surrogate would be stored as U+FFFD. */
const text = (max: number) => z.string().max(max)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL (\\u0000)')
  .refine((s) => !unpairedSurrogate.test(s), 'holds an unpaired UTF-16 surrogate (a broken \\uD800-\\uDFFF escape)')
const name = text(100).trim().min(1)

export const personImportSchema = z.strictObject({
  id: text(64).trim().min(1),
  surname: name,
  forenames: name,
  dob: date,
  aliases: z.array(z.strictObject({ surname: name, forenames: name })).max(50).optional(),
  sex: z.enum(['M', 'F', 'X', 'U']).optional(),
  description: z.strictObject({
    heightCm: z.number().int().min(50).max(250).optional(),
    build: text(50).optional(),
    hair: text(50).optional(),
    eyes: text(50).optional(),
    marks: z.array(text(200)).max(50).optional(),
  }).optional(),
  warningMarkers: z.array(text(10)).max(30).optional(),
  areaId: text(64).nullable().optional(),
  addressId: text(64).nullable().optional(),
})
export type PersonImport = z.infer<typeof personImportSchema>

export type ImportReport = { read: number; upserted: number; rejected: { line: number; message: string }[] }
export type PeopleImportReport = ImportReport & {
  /** good lines whose person was already stored exactly so */
  unchanged: number
}

/** Longest line read: a person with every field full is under 40 KB. */
export const maxPersonLineBytes = 1024 * 1024
const BATCH = 500

type PersonRow = ReturnType<typeof personRow>
function personRow(p: PersonImport & { photoMediaId?: string | null }, now: string) {
  return {
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
  }
}
/** The columns an import sets (not the photo, which only the seed sets, nor the time). */
const importedColumns = ['surname', 'forenames', 'dob', 'sex', 'description', 'aliases', 'warningMarkers', 'areaId', 'addressId'] as const

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
    const rows = batch.map((p) => personRow(p, now))
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
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'not valid JSON' }
  }
  const parsed = personImportSchema.safeParse(value)
  return parsed.success ? { ok: true, person: parsed.data } : { ok: false, message: describeIssues(parsed.error) }
}

const nothingImported = 'nothing was imported from this file'
const cutShort = 'the file ends in the middle of this line (cut short?)'

/** The people of `batch` that are not stored exactly as given. */
async function changedPeople(db: Kysely<Database>, batch: PersonImport[]): Promise<PersonImport[]> {
  const stored = new Map((await db.selectFrom('people').select(['id', ...importedColumns]).where('id', 'in', batch.map((p) => p.id)).execute())
    .map((r) => [r.id, r]))
  return batch.filter((p) => {
    const known = stored.get(p.id)
    const wanted: PersonRow = personRow(p, '')
    return !known || importedColumns.some((column) => known[column] !== wanted[column])
  })
}

export async function importPeopleFile(db: Kysely<Database>, dialect: DialectName, file: string): Promise<PeopleImportReport> {
  const report: PeopleImportReport = { read: 0, upserted: 0, unchanged: 0, rejected: [] }
  const refuse = (line: number, message: string) => {
    report.rejected.push({ line, message: `${message}; ${nothingImported}` })
    return report
  }
  let batch: PersonImport[] = []
  const seen = new Map<string, number>()
  const flush = async () => {
    if (batch.length === 0) return
    const changed = await changedPeople(db, batch)
    await upsertPeople(db, dialect, changed)
    report.upserted += changed.length
    report.unchanged += batch.length - changed.length
    batch = []
  }
  let started = false
  try {
    for await (const line of readFileLines(file, { maxBytes: maxPersonLineBytes })) {
      if ('text' in line && line.text.trim() === '') continue
      if (!started) {
        // A file whose first line is no JSON object is not JSON lines (a CSV, a JSON array, another format): refuse it whole.
        if ('problem' in line) return refuse(line.number, `the first line cannot be read: ${line.problem}`)
        const first = line.text.trim()
        if (first.startsWith('[')) return refuse(line.number, 'the file is a JSON array, not JSON lines (one JSON object on each line)')
        if (!first.startsWith('{')) return refuse(line.number, 'not a JSON lines file: the first line is not a JSON object (each line must be one)')
        started = true
      }
      report.read += 1
      // A line that cannot be read and is the file's last, with no line break, was most likely cut short.
      const reject = (message: string) => report.rejected.push({ line: line.number, message: line.unterminated ? `${cutShort}: ${message}` : message })
      if ('problem' in line) {
        reject(line.problem)
        continue
      }
      const result = parsePersonLine(line.text.trim())
      if (!result.ok) {
        reject(result.message)
        continue
      }
      const earlier = seen.get(result.person.id)
      if (earlier !== undefined) {
        report.rejected.push({ line: line.number, message: `id ${result.person.id} already appeared on line ${earlier}; the first is kept` })
        continue
      }
      seen.set(result.person.id, line.number)
      batch.push(result.person)
      if (batch.length >= BATCH) await flush()
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) return refuse(1, error.message)
    throw error
  }
  if (!started) return refuse(1, 'the file is empty')
  await flush()
  return report
}
