/**
 * The live-event fan-out benchmark (issue 4): the real server in one child process on a temporary
 * seeded SQLite database, a load generator in another, both on loopback. For 1,000 and then 5,000
 * connected `GET /api/events` streams it makes 20 claims over about 10 s and prints claim-to-delivery
 * latency (POST sent to `claim.created` read on each stream, one clock), delivered/expected, and the
 * server's RSS and CPU. Goal: all delivered, p99 under 200 ms at 5,000 streams.
 * `BENCH_FANOUT_STREAMS=500,2000` measures other stream counts. Needs Linux or macOS (`sh`).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { goalFigures, type Figure, type GoalRow } from './figures.ts'
import { benchServerEnv, type ClaimResult, type LoadCommand, type LoadMessage, type OpenResult, type ServerCommand, type ServerMessage, type ServerStats } from './fanout-protocol.ts'

type Row = GoalRow

const here = path.dirname(fileURLToPath(import.meta.url))
const CLAIMS = 20
const CLAIM_INTERVAL_MS = 500
const OFFICERS = Array.from({ length: 50 }, (_, i) => String(1001 + i))
const P99_GOAL_MS = 200
const GOAL_STREAMS = 5000

/** A child process spoken to over IPC, with bounded waits for its answers (the soak uses it too). */
export class Child<Command, Message extends { type: string }> {
  private readonly inbox: Message[] = []
  private wakeUp: (() => void) | null = null
  private exited: string | null = null

  constructor(readonly name: string, readonly process: ChildProcess) {
    process.on('message', (message: Message) => {
      this.inbox.push(message)
      this.wakeUp?.()
    })
    process.on('exit', (code, signal) => {
      this.exited = `${name} exited (${signal ?? code})`
      this.wakeUp?.()
    })
  }

