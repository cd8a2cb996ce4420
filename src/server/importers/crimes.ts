/**
 * The police.uk importer: data.police.uk street-level CSV files (the official 12 columns: Crime ID,
 * Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name, Crime type,
 * Last outcome category, Context), month precision. Each row is checked on its own: a malformed row
 * is reported with its file line and skipped, good rows are kept. Rows without coordinates are kept
 * and counted (they count towards totals but are never mapped). Rows go through the one crime
 * store path (store/crimes.ts), whose keys make a re-import change nothing.
 *
 * police.uk never puts a line break inside a field, so each line is parsed on its own (csv-parse,
 * for lines with quotes; a plain split otherwise): a stray quote costs its own row, where a
 * streaming parser would read the rest of the file as one open field. Lines come from
 * `readFileLines`: strict UTF-8 (a Latin-1 row is refused, never stored garbled), at most 8 KiB.
 *
 * A file is refused whole, before anything is stored, when it cannot be police.uk's: empty, UTF-16,
 * binary, or a header that is not the 12 columns (the report names the missing and unexpected
 * columns). A Crime ID repeated within a file keeps its first row; one already stored as another
 * month or category keeps the stored crime (store/crimes.ts); both are reported on their line.
 */
import { parse } from 'csv-parse/sync'
import type { Kysely } from 'kysely'
import { crimeCategoryOf } from '../../shared/domain/crime-categories.ts'
import { createCrimeKeyer, insertCrimes, noteCrimeTrendsChanged, type CrimeRecord, type KeyedCrime } from '../store/crimes.ts'
import type { DialectName } from '../store/dialect.ts'
import type { Database } from '../store/schema.ts'
import { readFileLines, UnreadableFileError } from './lines.ts'
import type { ImportReport } from './people.ts'

export const policeUkColumns = ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location',
  'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context'] as const

export type CrimeImportReport = ImportReport & {
  added: number
  /** rows of crimes already stored whose outcome changed */
  updated: number
  /** rows already stored as they are */
  unchanged: number
  /** rows kept without coordinates: counted, not mapped */
  withoutLocation: number
  /** good rows per month and category slug */
  byMonthCategory: Map<string, Map<string, number>>
}

const batchSize = 2000
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/

type Parsed = { ok: true; record: CrimeRecord } | { ok: false; message: string }

/** Reads one data row (already split into fields). */
export function parsePoliceUkRow(fields: readonly string[]): Parsed {
  if (fields.length !== policeUkColumns.length) return { ok: false, message: `expected ${policeUkColumns.length} columns, found ${fields.length}` }
  const [crimeId, month, reportedBy, , longitude, latitude, location, lsoaCode, lsoaName, crimeType, outcome] = fields.map((f) => f.trim())
  if (!monthPattern.test(month!)) return { ok: false, message: `Month "${month}" is not YYYY-MM` }
  const category = crimeCategoryOf(crimeType!)
  if (!category) return { ok: false, message: `Crime type "${crimeType}" is not a police.uk category` }
  let lat: number | null = null
  let lng: number | null = null
  if (longitude !== '' || latitude !== '') {
    lng = Number(longitude)
    lat = Number(latitude)
    if (longitude === '' || latitude === '' || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      return { ok: false, message: `Longitude "${longitude}" and Latitude "${latitude}" are not a position (leave both empty for none)` }
    }
  }
  const orNull = (s: string | undefined) => (s ? s : null)
  return {
    ok: true,
    record: {
      source: 'police.uk', crimeId: orNull(crimeId), month: month!, date: null, category, lat, lng,
      location: location || (lat === null ? 'No Location' : ''), lsoaCode: orNull(lsoaCode), lsoaName: orNull(lsoaName),
      outcome: orNull(outcome), force: orNull(reportedBy),
    },
  }
}

/** One line's fields, or why they cannot be read. */
function splitLine(line: string): { fields: string[] } | { message: string } {
  if (!line.includes('"')) return { fields: line.split(',') }
  try {
    const [fields] = parse(line, { relax_column_count: true }) as string[][]
    return { fields: fields ?? [] }
  } catch (error) {
    return { message: `unreadable CSV: ${error instanceof Error ? error.message.replace(/ at line \d+.*$/, '') : String(error)}` }
  }
}

