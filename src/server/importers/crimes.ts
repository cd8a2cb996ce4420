/**
 * The police.uk importer: data.police.uk street-level CSV files (the official 12 columns: Crime ID,
 * Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name, Crime type,
 * Last outcome category, Context), month precision. Each row is checked on its own: a malformed row
 * is reported with its file line and skipped, good rows are kept. Rows without coordinates are kept
 * and counted (they count towards totals but are never mapped). Rows go through the one crime
 * store path (store/crimes.ts), whose keys make a re-import change nothing.
 */
import fs from 'node:fs'
import { parse } from 'csv-parse'
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

export async function importCrimeFile(db: Kysely<Database>, dialect: DialectName, file: string): Promise<CrimeImportReport> {
  const report: CrimeImportReport = { read: 0, upserted: 0, rejected: [], added: 0, updated: 0, unchanged: 0, withoutLocation: 0, byMonthCategory: new Map() }
  const parser = fs.createReadStream(file).pipe(parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    // A row the parser cannot read (a broken quote) is reported and skipped; the rest go on.
    skip_records_with_error: true,
    on_skip: (error) => {
      report.read += 1
      report.rejected.push({ line: Number(error?.lines ?? 0), message: error?.message ?? 'unreadable row' })
      return undefined
    },
  }))
  const key = createCrimeKeyer()
  let batch: KeyedCrime[] = []
  const flush = async () => {
    if (batch.length === 0) return
    const result = await insertCrimes(db, batch)
    report.added += result.added
    report.updated += result.updated
    report.unchanged += result.unchanged
    batch = []
  }
  let header = true
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (header) {
      header = false
      const names = record.map((f) => f.trim().toLowerCase())
      if (names.join(',') !== policeUkColumns.join(',').toLowerCase()) {
        report.rejected.push({ line: info.lines, message: `not a police.uk street-level file: the header must be ${policeUkColumns.join(',')}` })
        parser.destroy()
        return report
      }
      continue
    }
    report.read += 1
    const parsed = parsePoliceUkRow(record)
    if (!parsed.ok) {
      report.rejected.push({ line: info.lines, message: parsed.message })
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
  report.rejected.sort((a, b) => a.line - b.line)
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
