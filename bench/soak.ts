/**
 * The soak (issue 10): the real server in its own process on a temporary SQLite database seeded
 * with the demo force (bench/fanout-server.ts), and the fan-out load generator in another
 * (bench/fanout-load.ts) holding 5,000 `GET /api/events` streams while it sends 50 person checks
 * a second and a claim every second (each released half a second after it is granted, a different
 * wanted person each time) for SOAK_MINUTES minutes (default 10). Prints per route count, errors
 * and p50/p95/p99/max; claim events delivered/expected on the streams and their latency; the
 * server's RSS per minute with the last minute against the second (memory is flat when they are
 * within 10 %); and the server's CPU.
 * Goals: no errors, every event delivered, RSS flat. `SOAK_STREAMS`, `SOAK_CHECKS_PER_SECOND`
 * change the load. Needs Linux or macOS (`sh`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Child } from './fanout.ts'
import { benchServerEnv, type LoadCommand, type LoadMessage, type ServerCommand, type ServerMessage, type ServerStats, type SoakResult } from './fanout-protocol.ts'
import type { Figure } from './figures.ts'

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10)
const STREAMS = Number(process.env.SOAK_STREAMS ?? 5000)
const CHECKS_PER_SECOND = Number(process.env.SOAK_CHECKS_PER_SECOND ?? 50)
const CLAIMS_PER_SECOND = 1
const OFFICERS = Array.from({ length: 50 }, (_, i) => String(1001 + i))
const STATS_EVERY_MS = 5_000
const RSS_TOLERANCE = 0.1

type Sample = { at: number; stats: ServerStats }

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '-')
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait))
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length

/** People of the seeded force with a date of birth, to be checked by name. */
function peopleToCheck(file: string): { surname: string; forenames: string; dob: string }[] {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare('select surname, forenames, dob from people where dob is not null order by id limit 2000').all() as { surname: string; forenames: string; dob: string }[]
  } finally {
    db.close()
  }
}

