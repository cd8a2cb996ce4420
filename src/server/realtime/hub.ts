/**
 * Fan-out of the event log to this instance's connected streams. Any wake-up (a write on this
 * instance, a PostgreSQL NOTIFY from another, or the safety poll) makes the hub read the log past
 * the last id it delivered and hand each new event to every subscriber, in order. Reads are
 * coalesced: wake-ups during a read cause one more read, not one each.
 */
import pg from 'pg'
import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.ts'
import { EVENTS_CHANNEL, eventLogBounds, eventsAfter, type LoggedEvent } from './event-log.ts'

export type Subscriber = (events: LoggedEvent[]) => void

export type EventHub = {
  subscribe(subscriber: Subscriber): () => void
  /** Ask the hub to read the log now (after a local write commits). */
  wake(): void
  /** The id of the newest event the hub has delivered. */
  head(): number
  subscribers(): number
  close(): Promise<void>
}

export async function createEventHub(db: Kysely<Database>, options: { postgresUrl?: string; schema?: string; pollMs?: number; onError?: (error: unknown) => void }): Promise<EventHub> {
  const subscribers = new Set<Subscriber>()
  let lastId = (await eventLogBounds(db)).newest
  let reading = false
  let again = false
  let closed = false
  const onError = options.onError ?? (() => {})

  async function read() {
    if (reading) {
      again = true
      return
    }
    reading = true
    try {
      do {
        again = false
        for (;;) {
          const events = await eventsAfter(db, lastId)
          if (events.length === 0) break
          lastId = events[events.length - 1]!.id
          for (const subscriber of subscribers) {
            try {
              subscriber(events)
            } catch (error) {
              onError(error)
            }
          }
        }
      } while (again && !closed)
    } catch (error) {
      onError(error)
    } finally {
      reading = false
    }
  }
  const wake = () => {
    if (!closed) void read()
  }

  let listener: pg.Client | undefined
  let relisten: NodeJS.Timeout | undefined
  /** Listens again after a dropped connection (a database restart), trying every second until it is back; the poll covers the gap. */
  function listenAgain(error: unknown) {
    onError(error)
    if (closed || relisten) return
    relisten = setTimeout(() => {
      relisten = undefined
      listen().catch(listenAgain)
    }, 1000)
    relisten.unref()
  }
  async function listen() {
    if (!options.postgresUrl || closed) return
    const client = new pg.Client({ connectionString: options.postgresUrl })
    client.on('notification', wake)
    client.on('error', (error) => {
      if (listener === client) listener = undefined
      void client.end().catch(() => {})
      listenAgain(error)
    })
    try {
      await client.connect()
      await client.query(`listen ${EVENTS_CHANNEL}`)
    } catch (error) {
      // A refused connection rejects without an 'error' event: end this client and try again.
      await client.end().catch(() => {})
      throw error
    }
    if (closed) {
      await client.end().catch(() => {})
      return
    }
    listener = client
    // Whatever was written while nobody listened is read now.
    wake()
  }
  await listen()
  // The safety net: a missed notification (a reconnect, a dropped packet) delays an event by at most this.
  const poll = setInterval(wake, options.pollMs ?? 2000)
  poll.unref()

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber)
      return () => subscribers.delete(subscriber)
    },
    wake,
    head: () => lastId,
    subscribers: () => subscribers.size,
    async close() {
      closed = true
      clearInterval(poll)
      clearTimeout(relisten)
      subscribers.clear()
      await listener?.end().catch(() => {})
    },
  }
}
