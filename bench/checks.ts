/**
 * The person-check benchmark (issue 5). Server: a temporary SQLite database with the demo force
 * plus 1,000,000 generated people (names from faker's en_GB lists, search keys made by the shared
 * `personMatchKeys`, as `upsertPeople` makes them), the real server in its own process, and checks
 * over HTTP from this process with realistic variations (exact, nickname, typo, swapped day and
 * month, year alone, no date). Every check writes its audit record. It prints latency
 * p50/p95/p99/max one check at a time, then throughput and latency with 16 checks in flight, and
 * verifies the audit chain afterwards. Then the device side (bench/checks-device.ts): offline
 * checks over 50,000 cached people in Chromium.
 * Goals: server p95 < 20 ms and >= 1,000 checks/s on this machine; offline p95 < 50 ms.
 * `BENCH_CHECK_PEOPLE=200000` generates fewer people. `BENCH_CHECK_DB=FILE` keeps the generated
 * database in FILE and reuses it on the next run (generating 1,000,000 people takes minutes).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { fakerEN_GB as faker } from '@faker-js/faker'
import { personMatchKeys, storedBirthYear } from '../src/shared/matching/keys.ts'
import { seedDemoForce } from '../src/server/seed/index.ts'
import { verifyAuditChain } from '../src/server/store/audit.ts'
import { migrateToLatest, openStore } from '../src/server/store/db.ts'
import { deviceCheckBenchmark } from './checks-device.ts'
import { goalFigures, type Figure } from './figures.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const PEOPLE = Number(process.env.BENCH_CHECK_PEOPLE ?? 1_000_000)
const SEQUENTIAL = 2000
const LOAD_SECONDS = 15
const IN_FLIGHT = 16
const reasons = ['stop_account', 'intelligence', 'warrant', 'welfare', 'tasking']
type Row = { measure: string; value: string; goal: string; ok: string }
type Query = { surname: string; forenames?: string; dob?: string }

const pad = (n: number) => String(n).padStart(2, '0')
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
const ms = (n: number) => `${n.toFixed(1)} ms`

/** Adds `count` generated people straight into the SQLite file, with their search keys. */
function generatePeople(file: string, count: number): { sample: { surname: string; forenames: string; dob: string }[]; ms: number } {
  const started = performance.now()
  faker.seed(5)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  const insertPerson = db.prepare(`insert into people (id, surname, forenames, dob, sex, description, aliases, warning_markers, area_id, address_id, photo_media_id, updated_at)
    values (?, ?, ?, ?, ?, '{}', '[]', '[]', null, null, null, ?)`)
  const insertKey = db.prepare('insert into person_match_keys (key, birth_year, person_id) values (?, ?, ?)')
  const keyCache = new Map<string, string[]>()
  const sample: { surname: string; forenames: string; dob: string }[] = []
  const now = new Date().toISOString()
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const sex = i % 2 ? 'M' : 'F'
      const forenames = faker.person.firstName(sex === 'M' ? 'male' : 'female')
      const surname = faker.person.lastName()
      const dob = `${faker.number.int({ min: 1940, max: 2008 })}-${pad(faker.number.int({ min: 1, max: 12 }))}-${pad(faker.number.int({ min: 1, max: 28 }))}`
      const id = `G${String(i).padStart(7, '0')}`
      insertPerson.run(id, surname, forenames, dob, sex, now)
      const cacheKey = `${surname}|${forenames}`
      let keys = keyCache.get(cacheKey)
      if (!keys) {
        keys = personMatchKeys({ surname, forenames, dob })
        if (keyCache.size < 500_000) keyCache.set(cacheKey, keys)
      }
      const year = storedBirthYear(dob)
      for (const key of keys) insertKey.run(key, year, id)
      if (i % Math.max(1, Math.floor(count / 2000)) === 0) sample.push({ surname, forenames, dob })
    }
  })
  for (let i = 0; i < count; i += 10_000) batch(i, Math.min(count, i + 10_000))
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return { sample, ms: performance.now() - started }
}

async function createDatabase(file: string) {
  const store = openStore({ kind: 'sqlite', path: file })
  await migrateToLatest(store)
  await seedDemoForce(store, { demoPassword: 'kestrel-demo', scale: 0.05 })
  await store.destroy()
  return generatePeople(file, PEOPLE)
}

