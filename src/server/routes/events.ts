/**
 * `GET /api/events`: the signed-in user's live event stream (server-sent events). On connect it
 * subscribes to the hub first and then replays the log after the client's Last-Event-ID, so an
 * event written during the replay is neither lost nor sent twice (ids only go up). A client whose
 * Last-Event-ID is older than the log reaches gets `stream.reset` and re-syncs.
 */
import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireAuth } from '../plugins/access.ts'
import { eventLogBounds, eventsAfter, type LoggedEvent } from '../realtime/event-log.ts'

const everyone = ['officer', 'supervisor', 'analyst', 'admin'] as const

const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.store

  app.get('/api/events', {
    sse: { kind: 'only', heartbeat: true, serializer: (data: unknown) => (typeof data === 'string' ? data : JSON.stringify(data)) },
    config: { access: everyone },
    schema: {
      summary: 'Live events (server-sent events); reconnect with Last-Event-ID to replay',
      querystring: z.strictObject({ lastEventId: z.string().regex(/^\d{1,15}$/).optional() }),
    },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    const { user } = auth
    const mine = (e: LoggedEvent) => e.audience === 'all' || e.audience === `user:${user.id}` || (e.audience === 'supervisors' && user.role === 'supervisor')

    const resumeText = reply.sse.lastEventId ?? request.query.lastEventId ?? null
    const resumeFrom = resumeText !== null && /^\d{1,15}$/.test(resumeText) ? Number(resumeText) : null
    let lastSent = resumeFrom ?? app.events.head()
    let chain = Promise.resolve()
    const deliver = (events: LoggedEvent[]) => {
      chain = chain.then(async () => {
        for (const event of events) {
          if (event.id <= lastSent) continue
          lastSent = event.id
          if (mine(event) && reply.sse.isConnected) await reply.sse.send({ id: String(event.id), data: event.payload })
        }
      }).catch((error: unknown) => request.log.debug({ err: error }, 'event stream write'))
    }
    // Subscribe before reading the log: whatever is written meanwhile arrives through `deliver`.
    const unsubscribe = app.events.subscribe(deliver)
    // The session's end ends the stream too; the client then meets the 401 on reconnect.
    const sessionEnd = setTimeout(() => reply.sse.close(), Math.max(0, Date.parse(auth.expiresAt) - Date.now()))
    reply.sse.onClose(() => {
      unsubscribe()
      clearTimeout(sessionEnd)
    })
    reply.sse.keepAlive()
    reply.header('Cache-Control', 'no-store')
    reply.header('X-Accel-Buffering', 'no')
    await reply.sse.send({ retry: 3000, data: JSON.stringify({ type: 'stream.open', at: new Date().toISOString(), head: lastSent }) })

    if (resumeFrom !== null) {
      const { oldest } = await eventLogBounds(db)
      if (oldest > resumeFrom + 1) {
        lastSent = Math.max(lastSent, app.events.head())
        await reply.sse.send({ data: JSON.stringify({ type: 'stream.reset', personId: null, at: new Date().toISOString() }) })
      } else {
        for (let after = resumeFrom; ;) {
          const events = await eventsAfter(db, after)
          if (events.length === 0) break
          deliver(events)
          after = events[events.length - 1]!.id
        }
      }
    }
  })
}
export default eventRoutes
