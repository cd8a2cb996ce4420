/**
 * The crime-trend map's API. Everything here is aggregate street-level crime (counts per H3 cell),
 * never personal data, and police.uk locations are anonymised snap points: the map shows areas
 * (cells), never a point as an offence address.
 *
 * Trends: `GET /api/crime/trends` compares the recent window with a baseline per cell.
 * - Month mode (any data): `month` (default the latest stored) against the mean of the
 *   `baselineMonths` months before it.
 * - Day mode (day-precision data only, e.g. a force's own records): the `recentDays` days ending on
 *   `to` against the `baselineDays` days before them, scaled to the recent window's length.
 * Month-precision data never takes part in day mode, so a trend never claims more precision than
 * the data has. Cells are H3 at `resolution` (6 to 9; 9, street scale, by default).
 */
import { z } from 'zod'
import { crimeCategorySlugs } from '../domain/crime-categories.ts'

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM')
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

export const crimeCategorySchema = z.enum(crimeCategorySlugs)

export const trendsQuerySchema = z.strictObject({
  month: month.optional(),
  baselineMonths: integer(1, 24).default(3),
  category: crimeCategorySchema.optional(),
  resolution: integer(6, 9).default(9),
  to: z.iso.date('to is a date, YYYY-MM-DD').optional(),
  recentDays: integer(1, 366).default(28),
  baselineDays: integer(1, 1096).default(84),
})
export type TrendsQuery = z.infer<typeof trendsQuerySchema>

export const trendSchema = z.enum(['rising', 'falling', 'steady'])

export const trendCellSchema = z.object({
  /** H3 cell index at the resolution asked for */
  cell: z.string(),
  /** the cell's centre (never an offence location) */
  lat: z.number(),
  lng: z.number(),
  /** crimes in the month (or the recent days) */
  count: z.number().int(),
  /** expected count: the mean per month over the baseline months (or the baseline days scaled) */
  baseline: z.number(),
  /** Wheeler: 2 (sqrt(count) - sqrt(baseline)) */
  z: z.number(),
  /** rising when z >= 3 and count >= 3, falling when z <= -3 */
  trend: trendSchema,
  /** Getis-Ord Gi* z of the counts over the cell and its six neighbours: >= 1.96 a hotspot at 95 %, >= 2.58 at 99 % */
  giZ: z.number(),
})
export type TrendCellRecord = z.infer<typeof trendCellSchema>

/** Cells with any crime in the recent window or the baseline, ordered by cell index. */
export const trendsResponseSchema = z.object({ cells: z.array(trendCellSchema) })
export type TrendsResponse = z.infer<typeof trendsResponseSchema>

export const cellParamsSchema = z.strictObject({ cell: z.string().regex(/^[0-9a-f]{15}$/, 'cell is an H3 cell index (15 hex digits)') })
export const cellQuerySchema = z.strictObject({
  /** the last month shown; default the latest stored */
  month: month.optional(),
  months: integer(1, 36).default(12),
})

export const cellBreakdownSchema = z.object({
  cell: z.string(),
  resolution: z.number().int(),
  lat: z.number(),
  lng: z.number(),
  /** every month of the period, oldest first, with zeros where nothing was recorded */
  months: z.array(z.object({ month: z.string(), total: z.number().int(), byCategory: z.partialRecord(crimeCategorySchema, z.number().int()) })),
  /** totals over the period per category, largest first; categories with none are left out */
  categories: z.array(z.object({ category: crimeCategorySchema, count: z.number().int() })),
  total: z.number().int(),
})
export type CellBreakdown = z.infer<typeof cellBreakdownSchema>

export const crimeCategoriesResponseSchema = z.object({
  categories: z.array(z.object({ slug: crimeCategorySchema, name: z.string() })),
})

export const crimeMonthsResponseSchema = z.object({
  /** months with stored crime, oldest first */
  months: z.array(z.object({
    month: z.string(),
    crimes: z.number().int(),
    /** rows without coordinates: counted here, never mapped */
    withoutLocation: z.number().int(),
    /** rows with a day date, usable in day mode */
    dayPrecision: z.number().int(),
  })),
  latest: z.string().nullable(),
})
export type CrimeMonthsResponse = z.infer<typeof crimeMonthsResponseSchema>