/** The same sample `generatePeople` took, read back from a kept database. */
function readSample(file: string, count: number): { surname: string; forenames: string; dob: string }[] {
  const db = new Database(file, { readonly: true })
  const step = Math.max(1, Math.floor(count / 2000))
  const read = db.prepare('select surname, forenames, dob from people where id = ?')
  const sample: { surname: string; forenames: string; dob: string }[] = []
  for (let i = 0; i < count; i += step) {
    const row = read.get(`G${String(i).padStart(7, '0')}`) as { surname: string; forenames: string; dob: string } | undefined
    if (row) sample.push(row)
  }
  db.close()
  if (sample.length === 0) throw new Error(`${file} holds no generated people: remove it, or unset BENCH_CHECK_DB`)
  return sample
}

const typo = (name: string, r: number) => {
  if (name.length < 4) return name
  const i = 1 + (r % (name.length - 2))
  return r % 2 ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name.slice(0, i) + name.slice(i + 1)
}

/** What officers are told at the roadside, in the proportions we expect. */
function queries(sample: { surname: string; forenames: string; dob: string }[]): Query[] {
  return sample.map((p, i) => {
    const [y, m, d] = p.dob.split('-')
    switch (i % 8) {
      case 0: case 1: case 2: return { surname: p.surname, forenames: p.forenames, dob: p.dob }
      case 3: return { surname: typo(p.surname, i), forenames: p.forenames, dob: p.dob }
      case 4: return { surname: p.surname.toUpperCase(), forenames: p.forenames, dob: Number(d) <= 12 ? `${y}-${d}-${m}` : p.dob }
      case 5: return { surname: p.surname, forenames: p.forenames, dob: y! }
      case 6: return { surname: p.surname, forenames: p.forenames }
      default: return { surname: p.forenames, forenames: p.surname, dob: p.dob }
    }
  })
}

