/**
 * The crime-trend map's reads: trend cells, a cell's breakdown by month and category, the
 * categories and the months stored. These answers are aggregate counts of anonymised street-level
 * crime per area, not personal data, so reading them is not a consultation under the Data
 * Protection Act 2018 s.62 and is not audited (unlike profile views and checks).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  cellBreakdownSchema, cellParamsSchema, cellQuerySchema, crimeCategoriesResponseSchema, crimeMonthsResponseSchema, trendsQuerySchema, trendsResponseSchema,
} from '../../shared/api/crime.ts'
import { crimeCategories } from '../../shared/domain/crime-categories.ts'
import { HttpError } from '../http-error.ts'
import { cellBreakdown, CrimeQueryError, crimeMonths, crimeTrends } from '../store/crime-trends.ts'

const readers = ['officer', 'supervisor', 'analyst'] as const

/** A question the data cannot answer as asked is the caller's to change: 400 naming the field. */
async function answer<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof CrimeQueryError) throw new HttpError(400, error.code, error.message)
    throw error
  }
}

const crimeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.store

  app.get('/api/crime/trends', {
    config: { access: readers },
    schema: {
      summary: 'Crime trend per H3 cell: a month against the months before it, or recent days against the days before (day-precision data)',
      querystring: trendsQuerySchema,
      response: { 200: trendsResponseSchema },
    },
  }, async (request) => ({ cells: await answer(crimeTrends(db, request.query)) }))

  app.get('/api/crime/cells/:cell', {
    config: { access: readers },
    schema: { summary: "A cell's crime by month and category", params: cellParamsSchema, querystring: cellQuerySchema, response: { 200: cellBreakdownSchema } },
  }, async (request) => answer(cellBreakdown(db, request.params.cell, request.query)))

  app.get('/api/crime/categories', {
    config: { access: readers },
    schema: { summary: 'The police.uk crime categories', response: { 200: crimeCategoriesResponseSchema } },
  }, async () => ({ categories: crimeCategories.map(({ slug, name }) => ({ slug, name })) }))

  app.get('/api/crime/months', {
    config: { access: readers },
    schema: { summary: 'The months with stored crime', response: { 200: crimeMonthsResponseSchema } },
  }, async () => crimeMonths(db))
}
export default crimeRoutes
