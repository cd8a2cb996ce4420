/**
 * `GET /api/events`: the signed-in user's live event stream (server-sent events). On connect it
 * subscribes to the hub first and holds what the hub delivers while it replays the log after the
 * client's Last-Event-ID; then it sends what it held, skipping what the replay already sent. So an
 * event written during the replay is neither lost nor sent twice, and ids only go up. A client
 * whose Last-Event-ID is older than the log reaches gets `stream.reset` and re-syncs.
 *
 * Fan-out is the hot path (every event goes to every stream of the instance): each event's frame
 * is built once and written synchronously to each response, with no per-stream promise.
 */
import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireAuth } from '../plugins/access.ts'
import { eventLogBounds, eventsAfter, type LoggedEvent } from '../realtime/event-log.ts'

const everyone = ['officer', 'supervisor', 'analyst', 'admin'] as const
/** Unsent bytes a stream may hold before the server drops it (the client reconnects and replays). */
const maxBufferedBytes = 1024 * 1024

/** Each event's SSE frame, built once and written as is to every stream it goes to. */
const frames = new WeakMap<LoggedEvent, Buffer>()
function frameOf(event: LoggedEvent): Buffer {
  let frame = frames.get(event)
  if (!frame) {
    frame = Buffer.from(`id: ${event.id}\n${event.payload.split('\n').map((line) => `data: ${line}\n`).join('')}\n`)
    frames.set(event, frame)
  }
  return frame
}

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
    const raw = reply.raw
    const socket = raw.socket
    let lastSent = resumeFrom ?? app.events.head()
    // Until the stream is open and the replay done, live events wait here, in order.
    let pending: LoggedEvent[][] | null = []
    const write = (events: LoggedEvent[]) => {
      if (!reply.sse.isConnected) return
      for (const event of events) {
        if (event.id <= lastSent) continue
        lastSent = event.id
        if (mine(event)) {
          raw.write(frameOf(event))
          socket?.uncork()
        }
      }
      // A client that does not read is dropped rather than buffered without end; it reconnects
      // with Last-Event-ID and the log replays what it missed.
      if (raw.writableLength > maxBufferedBytes) raw.destroy()
    }
    const deliver = (events: LoggedEvent[]) => {
      if (pending) pending.push(events)
      else write(events)
    }
    // Subscribe before reading the log: whatever is written meanwhile waits in `pending`.
    const subscribedAt = app.events.head()
    const unsubscribe = app.events.subscribe(deliver)
    // The session's end ends the stream too; the client then meets the 401 on reconnect.
    const sessionEnd = setTimeout(() => reply.sse.close(), Math.max(0, Date.parse(auth.expiresAt) - Date.now()))
    reply.sse.onClose(() => {
      unsubscribe()
      clearTimeout(sessionEnd)
      pending = null
    })
    reply.sse.keepAlive()
    reply.header('Cache-Control', 'no-store')
    reply.header('X-Accel-Buffering', 'no')
    await reply.sse.send({ retry: 3000, data: JSON.stringify({ type: 'stream.open', at: new Date().toISOString(), head: lastSent }) })

    if (resumeFrom !== null) {
      const { oldest } = await eventLogBounds(db)
      if (oldest > resumeFrom + 1) {
        lastSent = Math.max(lastSent, subscribedAt)
        await reply.sse.send({ data: JSON.stringify({ type: 'stream.reset', personId: null, at: new Date().toISOString() }) })
      } else {
        for (let after = resumeFrom; reply.sse.isConnected;) {
          const events = await eventsAfter(db, after)
          if (events.length === 0) break
          write(events)
          after = events[events.length - 1]!.id
        }
      }
    }
    const waiting = pending
    pending = null
    if (waiting) for (const events of waiting) write(events)
  })
}
export default eventRoutes