export async function soakBenchmark(): Promise<Figure[]> {
  if (!(MINUTES >= 2)) throw new Error('SOAK_MINUTES must be 2 or more (memory is compared from the second minute on)')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-soak-'))
  const databasePath = path.join(dir, 'soak.db')
  const env = benchServerEnv(databasePath)
  let server: Child<ServerCommand, ServerMessage> | undefined
  let load: Child<LoadCommand, LoadMessage> | undefined
  try {
    server = Child.start<ServerCommand, ServerMessage>('server', 'fanout-server.ts', env)
    const ready = await server.next('ready', 300_000)
    const people = peopleToCheck(databasePath)
    load = Child.start<LoadCommand, LoadMessage>('load generator', 'fanout-load.ts', { ...process.env, NODE_ENV: 'production' })
    load.send({ type: 'init', port: ready.port, officers: OFFICERS, password: 'kestrel-demo' })
    // Generous waits: 50 sign-ins (argon2) and 5,000 connections take minutes on a busy 2-core machine.
    const { sessions } = await load.next('ready', 600_000)
    load.send({ type: 'open', streams: STREAMS, concurrency: 200, timeoutMs: 300_000 })
    const opened = (await load.next('opened', 360_000)).result
    const loadAtStart = os.loadavg()
    console.log(`server pid ${server.process.pid} on 127.0.0.1:${ready.port} (SQLite, demo force at scale 0.1); load generator pid ${load.process.pid}, `
      + `${sessions} officer sessions; ${opened.opened} / ${STREAMS} streams open in ${(opened.ms / 1000).toFixed(1)} s; soaking for ${MINUTES} min `
      + `(${CHECKS_PER_SECOND} checks/s, ${CLAIMS_PER_SECOND} claim/s); ${os.cpus().length} CPUs, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`)

    const stats = async (): Promise<Sample> => {
      server!.send({ type: 'stats' })
      const { stats: s } = await server!.next('stats', 30_000)
      return { at: performance.now(), stats: s }
    }
    const samples: Sample[] = [await stats()]
    const started = samples[0]!.at
    const soakCommand: LoadCommand = {
      type: 'soak', seconds: MINUTES * 60, checksPerSecond: CHECKS_PER_SECOND, claimsPerSecond: CLAIMS_PER_SECOND,
      releaseAfterMs: 500, settleMs: 15_000, people,
    }
    load.send(soakCommand)
    let result: SoakResult | undefined
    let failure: unknown
    const finished = load.next('soaked', MINUTES * 60_000 + 180_000).then((m) => (result = m.result), (error: unknown) => (failure = error ?? new Error('the soak failed')))
    while (result === undefined && failure === undefined) {
      await Promise.race([finished, sleep(STATS_EVERY_MS)])
      if (performance.now() - started <= MINUTES * 60_000) samples.push(await stats())
    }
    if (failure !== undefined) throw failure
    const soak = result!
    const loadAtEnd = os.loadavg()

    // RSS per minute of the soak: the mean of the samples taken in it.
    const minutes = Array.from({ length: MINUTES }, (_, m) => samples.filter((s) => s.at - started > m * 60_000 && s.at - started <= (m + 1) * 60_000))
    const rssPerMinute = minutes.map((inMinute) => mean(inMinute.map((s) => s.stats.rss)))
    const cpuPerMinute = minutes.map((inMinute, m) => {
      const before = m === 0 ? samples[0]! : minutes[m - 1]!.at(-1)!
      const last = inMinute.at(-1)!
      return ((last.stats.cpuMicros - before.stats.cpuMicros) / 1000) / (last.at - before.at) * 100
    })
    const second = rssPerMinute[1]!
    const lastMinute = rssPerMinute.at(-1)!
    const rssChange = (lastMinute - second) / second
    const rssFlat = Math.abs(rssChange) <= RSS_TOLERANCE
    const first = samples[0]!
    const end = samples.at(-1)!
    const cpuPercent = ((end.stats.cpuMicros - first.stats.cpuMicros) / 1000) / (end.at - first.at) * 100
    const elu = (end.stats.eluActive - first.stats.eluActive) / (end.stats.eluActive - first.stats.eluActive + end.stats.eluIdle - first.stats.eluIdle)
    // Time the server's event loop was ready to run but waiting for a CPU: other work on the machine.
    const waited = end.stats.schedWaitNs !== null && first.stats.schedWaitNs !== null ? (end.stats.schedWaitNs - first.stats.schedWaitNs) / 1e6 / (end.at - first.at) * 100 : null
    const errors = soak.endpoints.reduce((sum, e) => sum + e.errors, 0)
    const streamsLost = soak.streams.atStart - soak.streams.stillOpen
    const allDelivered = soak.events.delivered === soak.events.expected && soak.events.outOfOrder === 0

    console.log(`\nsoak, ${(soak.seconds / 60).toFixed(1)} min (server pid ${server.process.pid}); load average at the start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at the end ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')}`)
    console.table(soak.endpoints.map((e) => ({
      endpoint: e.endpoint, requests: e.count, errors: e.errors, p50: ms(e.p50), p95: ms(e.p95), p99: ms(e.p99), max: ms(e.max),
      ...(e.firstError ? { 'first error': e.firstError } : {}),
    })))
    console.table([
      { measure: 'streams open at the start / still open at the end', value: `${soak.streams.atStart} / ${soak.streams.stillOpen}`, goal: `${STREAMS} / all`, ok: soak.streams.atStart === STREAMS && streamsLost === 0 ? 'yes' : 'NO' },
      { measure: 'claim events delivered / expected', value: `${soak.events.delivered.toLocaleString('en-GB')} / ${soak.events.expected.toLocaleString('en-GB')} (out of order ${soak.events.outOfOrder}, not ours ${soak.events.unexpected})`, goal: 'all', ok: allDelivered ? 'yes' : 'NO' },
      { measure: 'claim / release POST sent to frame on a stream, p50 / p95 / p99 / max', value: `${ms(soak.delivery.p50)} / ${ms(soak.delivery.p95)} / ${ms(soak.delivery.p99)} / ${ms(soak.delivery.max)}`, goal: '-', ok: '' },
      { measure: 'errors (all routes)', value: `${errors}`, goal: '0', ok: errors === 0 ? 'yes' : 'NO' },
      { measure: 'wanted people rotated through', value: `${soak.wantedRotated}`, goal: '-', ok: '' },
      { measure: 'server CPU over the soak', value: `${cpuPercent.toFixed(1)} % of a core (event loop busy ${(elu * 100).toFixed(1)} %)`, goal: '-', ok: '' },
      { measure: 'server event loop runnable but waiting for a CPU', value: waited === null ? 'unknown' : `${waited.toFixed(1)} % of the time (other work on the machine)`, goal: '-', ok: '' },
      { measure: 'load generator CPU over the soak', value: `${((soak.loadCpuMs / (soak.seconds * 1000)) * 100).toFixed(1)} % of a core`, goal: '-', ok: '' },
    ])
    console.table(rssPerMinute.map((rss, m) => ({
      minute: m + 1, 'server RSS (mean)': MB(rss), 'server RSS (max)': MB(Math.max(...minutes[m]!.map((s) => s.stats.rss))), 'server CPU': `${cpuPerMinute[m]!.toFixed(1)} %`,
    })))
    const rssVerdict = `last minute ${MB(lastMinute)} vs second minute ${MB(second)}: ${rssChange >= 0 ? '+' : ''}${(rssChange * 100).toFixed(1)} % (goal within ${RSS_TOLERANCE * 100} %): ${rssFlat ? 'PASS' : 'FAIL'}`
    console.log(`memory: ${rssVerdict}${MINUTES === 2 ? ' (with SOAK_MINUTES=2 the last minute is the second: run 10 for a real comparison)' : ''}`)

    const figures: Figure[] = [
      { figure: `errors over ${MINUTES} min (${STREAMS.toLocaleString('en-GB')} streams, ${CHECKS_PER_SECOND} checks/s, 1 claim/s)`, value: `${errors}`, goal: '0', met: errors === 0 },
      { figure: 'streams kept open', value: `${soak.streams.stillOpen} / ${STREAMS}`, goal: 'all', met: soak.streams.atStart === STREAMS && streamsLost === 0 },
      { figure: 'claim events delivered / expected', value: `${soak.events.delivered.toLocaleString('en-GB')} / ${soak.events.expected.toLocaleString('en-GB')}`, goal: 'all', met: allDelivered },
      ...soak.endpoints.map((e): Figure => ({ figure: `p99 ${e.endpoint}`, value: ms(e.p99), goal: 'reported', met: null })),
      { figure: 'claim event delivery p99', value: ms(soak.delivery.p99), goal: 'reported', met: null },
      { figure: 'server RSS, last minute vs second', value: `${MB(lastMinute)} vs ${MB(second)} (${rssChange >= 0 ? '+' : ''}${(rssChange * 100).toFixed(1)} %)`, goal: 'within 10 %', met: rssFlat },
      { figure: 'server CPU', value: `${cpuPercent.toFixed(1)} % of a core${waited === null ? '' : `; waiting for a CPU ${waited.toFixed(0)} % of the time`}`, goal: '-', met: null },
    ]
    return figures
  } finally {
    await load?.stop({ type: 'close' })
    await server?.stop({ type: 'stop' })
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
