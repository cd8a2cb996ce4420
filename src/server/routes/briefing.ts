/**
 * The shift briefing: analysts and supervisors write items and tasks; officers acknowledge them and
 * record task results; supervisors and analysts see who has read what. Devices receive items
 * through the sync package, not from these routes.
 */
import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { briefingItemInputSchema, itemIdParamsSchema, readReceiptsResponseSchema, taskUpdateSchema } from '../../shared/api/briefing.ts'
import { briefingItemSchema, type Task } from '../../shared/api/intel.ts'
import { HttpError, notFound } from '../http-error.ts'
import { requireAuth } from '../plugins/access.ts'
import { createBriefingItem, deleteBriefingItem, findLiveItem, markRead, missingLinks, readReceipts, updateBriefingItem, updateTask } from '../store/briefing.ts'
import { loadBriefingItems } from '../store/intel.ts'

const authors = ['analyst', 'supervisor'] as const
const readers = ['officer', 'supervisor', 'analyst'] as const

const briefingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app.store

  async function checkLinks(links: z.infer<typeof briefingItemInputSchema>['links']) {
    const missing = await missingLinks(db, links)
    if (missing.length) throw new HttpError(400, 'invalid_request', `These links do not match any record: ${missing.slice(0, 10).join(', ')}.`)
  }

  app.get('/api/briefing/items', {
    config: { access: authors },
    schema: { summary: 'Current and coming briefing items, for authors', response: { 200: z.object({ items: z.array(briefingItemSchema) }) } },
  }, async (request) => {
    const auth = requireAuth(request)
    const rows = await db.selectFrom('briefingItems').select('id').where('deletedAt', 'is', null)
      .where('validTo', '>', new Date().toISOString()).orderBy('validFrom', 'desc').limit(500).execute()
    const items = await loadBriefingItems(db, rows.map((r) => r.id), auth.user.id)
    return { items: items.sort((a, b) => a.priority - b.priority || b.validFrom.localeCompare(a.validFrom)) }
  })

  app.post('/api/briefing/items', {
    config: { access: authors },
    schema: { summary: 'Write a briefing item or task', body: briefingItemInputSchema, response: { 201: briefingItemSchema } },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    await checkLinks(request.body.links)
    const id = await createBriefingItem(db, dialect, auth.user.id, request.body)
    const [item] = await loadBriefingItems(db, [id], auth.user.id)
    return reply.code(201).send(item)
  })

  app.put('/api/briefing/items/:id', {
    config: { access: authors },
    schema: { summary: 'Edit a briefing item', params: itemIdParamsSchema, body: briefingItemInputSchema, response: { 200: briefingItemSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    await checkLinks(request.body.links)
    if (!(await updateBriefingItem(db, dialect, request.params.id, request.body))) throw notFound('That briefing item')
    const [item] = await loadBriefingItems(db, [request.params.id], auth.user.id)
    return item!
  })

  app.delete('/api/briefing/items/:id', {
    config: { access: authors },
    schema: { summary: 'Withdraw a briefing item', params: itemIdParamsSchema },
  }, async (request, reply) => {
    if (!(await deleteBriefingItem(db, dialect, request.params.id))) throw notFound('That briefing item')
    return reply.code(204).send()
  })

  app.post('/api/briefing/items/:id/read', {
    config: { access: readers },
    schema: { summary: 'Acknowledge a briefing item (idempotent)', params: itemIdParamsSchema, response: { 200: z.object({ readAt: z.string() }) } },
  }, async (request) => {
    const auth = requireAuth(request)
    if (!(await findLiveItem(db, request.params.id))) throw notFound('That briefing item')
    await markRead(db, request.params.id, auth.user.id, new Date().toISOString())
    const receipt = (await readReceipts(db, request.params.id)).find((r) => r.collarNumber === auth.user.collarNumber)
    return { readAt: receipt!.readAt }
  })

  app.get('/api/briefing/items/:id/reads', {
    config: { access: authors },
    schema: { summary: 'Who has read a briefing item', params: itemIdParamsSchema, response: { 200: readReceiptsResponseSchema } },
  }, async (request) => {
    if (!(await findLiveItem(db, request.params.id))) throw notFound('That briefing item')
    return { items: await readReceipts(db, request.params.id) }
  })

  app.post('/api/briefing/items/:id/task', {
    config: { access: readers },
    schema: { summary: 'Accept a task or record its result', params: itemIdParamsSchema, body: taskUpdateSchema, response: { 200: briefingItemSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const row = await findLiveItem(db, request.params.id)
    if (!row) throw notFound('That briefing item')
    if (!row.task) throw new HttpError(409, 'conflict', 'This briefing item is not a task.')
    const task = JSON.parse(row.task) as Task
    if (task.status === 'done') throw new HttpError(409, 'conflict', `This task was already completed by ${task.updatedBy ?? 'another officer'}.`)
    const next: Task = {
      ...task,
      status: request.body.status,
      result: request.body.result ?? task.result,
      updatedBy: auth.user.collarNumber,
      updatedAt: new Date().toISOString(),
    }
    await updateTask(db, dialect, row.id, next)
    const [item] = await loadBriefingItems(db, [row.id], auth.user.id)
    return item!
  })
}
export default briefingRoutes
