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
 * streaming parser would read the rest of the file as one open field.
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { parse } from 'csv-parse/sync'
import type { Kysely } from 'kysely'
import { crimeCategoryOf } from '../../shared/domain/crime-categories.ts'
import { createCrimeKeyer, insertCrimes, noteCrimeTrendsChanged, type CrimeRecord, type KeyedCrime } from '../store/crimes.ts'
import type { DialectName } from '../store/dialect.ts'
import type { Database } from '../store/schema.ts'
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

export async function importCrimeFile(db: Kysely<Database>, dialect: DialectName, file: string): Promise<CrimeImportReport> {
  const report: CrimeImportReport = { read: 0, upserted: 0, rejected: [], added: 0, updated: 0, unchanged: 0, withoutLocation: 0, byMonthCategory: new Map() }
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  const key = createCrimeKeyer()
  let batch: KeyedCrime[] = []
  const flush = async () => {
    if (batch.length === 0) return
    const result = await insertCrimes(db, dialect, batch)
    report.added += result.added
    report.updated += result.updated
    report.unchanged += result.unchanged
    batch = []
  }
  let lineNumber = 0
  for await (const raw of lines) {
    lineNumber += 1
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw
    if (lineNumber === 1) {
      const header = splitLine(line)
      if (!('fields' in header) || header.fields.map((f) => f.trim().toLowerCase()).join(',') !== policeUkColumns.join(',').toLowerCase()) {
        report.rejected.push({ line: 1, message: `not a police.uk street-level file: the header must be ${policeUkColumns.join(',')}` })
        lines.close()
        return report
      }
      continue
    }
    if (line.trim() === '') continue
    report.read += 1
    const split = splitLine(line)
    const parsed = 'fields' in split ? parsePoliceUkRow(split.fields) : { ok: false as const, message: split.message }
    if (!parsed.ok) {
      report.rejected.push({ line: lineNumber, message: parsed.message })
      continue
    }
    const { month, category, lat } = parsed.record
    if (lat === null) report.withoutLocation += 1
    const categories = report.byMonthCategory.get(month) ?? new Map<string, number>()
    categories.set(category, (categories.get(category) ?? 0) + 1)
    report.byMonthCategory.set(month, categories)
    batch.push(key(parsed.record))
    if (batch.length >= batchSize) await flush()
  }
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
