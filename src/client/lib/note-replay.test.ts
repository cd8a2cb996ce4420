/**
 * The outbox replay test of issue 8: 500 notes made offline, each with a recording, replayed
 * against a real server process that is killed (SIGKILL, mid-request) and restarted twice during
 * the replay; afterwards the server holds every note exactly once, each recording byte for byte.
 *
 * The replay uses the client's own code: the note senders' HTTP steps (note-upload.ts: body, then
 * the recording in pieces resumed from the server's status) and the outbox's retry decisions
 * (outbox-retry.ts `outcomeOf`, `backoffMs` scaled down a hundredfold). The loop itself mirrors
 * outbox.ts `drainPass` (head of the queue first; sent -> removed, retry -> wait and hold the
 * queue, refusal -> kept as failed) over an in-memory queue, since Dexie needs IndexedDB. A final
 * pass replays the first 100 ops again, as a device that lost its deletions would.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CreateNoteRequest, NotesResponse } from '../../shared/api/notes.ts'
import { ApiError } from './api-client.ts'
import { sendNoteAudio, sendNoteBody, type NoteTransport } from './note-upload.ts'
import { backoffMs, outcomeOf } from './outbox-retry.ts'

const noteCount = 500
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-replay-'))
let port = 0
let server: ChildProcess | null = null
let cookie = ''

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function startServer(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/testing/replay-server.ts'], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_PATH: path.join(dir, 'kestrel.db'), PORT: String(port), LOGIN_RATE_LIMIT: '1000' },
    stdio: 'ignore',
  })
  server = child
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)
    if (ok) return
    if (Date.now() > deadline) throw new Error('the server did not start in 60 s')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function killServer(): Promise<void> {
  const child = server
  if (!child || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

beforeAll(async () => {
  port = await freePort()
  await startServer()
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ collarNumber: '1001', password: 'kestrel-demo' }),
  })
  expect(login.status).toBe(200)
  cookie = /kestrel_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? ''
  expect(cookie).not.toBe('')
}, 90_000)

afterAll(async () => {
  await killServer()
  fs.rmSync(dir, { recursive: true, force: true })
})

type Op =
  | { kind: 'note.create'; payload: CreateNoteRequest }
  | { kind: 'note.audio'; payload: { noteId: string; contentType: string; bytes: Uint8Array } }

it('stores 500 notes made offline exactly once, with their recordings, though the server is killed twice during the replay', async () => {
  const transport: NoteTransport = {
    base: `http://127.0.0.1:${port}`,
    timeoutMs: 5_000,
    // The browser sends the session cookie by itself; in Node the transport adds it.
    fetchImpl: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
  }
  const send = async (op: Op) => {
    if (op.kind === 'note.create') return sendNoteBody(op.payload, transport)
    // Small pieces, so most recordings go in several requests and a cut lands mid-recording.
    return sendNoteAudio({ ...op.payload, pieceBytes: 2000 }, transport)
  }

  // Offline: every note and its recording queued in order, body first, as the device does.
  const recordings = new Map<string, Uint8Array>()
  const ops: Op[] = []
  const started = Date.parse('2026-11-25T20:00:00.000Z')
  for (let i = 0; i < noteCount; i += 1) {
    const id = randomUUID()
    const bytes = new Uint8Array(randomBytes(800 + ((i * 37) % 2400)))
    recordings.set(id, bytes)
    ops.push({ kind: 'note.create', payload: { id, text: `Note ${i}: <b>${i}</b>`, recordedAt: new Date(started + i * 1000).toISOString(), ...(i % 3 === 0 ? { attachedTo: { kind: 'person', id: `P${i}` } } : {}) } })
    ops.push({ kind: 'note.audio', payload: { noteId: id, contentType: 'audio/webm', bytes } })
  }

  // The replay: head of the queue first; a failure holds the queue until its retry.
  const queue = [...ops]
  let sentCount = 0
  let retries = 0
  const failed: string[] = []
  const cuts = [Math.round(ops.length * 0.3), Math.round(ops.length * 0.65)]
  const restarts: Promise<void>[] = []
  let attempts = 0
  while (queue.length > 0) {
    const head = queue[0]!
    if (cuts[0] !== undefined && sentCount >= cuts[0]) {
      cuts.shift()
      // Killed at a moment unrelated to the loop (usually mid-request), back after a pause.
      restarts.push((async () => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 15))
        await killServer()
        await new Promise((resolve) => setTimeout(resolve, 300))
        await startServer()
      })())
    }
    let error: unknown = null
    try {
      await send(head)
    } catch (caught) {
      error = caught
    }
    attempts += 1
    const outcome = error === null ? { action: 'sent' as const } : outcomeOf(error, attempts)
    if (outcome.action === 'sent') {
      queue.shift()
      sentCount += 1
      attempts = 0
      continue
    }
    if (outcome.action === 'fail') {
      failed.push(`${head.kind}: ${outcome.message}`)
      queue.shift()
      attempts = 0
      continue
    }
    retries += 1
    await new Promise((resolve) => setTimeout(resolve, Math.round(backoffMs(attempts) / 100)))
  }
  await Promise.all(restarts)
  expect(failed).toEqual([])
  expect(retries, 'the kills were felt by the replay').toBeGreaterThan(0)

  // A device that lost its deletions replays the first 100 ops again: harmless.
  for (const op of ops.slice(0, 100)) await send(op)

  const listed = await fetch(`${transport.base}/api/notes?limit=500`, { headers: { cookie } })
  const { items } = (await listed.json()) as NotesResponse
  expect(items).toHaveLength(noteCount)
  expect(new Set(items.map((n) => n.id))).toEqual(new Set(recordings.keys()))
  for (const note of items) {
    const bytes = recordings.get(note.id)!
    expect(note.audio, note.id).toMatchObject({ complete: true, total: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })
  }
  // And one recording read back byte for byte.
  const [firstId, firstBytes] = [...recordings][0]!
  const audio = new Uint8Array(await (await fetch(`${transport.base}/api/notes/${firstId}/audio`, { headers: { cookie } })).arrayBuffer())
  expect(Buffer.compare(audio, firstBytes)).toBe(0)
  // A different body under a stored id is still refused after all that.
  await expect(sendNoteBody({ ...(ops[0]!.payload as CreateNoteRequest), text: 'changed' }, transport)).rejects.toBeInstanceOf(ApiError)
}, 180_000)
