/**
 * What the fault tests share: a database of their own (a SQLite file in a temporary folder, or a
 * fresh PostgreSQL database on TEST_DATABASE_URL's server) seeded with a small demo force; the real
 * server started as `npm run serve` starts it (`node --import tsx src/server/main.ts`), as a child
 * process the test can SIGKILL; and plain HTTP calls that report a dropped connection as status 0
 * instead of throwing, the way a device sees a server that vanished mid-request.
 *
 * A fresh PostgreSQL database (not a schema) per run, so the test can cut every connection of the
 * server's database with pg_terminate_backend without touching anyone else's.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { StoreConfig } from '../config.ts'
import { seedDemoForce } from '../seed/index.ts'
import { migrateToLatest, openStore, type Store } from '../store/db.ts'

export const DEMO_PASSWORD = 'kestrel-demo'
const repoRoot = path.resolve(import.meta.dirname, '../../..')

export type FaultDatabase = {
  kind: 'sqlite' | 'postgres'
  /** what the server process is given: DATABASE_PATH or DATABASE_URL */
  env: Record<string, string>
  /** the PostgreSQL database's name (postgres only) */
  name: string | null
  /** A store of the test's own on the same database, to read what the server wrote. */
  open(): Store
  cleanup(): Promise<void>
}

/** A new database, migrated and seeded with the demo force at `scale` (officers 1001-1200 and the rest). */
export async function createFaultDatabase(kind: 'sqlite' | 'postgres', scale = 0.02): Promise<FaultDatabase> {
  let config: StoreConfig
  let database: FaultDatabase
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-faults-'))
    config = { kind: 'sqlite', path: path.join(dir, 'kestrel.db') }
    database = {
      kind, name: null, env: { DATABASE_PATH: config.path }, open: () => openStore(config),
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  } else {
    const adminUrl = process.env.TEST_DATABASE_URL
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set')
    const name = `kestrel_fault_${randomBytes(5).toString('hex')}`
    await adminQuery(`create database ${name}`)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    config = { kind: 'postgres', url: url.toString() }
    database = {
      kind, name, env: { DATABASE_URL: url.toString() }, open: () => openStore(config),
      cleanup: async () => { await adminQuery(`drop database if exists ${name} with (force)`) },
    }
  }
  const store = openStore(config)
  try {
    await migrateToLatest(store)
    await seedDemoForce(store, { demoPassword: DEMO_PASSWORD, scale })
  } finally {
    await store.destroy()
  }
  return database
}

/** One statement on TEST_DATABASE_URL's own database (never the one under test, whose connections get cut). */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  await client.connect()
  try {
    return (await client.query<R>(text, values)).rows
  } finally {
    await client.end()
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))))
    })
  })
}

export type ServerProcess = {
  base: string
  child: ChildProcess
  alive(): boolean
  /** SIGKILL: no shutdown hook runs, whatever the server was doing. */
  kill(): Promise<void>
  /** The last lines the process printed, for failure messages. */
  output(): string
}

/** Starts `node --import tsx src/server/main.ts` on the database and waits for /api/health. */
// A start takes about 5 s of CPU (mostly loading modules); on a machine shared with other work it has taken over a minute.
export async function startServerProcess(database: FaultDatabase, port: number, timeoutMs = 300_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env, ...database.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DEMO_PASSWORD,
      LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '10000', CLIENT_DIR: path.join(os.tmpdir(), 'kestrel-faults-no-client'),
      ...(database.kind === 'sqlite' ? { DATABASE_URL: '' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Never outlive the test run, whatever stopped it (a timeout, a crash of the worker).
  const orphanGuard = () => { child.kill('SIGKILL') }
  process.once('exit', orphanGuard)
  child.once('exit', () => process.off('exit', orphanGuard))
  let printed = ''
  const keep = (chunk: Buffer) => { printed = (printed + chunk.toString()).slice(-4000) }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const base = `http://127.0.0.1:${port}`
  const server: ServerProcess = {
    base,
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: async () => {
      if (!server.alive()) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
    output: () => printed,
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (!server.alive()) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) while starting:\n${printed}`)
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)
    if (ok) return server
    if (Date.now() > deadline) {
      await server.kill()
      throw new Error(`the server did not answer /api/health within ${timeoutMs} ms:\n${printed}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** A reply, or status 0 when the connection failed or was cut before a status arrived. */
export type Reply = { status: number; body: unknown; error?: string }

export async function call(base: string, method: 'GET' | 'POST', url: string, cookie: string | null, body?: unknown, timeoutMs = 15_000): Promise<Reply> {
  try {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    // The status is the acknowledgement; a body cut off after it does not undo it.
    const text = await response.text().catch(() => '')
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: kept as text for the failure message
    }
    return { status: response.status, body: parsed }
  } catch (error) {
    return { status: 0, body: null, error: error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error) }
  }
}

/** Signs in a demo account; returns the Cookie header value. */
export async function signIn(base: string, collarNumber: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ collarNumber, password: DEMO_PASSWORD }),
  })
  const cookie = /kestrel_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0]
  if (response.status !== 200 || !cookie) throw new Error(`sign-in of ${collarNumber} failed: ${response.status} ${await response.text()}`)
  return cookie
}

/** Whether a reply is the error shape every route answers with. */
export function hasErrorShape(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const { error } = body
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && 'message' in error && typeof error.message === 'string'
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