  static start<C, M extends { type: string }>(name: string, script: string, env: NodeJS.ProcessEnv): Child<C, M> {
    // Thousands of sockets need thousands of file descriptors: raise the soft limit to the hard one.
    const child = spawn('sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, '--import', 'tsx', path.join(here, script)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env,
    })
    return new Child<C, M>(name, child)
  }

  send(command: Command) {
    this.process.send(command as object)
  }

  async next<T extends Message['type']>(type: T, timeoutMs: number): Promise<Extract<Message, { type: T }>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type || m.type === 'failed')
      if (index >= 0) {
        const [message] = this.inbox.splice(index, 1)
        if (message!.type === 'failed') throw new Error(`${this.name}: ${(message as unknown as { message: string }).message}`)
        return message as Extract<Message, { type: T }>
      }
      if (this.exited) throw new Error(this.exited)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`${this.name}: no "${type}" within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.wakeUp = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wakeUp = null
    }
  }

  async stop(command?: Command) {
    if (this.exited) return
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()))
    if (command !== undefined && this.process.connected) this.send(command)
    if (this.process.connected) this.process.disconnect()
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
}

/** CPU time the whole machine spent busy (all processes, the kernel), from /proc/stat; null off Linux. */
export function machineBusyMs(): number | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'latin1').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields
    // USER_HZ is 100 on Linux.
    return (user + nice + system + irq + softirq + steal) * 10
  } catch {
    return null
  }
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const ms = (n: number) => `${n.toFixed(1)} ms`
const yes = (ok: boolean) => (ok ? 'yes' : 'NO')

async function measure(server: Child<ServerCommand, ServerMessage>, load: Child<LoadCommand, LoadMessage>, streams: number): Promise<Row[]> {
  const stats = async (): Promise<{ at: number; stats: ServerStats }> => {
    server.send({ type: 'stats' })
    const { stats } = await server.next('stats', 30_000)
    return { at: performance.now(), stats }
  }
  const idle = await stats()
  load.send({ type: 'open', streams, concurrency: 200, timeoutMs: 120_000 })
  const opened: OpenResult = (await load.next('opened', 180_000)).result
  const connected = await stats()
  const machineBefore = machineBusyMs()
  const benchCpuBefore = process.cpuUsage()
  load.send({ type: 'claims', count: CLAIMS, intervalMs: CLAIM_INTERVAL_MS, settleMs: 15_000 })
  const claimed: ClaimResult = (await load.next('claimed', 120_000)).result
  const after = await stats()
  const machineAfter = machineBusyMs()
  const benchCpu = process.cpuUsage(benchCpuBefore)
  load.send({ type: 'close' })
  await load.next('closed', 30_000)
  // Let the server see every stream go before the next round.
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if ((await stats()).stats.streams === 0) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }

  const claimWallMs = after.at - connected.at
  const claimCpuMs = (after.stats.cpuMicros - connected.stats.cpuMicros) / 1000
  const openCpuMs = (connected.stats.cpuMicros - idle.stats.cpuMicros) / 1000
  // CPU the machine spent on anything but the server, the load generator and this process.
  const otherCpuMs = machineBefore === null || machineAfter === null ? null
    : machineAfter - machineBefore - claimCpuMs - claimed.loadCpuMs - (benchCpu.user + benchCpu.system) / 1000
  const otherPercent = otherCpuMs === null ? null : Math.max(0, (otherCpuMs / claimWallMs) * 100)
  const elu = (after.stats.eluActive - connected.stats.eluActive) / (after.stats.eluActive - connected.stats.eluActive + after.stats.eluIdle - connected.stats.eluIdle)
  const allDelivered = claimed.delivered === claimed.expected && claimed.streams === streams && claimed.created === claimed.claims
  const atGoal = streams >= GOAL_STREAMS
  const { latency } = claimed
  const rows: Row[] = [
    { measure: 'streams open', value: `${opened.opened} / ${streams} in ${(opened.ms / 1000).toFixed(1)} s${opened.firstError ? ` (first error: ${opened.firstError})` : ''}`, goal: `${streams}`, ok: yes(opened.opened === streams) },
    { measure: 'claims (201 answers)', value: `${claimed.claims} over ${((CLAIMS - 1) * CLAIM_INTERVAL_MS / 1000).toFixed(1)} s (${claimed.created} × 201)`, goal: `${CLAIMS}`, ok: yes(claimed.created === CLAIMS) },
    { measure: 'delivered / expected', value: `${claimed.delivered} / ${claimed.expected}`, goal: 'all', ok: yes(allDelivered) },
    { measure: 'duplicates / out of order', value: `${claimed.duplicates} / ${claimed.outOfOrder}`, goal: '0 / 0', ok: yes(claimed.duplicates === 0 && claimed.outOfOrder === 0) },
    { measure: 'latency p50', value: ms(latency.p50), goal: '-', ok: '' },
    { measure: 'latency p95', value: ms(latency.p95), goal: '-', ok: '' },
    { measure: 'latency p99', value: ms(latency.p99), goal: atGoal ? `< ${P99_GOAL_MS} ms` : '-', ok: atGoal ? yes(latency.p99 < P99_GOAL_MS) : '' },
    { measure: 'latency max', value: ms(latency.max), goal: '-', ok: '' },
    { measure: 'claim POST response p50 / max', value: `${ms(claimed.post.p50)} / ${ms(claimed.post.max)}`, goal: '-', ok: '' },
    { measure: 'server RSS idle / streams open / after claims', value: `${MB(idle.stats.rss)} / ${MB(connected.stats.rss)} / ${MB(after.stats.rss)}`, goal: '-', ok: '' },
    { measure: 'server RSS per stream', value: `${((connected.stats.rss - idle.stats.rss) / streams / 1024).toFixed(1)} kB`, goal: '-', ok: '' },
    { measure: 'server CPU opening the streams', value: `${(openCpuMs / 1000).toFixed(1)} s (${(openCpuMs / streams).toFixed(2)} ms a stream)`, goal: '-', ok: '' },
    { measure: 'server CPU, claim phase', value: `${((claimCpuMs / claimWallMs) * 100).toFixed(1)} % of a core over ${(claimWallMs / 1000).toFixed(1)} s (${(claimCpuMs / CLAIMS).toFixed(1)} ms a claim)`, goal: '-', ok: '' },
    { measure: 'server event loop busy, claim phase', value: `${(elu * 100).toFixed(1)} %`, goal: '-', ok: '' },
    { measure: 'load generator CPU, claim phase', value: `${((claimed.loadCpuMs / claimed.phaseMs) * 100).toFixed(1)} % of a core`, goal: '-', ok: '' },
    { measure: 'other CPU use on the machine, claim phase', value: otherPercent === null ? 'unknown' : `${otherPercent.toFixed(1)} % of a core`, goal: '-', ok: '' },
  ]
  console.log(`\n${streams.toLocaleString('en-GB')} streams`)
  console.table(rows)
  if (otherPercent !== null && otherPercent > 20) console.log(`note: other work used ${otherPercent.toFixed(0)} % of a core meanwhile (on ${os.cpus().length} CPUs): these latencies are pessimistic`)
  return rows
}

export async function fanoutBenchmark(): Promise<Figure[]> {
  const counts = (process.env.BENCH_FANOUT_STREAMS ?? '1000,5000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-fanout-'))
  const env = benchServerEnv(path.join(dir, 'bench.db'))
  let server: Child<ServerCommand, ServerMessage> | undefined
  let load: Child<LoadCommand, LoadMessage> | undefined
  try {
    server = Child.start<ServerCommand, ServerMessage>('server', 'fanout-server.ts', env)
    const ready = await server.next('ready', 300_000)
    load = Child.start<LoadCommand, LoadMessage>('load generator', 'fanout-load.ts', { ...process.env, NODE_ENV: 'production' })
    load.send({ type: 'init', port: ready.port, officers: OFFICERS, password: 'kestrel-demo' })
    const { sessions } = await load.next('ready', 120_000)
    console.log(`server pid ${server.process.pid} on 127.0.0.1:${ready.port} (SQLite, demo force at scale 0.1 seeded in ${(ready.seedMs / 1000).toFixed(1)} s); `
      + `load generator pid ${load.process.pid} with ${sessions} officer sessions shared by the streams; ${os.cpus().length} CPUs`)
    const figures: Figure[] = []
    for (const streams of counts) figures.push(...goalFigures(await measure(server, load, streams), `${streams.toLocaleString('en-GB')} streams: `))
    return figures
  } finally {
    await load?.stop({ type: 'close' })
    await server?.stop({ type: 'stop' })
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