/** Why a header line is not police.uk's, or null when it is. */
function headerProblem(fields: readonly string[]): string | null {
  const given = fields.map((f) => f.trim())
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  if (given.length === policeUkColumns.length && given.every((f, i) => same(f, policeUkColumns[i]!))) return null
  const missing = policeUkColumns.filter((c) => !given.some((f) => same(f, c)))
  const unexpected = given.filter((f) => !policeUkColumns.some((c) => same(f, c)))
  const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n.length > 40 ? `${n.slice(0, 40)}…` : n)).join(', ')
  const problems: string[] = []
  if (missing.length === policeUkColumns.length) {
    problems.push('none of its columns is a police.uk column')
  } else {
    if (missing.length > 0) problems.push(`missing ${missing.length === 1 ? 'column' : 'columns'} ${quoted(missing)}`)
    if (unexpected.length > 0) problems.push(`unexpected ${unexpected.length === 1 ? 'column' : 'columns'} ${quoted(unexpected.slice(0, 5))}`)
    if (problems.length === 0) problems.push('its columns are repeated or in another order')
  }
  return `not a police.uk street-level file: ${problems.join('; ')} (the header must be ${policeUkColumns.join(',')})`
}

/** Longest line read: police.uk rows are about 200 bytes, so anything near this is not one. */
export const maxCrimeLineBytes = 8 * 1024
const nothingImported = 'nothing was imported from this file'
const cutShort = 'the file ends in the middle of this line (cut short?)'

export async function importCrimeFile(db: Kysely<Database>, dialect: DialectName, file: string): Promise<CrimeImportReport> {
  const report: CrimeImportReport = { read: 0, upserted: 0, rejected: [], added: 0, updated: 0, unchanged: 0, withoutLocation: 0, byMonthCategory: new Map() }
  const refuse = (line: number, message: string) => {
    report.rejected.push({ line, message: `${message}; ${nothingImported}` })
    return report
  }
  const key = createCrimeKeyer()
  const crimeIdLines = new Map<string, number>()
  let batch: KeyedCrime[] = []
  let batchLines: number[] = []
  const flush = async () => {
    if (batch.length === 0) return
    const result = await insertCrimes(db, dialect, batch)
    report.added += result.added
    report.updated += result.updated
    report.unchanged += result.unchanged
    for (const conflict of result.conflicts) {
      report.rejected.push({ line: batchLines[batch.findIndex((c) => c.id === conflict.id)]!, message: conflict.message })
    }
    batch = []
    batchLines = []
  }
  let header = false
  try {
    for await (const line of readFileLines(file, { maxBytes: maxCrimeLineBytes })) {
      if (!header) {
        if ('problem' in line) return refuse(line.number, `the header line cannot be read: ${line.problem}`)
        const split = splitLine(line.text)
        const problem = 'fields' in split ? headerProblem(split.fields) : `the header is ${split.message}`
        if (problem) return refuse(line.number, problem)
        header = true
        continue
      }
      // A line that cannot be read and is the file's last, with no line break, was most likely cut short.
      const reject = (message: string) => report.rejected.push({ line: line.number, message: line.unterminated ? `${cutShort}: ${message}` : message })
      if ('text' in line && line.text.trim() === '') continue
      report.read += 1
      if ('problem' in line) {
        reject(line.problem)
        continue
      }
      const split = splitLine(line.text)
      const parsed = 'fields' in split ? parsePoliceUkRow(split.fields) : { ok: false as const, message: split.message }
      if (!parsed.ok) {
        reject(parsed.message)
        continue
      }
      const { crimeId, month, category, lat } = parsed.record
      if (crimeId) {
        const earlier = crimeIdLines.get(crimeId)
        if (earlier !== undefined) {
          report.rejected.push({ line: line.number, message: `Crime ID ${crimeId} already appeared on line ${earlier}; the first is kept` })
          continue
        }
        crimeIdLines.set(crimeId, line.number)
      }
      if (lat === null) report.withoutLocation += 1
      const categories = report.byMonthCategory.get(month) ?? new Map<string, number>()
      categories.set(category, (categories.get(category) ?? 0) + 1)
      report.byMonthCategory.set(month, categories)
      batch.push(key(parsed.record))
      batchLines.push(line.number)
      if (batch.length >= batchSize) await flush()
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) return refuse(1, error.message)
    throw error
  }
  if (!header) return refuse(1, 'the file is empty (not even a header line)')
  await flush()
  report.upserted = report.added + report.updated
  if (report.upserted > 0) await noteCrimeTrendsChanged(db, dialect)
  return report
}

/** The per-month, per-category summary the import command prints. */
export function crimeSummaryLines(report: CrimeImportReport): string[] {
  const lines = [`  ${report.added} added, ${report.updated} outcomes updated, ${report.unchanged} already stored, ${report.withoutLocation} without a location (counted, not mapped)`]
  for (const month of [...report.byMonthCategory.keys()].sort()) {
    const categories = [...report.byMonthCategory.get(month)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    const total = categories.reduce((sum, [, n]) => sum + n, 0)
    lines.push(`  ${month}: ${total} crimes: ${categories.map(([c, n]) => `${c} ${n}`).join(', ')}`)
  }
  return lines
}
