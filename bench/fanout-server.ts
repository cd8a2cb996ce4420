/**
 * The server side of the fan-out benchmark, run as its own process by bench/fanout.ts so that its
 * memory and CPU are its own: migrates and seeds a temporary SQLite database (a small demo force,
 * all the accounts), starts the real Kestrel app on 127.0.0.1 on a free port, and answers the
 * parent over the IPC channel: `ready` with the port, then `stats` (RSS, CPU time, event-loop
 * utilisation, connected streams) whenever asked. Exits when the parent says `stop` or goes away.
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { seedDemoForce } from '../src/server/seed/index.ts'
import { migrateToLatest, openStore } from '../src/server/store/db.ts'
import type { ServerCommand, ServerMessage } from './fanout-protocol.ts'

const send = (message: ServerMessage) => {
  // The parent may be gone already: a failed send is not worth an error.
  if (process.connected) process.send?.(message, undefined, {}, () => {})
}
if (!process.send) throw new Error('fanout-server runs as a child of bench/fanout.ts (it needs the IPC channel)')

const config = loadConfig(process.env)
const scale = Number(process.env.BENCH_SEED_SCALE ?? '0.1')
const store = openStore(config.store)
await migrateToLatest(store)
const seedStarted = performance.now()
await seedDemoForce(store, { demoPassword: config.demoPassword, scale })
const seedMs = performance.now() - seedStarted
const app = await buildApp({ config, store })
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
if (address === null || typeof address === 'string') throw new Error('the server has no TCP address')

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  // Streams are kept open by their clients; closing them here keeps app.close() short.
  app.server.closeAllConnections()
  await app.close()
  process.exit(0)
}

/** The main thread's scheduler times from /proc (on CPU, waiting on a run queue), ns. */
function schedstat(): [number | null, number | null] {
  try {
    const [run, wait] = fs.readFileSync('/proc/thread-self/schedstat', 'latin1').trim().split(/\s+/).map(Number)
    return [run ?? null, wait ?? null]
  } catch {
    return [null, null]
  }
}

process.on('message', (command: ServerCommand) => {
  if (command.type === 'stop') {
    void stop()
    return
  }
  const cpu = process.cpuUsage()
  const elu = performance.eventLoopUtilization()
  const [schedRunNs, schedWaitNs] = schedstat()
  send({
    type: 'stats',
    stats: { rss: process.memoryUsage.rss(), cpuMicros: cpu.user + cpu.system, eluIdle: elu.idle, eluActive: elu.active, streams: app.events.subscribers(), schedRunNs, schedWaitNs },
  })
})
process.on('disconnect', () => void stop())
send({ type: 'ready', port: address.port, seedMs })
