/**
 * PostgreSQL restarted under load (issue 10, Faults), run when TEST_DATABASE_URL is set. The
 * machine's PostgreSQL serves others too, so the restart is what the server sees of one: every
 * connection to its database is cut (pg_terminate_backend) and new ones are refused for a few
 * seconds (ALLOW_CONNECTIONS false), then allowed again, while three officers write (checks,
 * notes, claims and releases) and a fourth follows the live event stream.
 *
 * The server process must stay up and keep answering: during the outage only 503s in the one
 * error shape (`database_unavailable`), never a 500 or a dropped connection; afterwards requests
 * succeed again, every write is stored exactly once, the LISTEN connection is back, and the
 * stream (reconnecting with Last-Event-ID if it drops) has delivered every event written before,
 * during and after, in order, none twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom } from '../seed/random.ts'
import { verifyAuditChain } from '../store/audit.ts'
import type { Store } from '../store/db.ts'
import { openEventStream, type StreamEvent } from '../testing/sse.ts'
import { adminQuery, call, createFaultDatabase, freePort, signIn, sleep, startServerProcess, type FaultDatabase, type ServerProcess } from './fault-harness.ts'
import { peopleToCheck, verifyWrites, wantedPools, WriteLoad } from './write-load.ts'

const officers = ['1001', '1002', '1003']
const watcher = '1010'
const outageMs = 3000
const seed = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000_000)

/** A stream that reconnects with Last-Event-ID whenever it ends, until stopped. */
function followEvents(base: string, cookie: string) {
  const segments: Awaited<ReturnType<typeof openEventStream>>[] = []
  let stopped = false
  let reconnects = 0
  const events = () => segments.flatMap((s) => s.received)
  const lastId = () => events().findLast((e) => e.id !== null)?.id ?? undefined
  const running = (async () => {
    while (!stopped) {
      let stream
      try {
        stream = await openEventStream(base, cookie, segments.length ? lastId() : undefined)
      } catch {
        await sleep(200)
        continue
      }
      segments.push(stream)
      await stream.ended
      if (!stopped) reconnects += 1
    }
  })()
  return {
    events,
    reconnects: () => reconnects,
    async until(predicate: (events: StreamEvent[]) => boolean, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs
      while (!predicate(events())) {
        if (Date.now() > deadline) return false
        await sleep(100)
      }
      return true
    },
    async stop() {
      stopped = true
      for (const s of segments) s.close()
      await running
    },
  }
}

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('PostgreSQL restarted under load', () => {
  let database: FaultDatabase
  let server: ServerProcess | null = null

  beforeAll(async () => {
    database = await createFaultDatabase('postgres')
  }, 300_000)
  afterAll(async () => {
    await server?.kill()
    await database?.cleanup()
  })

  it(`stays up, answers 503 while the database is away, then resumes with no write lost and no event missed (FAULT_SEED=${seed})`, async () => {
    const port = await freePort()
    server = await startServerProcess(database, port)
    const name = database.name!
    let verifier: Store | null = database.open()
    const loads: WriteLoad[] = []
    let follower: ReturnType<typeof followEvents> | null = null
    try {
      const people = await peopleToCheck(verifier.db)
      const pools = await wantedPools(verifier.db, officers.length)
      const watcherId = (await verifier.db.selectFrom('users').select('id').where('collarNumber', '=', watcher).executeTakeFirstOrThrow()).id
      // The test's own connections are cut too; it reads again once the outage is over.
      await verifier.destroy()
      verifier = null

      follower = followEvents(server.base, await signIn(server.base, watcher))
      expect(await follower.until((events) => events.some((e) => e.data.type === 'stream.open'), 30_000), 'the stream opened').toBe(true)
      const head = Number(follower.events().find((e) => e.data.type === 'stream.open')!.data.head)

      for (const [i, officer] of officers.entries()) {
        const cookie = await signIn(server.base, officer)
        loads.push(new WriteLoad(server.base, officer, cookie, pools[i]!, people, createRandom(seed + i + 1), { check: 0.2, note: 0.3, claim: 0.5 }))
      }
      for (const load of loads) load.start()

      await sleep(2000)
      const outageStart = Date.now()
      await adminQuery(`alter database ${name} allow_connections false`)
      const cut = await adminQuery(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name])
      await sleep(outageMs)
      await adminQuery(`alter database ${name} allow_connections true`)
      const outageEnd = Date.now()
      await sleep(3000)
      const drained = await Promise.all(loads.map((l) => l.stop(30_000)))

      expect(server.alive(), 'the server process is still running').toBe(true)
      expect(drained, 'every officer\'s last write was acknowledged').toEqual(officers.map(() => true))
      expect((await call(server.base, 'GET', '/api/health', null)).status).toBe(200)
      expect(cut.length, 'connections of the server were cut').toBeGreaterThan(0)

      const replies = loads.flatMap((l) => l.replies)
      const unexpected = replies.filter((r) => !(r.status === 200 || r.status === 201 || (r.status === 503 && r.code === 'database_unavailable')))
      expect(unexpected, 'only 2xx, or 503 database_unavailable in the error shape').toEqual([])
      expect(loads.flatMap((l) => l.problems)).toEqual([])
      const unavailable = replies.filter((r) => r.status === 503)
      expect(unavailable.length, 'the outage was felt').toBeGreaterThan(0)
      // 503s only while the database was away, and for a moment after (a request already waiting;
      // seconds on a machine busy with other work).
      expect(unavailable.filter((r) => r.at < outageStart || r.at > outageEnd + 5000)).toEqual([])
      for (const officer of officers) {
        expect(replies.filter((r) => r.officer === officer && r.at > outageEnd && r.status < 300).length, `${officer}'s writes succeed again`).toBeGreaterThan(0)
      }

      verifier = database.open()
      const found = await verifyWrites(verifier.db, loads.flatMap((l) => l.ops), true)
      expect(found.problems, 'every write stored exactly once').toEqual([])

      // The LISTEN connection is back: other instances' events wake this one again.
      const listening = async () => (await adminQuery(`select 1 from pg_stat_activity where datname = $1 and query ilike 'listen %'`, [name])).length > 0
      const listenDeadline = Date.now() + 15_000
      while (!(await listening()) && Date.now() < listenDeadline) await sleep(200)
      expect(await listening(), 'the server listens for events again').toBe(true)

      const logged = await verifier.db.selectFrom('events').select(['id', 'audience', 'createdAt']).where('id', '>', head).orderBy('id').execute()
      const expected = logged.filter((e) => e.audience === 'all' || e.audience === `user:${watcherId}`)
      const before = expected.filter((e) => Date.parse(e.createdAt) < outageStart).length
      const after = expected.filter((e) => Date.parse(e.createdAt) > outageEnd).length
      expect(before, 'events before the outage').toBeGreaterThan(0)
      expect(after, 'events after the outage').toBeGreaterThan(0)
      const lastExpected = String(expected.at(-1)!.id)
      await follower.until((events) => events.some((e) => e.id === lastExpected), 15_000)
      const delivered = follower.events().filter((e) => e.id !== null).map((e) => Number(e.id))
      expect(delivered, 'every event, in order, none twice').toEqual(expected.map((e) => Number(e.id)))

      expect(await verifyAuditChain(verifier.db)).toMatchObject({ ok: true })
      console.log(`postgres restart FAULT_SEED=${seed}: ${cut.length} connections cut, ${outageMs} ms refused; ${replies.length} replies, ${unavailable.length} of them 503; `
        + `${found.counts.checks + found.counts.notes + found.counts.claims + found.counts.releases} writes; ${delivered.length} events streamed (${before} before, ${after} after), ${follower.reconnects()} stream reconnects`)
    } catch (error) {
      throw new Error(`FAULT_SEED=${seed} [postgres]: ${error instanceof Error ? error.message : String(error)}\nlast server output:\n${server.output()}`, { cause: error })
    } finally {
      for (const load of loads) load.abandon()
      await follower?.stop()
      await verifier?.destroy()
      // Never leave the database refusing connections, whatever failed.
      await adminQuery(`alter database ${name} allow_connections true`).catch(() => {})
    }
  }, 900_000)
})
