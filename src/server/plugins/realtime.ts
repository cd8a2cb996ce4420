/**
 * The live side of the server: the event hub that fans the event log out to this instance's
 * streams (woken by PostgreSQL NOTIFY from any instance, by local writes, and by a safety poll),
 * and the timer that lapses expired claims and prunes old events.
 */
import fp from 'fastify-plugin'
import type { StoreConfig } from '../config.ts'
import { pruneEvents } from '../realtime/event-log.ts'
import { createEventHub, type EventHub } from '../realtime/hub.ts'
import { lapseExpiredClaims } from '../store/claims.ts'

declare module 'fastify' {
  interface FastifyInstance {
    events: EventHub
  }
}

export default fp(async (app, options: { store: StoreConfig }) => {
  const { db, dialect } = app.store
  const hub = await createEventHub(db, {
    postgresUrl: options.store.kind === 'postgres' ? options.store.url : undefined,
    onError: (error) => app.log.warn({ err: error }, 'event hub'),
  })
  app.decorate('events', hub)

  const housekeeping = setInterval(() => {
    void (async () => {
      const lapsed = await lapseExpiredClaims(db, dialect)
      if (lapsed.length) hub.wake()
      await pruneEvents(db, new Date(Date.now() - app.config.eventRetentionDays * 86_400_000).toISOString())
    })().catch((error: unknown) => app.log.warn({ err: error }, 'claim lapse'))
  }, app.config.lapseCheckSeconds * 1000)
  housekeeping.unref()

  app.addHook('onClose', async () => {
    clearInterval(housekeeping)
    await hub.close()
  })
}, { name: 'realtime', dependencies: ['store'] })