/** How many person-check audit records the database holds. */
async function countCheckRecords(file: string): Promise<number> {
  const store = openStore({ kind: 'sqlite', path: file })
  try {
    const { n } = await store.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).where('subjectKind', '=', 'person-check').executeTakeFirstOrThrow()
    return Number(n)
  } finally {
    await store.destroy()
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** CPU time the whole machine spent busy (all processes), from /proc/stat (USER_HZ is 100). */
function machineBusyMs(): number {
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fs.readFileSync('/proc/stat', 'latin1').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  return (user + nice + system + irq + softirq + steal) * 10
}

function processStats(pid: number): { rss: number; cpuMs: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return { rss, cpuMs: (Number(stat[11]) + Number(stat[12])) * 10 }
}

export async function checksBenchmark(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-checks-'))
  const kept = process.env.BENCH_CHECK_DB
  const file = kept ? path.resolve(kept) : path.join(dir, 'bench.db')
  const generated = kept && fs.existsSync(file) ? { sample: readSample(file, PEOPLE), ms: 0 } : await createDatabase(file)
  // A kept database holds the records of earlier runs: count only this run's.
  const auditedBefore = await countCheckRecords(file)
  const port = await freePort()
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(here, '../src/server/main.ts')], {
    env: { ...process.env, NODE_ENV: 'production', DEMO: '1', DEMO_PASSWORD: 'kestrel-demo', DATABASE_PATH: file, PORT: String(port), HOST: '127.0.0.1', LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  const figures: Figure[] = []
  try {
    for (let tries = 0; ; tries++) {
      try { if ((await fetch(`${base}/api/health`)).ok) break } catch { /* not listening yet */ }
      if (tries > 600) throw new Error('the server did not start')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ collarNumber: '1001', password: 'kestrel-demo' }) })
    if (!login.ok) throw new Error(`sign-in failed: ${login.status}`)
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const list = queries(generated.sample)
    let found = 0
    let made = 0
    const check = async (query: Query, i: number) => {
      const started = performance.now()
      const response = await fetch(`${base}/api/checks/person`, {
        method: 'POST', headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ ...query, reason: { code: reasons[i % reasons.length] } }),
      })
      const body = await response.json() as { candidates?: { surname: string; forenames: string }[] }
      const took = performance.now() - started
      if (!response.ok || !body.candidates) throw new Error(`check failed: ${response.status} ${JSON.stringify(body)}`)
      made += 1
      if (body.candidates.length > 0) found += 1
      return took
    }
    // Warm up, then one at a time: the latency an officer sees on a quiet server.
    for (let i = 0; i < 200; i++) await check(list[i % list.length]!, i)
    const before = processStats(server.pid!)
    const single: number[] = []
    for (let i = 0; i < SEQUENTIAL; i++) single.push(await check(list[i % list.length]!, i))
    single.sort((a, b) => a - b)
    // Then 16 in flight for 15 s: how many checks a second the server completes, and their latency.
    const loaded: number[] = []
    const loadStarted = performance.now()
    const loadCpu = processStats(server.pid!)
    const machineBefore = machineBusyMs()
    const benchCpuBefore = process.cpuUsage()
    let next = 0
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() - loadStarted < LOAD_SECONDS * 1000) {
        const i = next++
        loaded.push(await check(list[i % list.length]!, i))
      }
    }))
    const loadSeconds = (performance.now() - loadStarted) / 1000
    const after = processStats(server.pid!)
    const benchCpu = process.cpuUsage(benchCpuBefore)
    // CPU the machine spent on anything but the server and this load generator meanwhile.
    const otherPercent = Math.max(0, (machineBusyMs() - machineBefore - (after.cpuMs - loadCpu.cpuMs) - (benchCpu.user + benchCpu.system) / 1000) / (loadSeconds * 1000) * 100)
    loaded.sort((a, b) => a - b)
    const rate = loaded.length / loadSeconds
    const p95 = percentile(single, 95)
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    const checksAudited = await countCheckRecords(file) - auditedBefore
    const audit = openStore({ kind: 'sqlite', path: file })
    const chain = await verifyAuditChain(audit.db)
    await audit.destroy()
    const rows: Row[] = [
      { measure: 'people in the store', value: `${(PEOPLE + 1000).toLocaleString('en-GB')} (${generated.ms ? `generated in ${(generated.ms / 1000).toFixed(0)} s` : `kept in ${kept}`})`, goal: '1,000,000', ok: PEOPLE >= 1_000_000 ? 'yes' : 'NO' },
      { measure: 'one at a time: p50 / p95 / p99 / max', value: `${ms(percentile(single, 50))} / ${ms(p95)} / ${ms(percentile(single, 99))} / ${ms(single.at(-1)!)}`, goal: 'p95 < 20 ms', ok: p95 < 20 ? 'yes' : 'NO' },
      { measure: `${IN_FLIGHT} in flight: checks a second`, value: `${rate.toFixed(0)} (${loaded.length.toLocaleString('en-GB')} in ${loadSeconds.toFixed(1)} s)`, goal: '>= 1,000', ok: rate >= 1000 ? 'yes' : 'NO' },
      { measure: `${IN_FLIGHT} in flight: p50 / p95 / p99 / max`, value: `${ms(percentile(loaded, 50))} / ${ms(percentile(loaded, 95))} / ${ms(percentile(loaded, 99))} / ${ms(loaded.at(-1)!)}`, goal: '-', ok: '' },
      { measure: 'server CPU per check (one at a time)', value: ms((loadCpu.cpuMs - before.cpuMs) / SEQUENTIAL), goal: '-', ok: '' },
      { measure: `${IN_FLIGHT} in flight: server CPU / load generator CPU`, value: `${((after.cpuMs - loadCpu.cpuMs) / (loadSeconds * 10)).toFixed(0)} % / ${((benchCpu.user + benchCpu.system) / 1000 / (loadSeconds * 10)).toFixed(0)} % of a core`, goal: '-', ok: '' },
      { measure: 'other CPU use on the machine meanwhile', value: `${otherPercent.toFixed(0)} % of a core`, goal: '-', ok: '' },
      { measure: 'server RSS after the load', value: `${(after.rss / 1024 / 1024).toFixed(0)} MB`, goal: '-', ok: '' },
      { measure: 'checks with at least one candidate', value: `${found.toLocaleString('en-GB')} / ${made.toLocaleString('en-GB')}`, goal: 'all', ok: found === made ? 'yes' : 'NO' },
      { measure: 'audit records written / checks made', value: `${checksAudited.toLocaleString('en-GB')} / ${made.toLocaleString('en-GB')}`, goal: 'equal', ok: checksAudited === made ? 'yes' : 'NO' },
      { measure: 'audit chain after the run', value: chain.ok ? `verified (${chain.records.toLocaleString('en-GB')} records)` : `BROKEN at ${chain.brokenAt}`, goal: 'verified', ok: chain.ok ? 'yes' : 'NO' },
    ]
    console.log(`\nserver person checks (SQLite, real server on loopback, ${os.cpus().length} CPUs)`)
    console.table(rows)
    figures.push(...goalFigures(rows, 'server: '))
    if (otherPercent > 20) console.log(`note: other work used ${otherPercent.toFixed(0)} % of a core during the load phase (${os.cpus().length} CPUs): these figures are pessimistic`)
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM')
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return [...figures, ...await deviceCheckBenchmark()]
}
