/**
 * Durability (issue 10, Faults): four officers write as fast as the server answers (person checks,
 * notes, claims and releases) while the real server process is killed with SIGKILL at 20 random
 * moments and started again. After each kill every write that was acknowledged is in the
 * database; once the load has drained, every write the officers made is there exactly once (the
 * unacknowledged ones were sent again under the same id, as the device's outbox does), and the
 * audit chain verifies, by the same code and the same command as `npm run audit:verify`.
 *
 * The kill moments and the load come from one seeded generator: a failure prints FAULT_SEED, and
 * `FAULT_SEED=<n> npx vitest run src/server/faults/durability.test.ts` draws the same moments.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createRandom } from '../seed/random.ts'
import { verifyAuditChain } from '../store/audit.ts'
import { forEachStore } from '../testing/stores.ts'
import { createFaultDatabase, freePort, signIn, sleep, startServerProcess, type FaultDatabase, type ServerProcess } from './fault-harness.ts'
import { peopleToCheck, verifyWrites, wantedPools, WriteLoad } from './write-load.ts'

const kills = Number(process.env.FAULT_KILLS ?? 20)
const officers = ['1001', '1002', '1003', '1004']
const seed = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000_000)

forEachStore('durability under SIGKILL', (kind) => {
  let database: FaultDatabase
  let server: ServerProcess | null = null

  beforeAll(async () => {
    database = await createFaultDatabase(kind)
  }, 300_000)
  afterAll(async () => {
    await server?.kill()
    await database?.cleanup()
  })

  it(`keeps every acknowledged write and stores every replayed one exactly once through ${kills} SIGKILLs (FAULT_SEED=${seed})`, async () => {
    const random = createRandom(seed)
    const port = await freePort()
    server = await startServerProcess(database, port)
    const verifier = database.open()
    const loads: WriteLoad[] = []
    try {
      const people = await peopleToCheck(verifier.db)
      const pools = await wantedPools(verifier.db, officers.length)
      for (const [i, officer] of officers.entries()) {
        const cookie = await signIn(server.base, officer)
        loads.push(new WriteLoad(server.base, officer, cookie, pools[i]!, people, createRandom(seed + i + 1)))
      }
      for (const load of loads) load.start()

      let killedMidRequest = 0
      const started = Date.now()
      for (let k = 1; k <= kills; k += 1) {
        // Let the load reach the restarted server, then kill it at a random moment.
        await sleep(150 + random.number.int(1050))
        killedMidRequest += loads.filter((l) => l.inFlight).length
        await server.kill()
        const found = await verifyWrites(verifier.db, loads.flatMap((l) => l.ops), false)
        expect(found.problems, `FAULT_SEED=${seed}: acknowledged writes missing after kill ${k}`).toEqual([])
        const down = Date.now()
        server = await startServerProcess(database, port)
        if (process.env.FAULT_TRACE) console.error(`kill ${k}: ${Date.now() - down} ms to restart; ops ${loads.map((l) => l.ops.length).join('/')}, problems ${loads.flatMap((l) => l.problems).slice(0, 3).join(' | ')}`)
      }
      expect(await Promise.all(loads.map((l) => l.stop(60_000))), `FAULT_SEED=${seed}: the last writes were acknowledged`).toEqual(officers.map(() => true))
      const elapsed = Date.now() - started

      const ops = loads.flatMap((l) => l.ops)
      const found = await verifyWrites(verifier.db, ops, true)
      expect(found.problems, `FAULT_SEED=${seed}: after the load drained`).toEqual([])
      expect(loads.flatMap((l) => l.problems), `FAULT_SEED=${seed}: replies no device should get`).toEqual([])
      const replayed = ops.filter((op) => op.unacknowledged > 0)
      console.log(`durability [${kind}] FAULT_SEED=${seed}: ${kills} kills in ${(elapsed / 1000).toFixed(1)} s, ${killedMidRequest} requests on the wire when killed; `
        + `${ops.length} writes (${found.counts.checks} checks, ${found.counts.notes} notes, ${found.counts.claims} claims, ${found.counts.releases} releases), `
        + `${replayed.length} sent again after no answer (${replayed.filter((op) => op.kind === 'check').length} checks recorded by the device)`)
      // The kills must have cut requests mid-flight and left writes to replay, or the test proved nothing.
      expect(killedMidRequest, `FAULT_SEED=${seed}`).toBeGreaterThan(0)
      expect(replayed.length, `FAULT_SEED=${seed}`).toBeGreaterThan(0)
      expect(found.counts.checks * found.counts.notes * found.counts.claims * found.counts.releases, `FAULT_SEED=${seed}: every kind of write was made`).toBeGreaterThan(0)

      const chain = await verifyAuditChain(verifier.db)
      expect(chain, `FAULT_SEED=${seed}`).toMatchObject({ ok: true })
      const cli = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/cli/verify-audit.ts'], {
        cwd: path.resolve(import.meta.dirname, '../../..'), env: { ...process.env, DATABASE_URL: '', ...database.env },
      })
      expect(cli.stdout).toMatch(/Audit trail verified: [\d,]+ records, chain unbroken/)
    } catch (error) {
      throw new Error(`FAULT_SEED=${seed} [${kind}]: ${error instanceof Error ? error.message : String(error)}\nlast server output:\n${server.output()}`, { cause: error })
    } finally {
      for (const load of loads) load.abandon()
      await verifier.destroy()
    }
  }, 1_800_000) // twenty restarts of about 5 s of CPU each: minutes on a quiet machine, far more on a busy one
})
