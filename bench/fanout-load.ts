/**
 * The load generator of the fan-out benchmark, run as its own process by bench/fanout.ts. It signs
 * in a few demo officers, opens many `GET /api/events` streams with their session cookies (several
 * streams per session, as several devices would), then makes claims through the API and times, on
 * this process's clock, how long each claim takes to reach every stream as `claim.created`.
 *
 * Streams are raw TCP sockets speaking HTTP/1.1 with a minimal chunked and SSE decoder: with
 * thousands of streams in one process, the cost of a full HTTP client per frame would land in the
 * latencies measured. Only loopback addresses are used; every wait is bounded.
 */
import net from 'node:net'
import { performance } from 'node:perf_hooks'
import { StringDecoder } from 'node:string_decoder'
import type { ClaimResult, LoadCommand, LoadMessage, OpenResult } from './fanout-protocol.ts'
import { runSoak, type SoakFrame } from './soak-load.ts'

const HOST = '127.0.0.1'
const send = (message: LoadMessage) => {
  // The parent may be gone already: a failed send is not worth an error.
  if (process.connected) process.send?.(message, undefined, {}, () => {})
}
if (!process.send) throw new Error('fanout-load runs as a child of bench/fanout.ts (it needs the IPC channel)')

type Frame = { id: number | null; type: string; personId: string | null }

/**
 * Every socket reads into this one buffer (`onread`): no allocation and no stream machinery per
 * read. Safe because each read is handled synchronously before the next.
 */
const readBuffer = Buffer.allocUnsafe(256 * 1024)

/** One SSE stream over a raw socket: parses the response head, chunked framing, then SSE frames. */
class EventStream {
  readonly socket: net.Socket
  lastId = 0
  /** bytes of an incomplete head or chunk-size line, copied out of the shared buffer */
  private pending: Buffer | null = null
  private headDone = false
  private chunkLeft = 0
  /** bytes of the CRLF that ends a chunk still to skip */
  private crlfLeft = 0
  private readonly decoder = new StringDecoder('utf8')
  private text = ''

  constructor(port: number, cookie: string, private readonly onFrame: (stream: EventStream, frame: Frame) => void, private readonly onFail: (stream: EventStream, reason: string) => void) {
    this.socket = net.connect({
      host: HOST, port, noDelay: true,
      onread: { buffer: readBuffer, callback: (bytes) => this.receive(readBuffer.subarray(0, bytes)) },
    })
    this.socket.on('connect', () => {
      this.socket.write(`GET /api/events HTTP/1.1\r\nHost: ${HOST}:${port}\r\nAccept: text/event-stream\r\nCookie: ${cookie}\r\nConnection: keep-alive\r\n\r\n`)
    })
    this.socket.on('error', (error) => this.onFail(this, error.message))
    this.socket.on('close', () => this.onFail(this, 'closed'))
  }

  private receive(data: Buffer): boolean {
    const buf = this.pending ? Buffer.concat([this.pending, data]) : data
    this.pending = null
    let at = 0
    if (!this.headDone) {
      const end = buf.indexOf('\r\n\r\n')
      if (end < 0) {
        this.pending = Buffer.from(buf)
        return true
      }
      const head = buf.toString('latin1', 0, end)
      if (!head.startsWith('HTTP/1.1 200')) {
        this.onFail(this, head.split('\r\n')[0] ?? 'no status line')
        this.socket.destroy()
        return false
      }
      if (!/\r\ntransfer-encoding: *chunked/i.test(head)) {
        this.onFail(this, 'the stream is not chunked')
        this.socket.destroy()
        return false
      }
      this.headDone = true
      at = end + 4
    }
    let body = ''
    while (at < buf.length) {
      if (this.crlfLeft > 0) {
        const skip = Math.min(this.crlfLeft, buf.length - at)
        this.crlfLeft -= skip
        at += skip
        continue
      }
      if (this.chunkLeft === 0) {
        const lineEnd = buf.indexOf('\r\n', at)
        if (lineEnd < 0) break
        const size = parseInt(buf.toString('latin1', at, lineEnd), 16)
        at = lineEnd + 2
        if (size === 0) {
          this.socket.destroy()
          return false
        }
        this.chunkLeft = size
        continue
      }
      const take = Math.min(this.chunkLeft, buf.length - at)
      body += this.decoder.write(buf.subarray(at, at + take))
      this.chunkLeft -= take
      at += take
      if (this.chunkLeft === 0) this.crlfLeft = 2
    }
    if (at < buf.length) this.pending = Buffer.from(buf.subarray(at))
    if (body) this.frames(body)
    return true
  }

  private frames(body: string) {
    this.text = this.text ? this.text + body : body
    let start = 0
    let end: number
    while ((end = this.text.indexOf('\n\n', start)) >= 0) {
      const frame = this.text.slice(start, end)
      start = end + 2
      let id: number | null = null
      let data = ''
      for (const line of frame.split('\n')) {
        if (line.startsWith('id:')) id = Number(line.slice(3).trim())
        else if (line.startsWith('data:')) data += (data ? '\n' : '') + line.slice(line.startsWith('data: ') ? 6 : 5)
      }
      if (!data) continue
      const parsed = JSON.parse(data) as { type?: unknown; personId?: unknown }
      this.onFrame(this, { id, type: String(parsed.type), personId: typeof parsed.personId === 'string' ? parsed.personId : null })
    }
    this.text = start < this.text.length ? this.text.slice(start) : ''
  }

  close() {
    this.socket.destroy()
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

let port = 0
let cookies: string[] = []
let streams: EventStream[] = []
/** streams that have received `stream.open` and not failed since */
const live = new Set<EventStream>()
const openWaiters = new Map<EventStream, (reason: string | null) => void>()

/** the claim being timed, by person id: when its POST was sent, and which streams have it */
const claimsInFlight = new Map<string, { sentAt: number; seen: Set<EventStream> }>()
let latencies = new Float64Array(0)
let delivered = 0
let duplicates = 0
let outOfOrder = 0
let onDelivered: (() => void) | null = null
const usedPeople = new Set<string>()
/** the soak's own frame handler while it runs (bench/soak-load.ts) */
let soakFrame: ((stream: object, frame: SoakFrame) => void) | null = null

function onFrame(stream: EventStream, frame: Frame) {
  if (frame.id !== null) {
    if (frame.id <= stream.lastId) outOfOrder++
    stream.lastId = frame.id
  }
  if (frame.type === 'stream.open') {
    live.add(stream)
    openWaiters.get(stream)?.(null)
    return
  }
  if (soakFrame) {
    soakFrame(stream, frame)
    return
  }
  if (frame.type !== 'claim.created' || frame.personId === null) return
  const claim = claimsInFlight.get(frame.personId)
  if (!claim) return
  if (claim.seen.has(stream)) {
    duplicates++
    return
  }
  claim.seen.add(stream)
  latencies[delivered++] = performance.now() - claim.sentAt
  onDelivered?.()
}

function onFail(stream: EventStream, reason: string) {
  live.delete(stream)
  openWaiters.get(stream)?.(reason)
}

async function signIn(collarNumber: string, password: string): Promise<string> {
  const response = await fetch(`http://${HOST}:${port}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ collarNumber, password }),
    signal: AbortSignal.timeout(30_000),
  })
  if (!response.ok) throw new Error(`sign-in of ${collarNumber} failed: ${response.status} ${await response.text()}`)
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
}

async function init(command: Extract<LoadCommand, { type: 'init' }>) {
  port = command.port
  cookies = []
  // A few at a time: each sign-in costs the server an argon2 verification.
  for (let i = 0; i < command.officers.length; i += 4) {
    cookies.push(...await Promise.all(command.officers.slice(i, i + 4).map((collar) => signIn(collar, command.password))))
  }
  send({ type: 'ready', sessions: cookies.length })
}

async function open(command: Extract<LoadCommand, { type: 'open' }>): Promise<OpenResult> {
  const started = performance.now()
  const deadline = Date.now() + command.timeoutMs
  let next = 0
  let failed = 0
  let firstError: string | null = null
  const openOne = (index: number) => new Promise<void>((resolve) => {
    const stream = new EventStream(port, cookies[index % cookies.length]!, onFrame, onFail)
    streams.push(stream)
    const timer = setTimeout(() => finish('timed out waiting for stream.open'), Math.max(1, deadline - Date.now()))
    function finish(reason: string | null) {
      clearTimeout(timer)
      openWaiters.delete(stream)
      if (reason !== null) {
        failed++
        firstError ??= reason
        stream.close()
      }
      resolve()
    }
    openWaiters.set(stream, finish)
  })
  // A bounded number of connections in flight, so the server's accept queue never overflows.
  const workers = Array.from({ length: Math.min(command.concurrency, command.streams) }, async () => {
    while (next < command.streams && Date.now() < deadline) await openOne(next++)
  })
  await Promise.all(workers)
  return { requested: command.streams, opened: live.size, failed: failed + (command.streams - next), firstError, ms: performance.now() - started }
}

async function wantedPeople(cookie: string): Promise<string[]> {
  const response = await fetch(`http://${HOST}:${port}/api/wanted`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) })
  if (!response.ok) throw new Error(`GET /api/wanted failed: ${response.status}`)
  const { items } = await response.json() as { items: { personId: string; claim: unknown }[] }
  return items.filter((item) => item.claim === null && !usedPeople.has(item.personId)).map((item) => item.personId)
}

async function claims(command: Extract<LoadCommand, { type: 'claims' }>): Promise<ClaimResult> {
  const people = (await wantedPeople(cookies[0]!)).slice(0, command.count)
  if (people.length < command.count) throw new Error(`only ${people.length} unclaimed wanted people for ${command.count} claims: seed a larger scale`)
  for (const person of people) usedPeople.add(person)
  const audience = [...live]
  const expected = audience.length * people.length
  latencies = new Float64Array(expected)
  delivered = 0
  duplicates = 0
  outOfOrder = 0
  claimsInFlight.clear()

  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const allDelivered = new Promise<void>((resolve) => {
    onDelivered = () => {
      if (delivered >= expected) resolve()
    }
  })
  const postTimes: number[] = []
  let created = 0
  const posts = people.map(async (personId, i) => {
    await new Promise((resolve) => setTimeout(resolve, i * command.intervalMs))
    const cookie = cookies[(i + 1) % cookies.length]!
    const sentAt = performance.now()
    claimsInFlight.set(personId, { sentAt, seen: new Set() })
    const response = await fetch(`http://${HOST}:${port}/api/wanted/${encodeURIComponent(personId)}/claim`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(30_000),
    })
    await response.arrayBuffer()
    postTimes.push(performance.now() - sentAt)
    if (response.status === 201) created++
  })
  await Promise.all(posts)
  let settleTimer: NodeJS.Timeout | undefined
  await Promise.race([allDelivered, new Promise<void>((resolve) => {
    settleTimer = setTimeout(resolve, command.settleMs)
  })])
  clearTimeout(settleTimer)
  onDelivered = null
  const phaseMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)

  const sorted = latencies.subarray(0, delivered).sort()
  postTimes.sort((a, b) => a - b)
  return {
    claims: people.length, created, streams: audience.length, delivered, expected, duplicates, outOfOrder,
    latency: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, min: sorted[0] ?? NaN },
    post: { p50: percentile(Float64Array.from(postTimes), 50), max: postTimes.at(-1) ?? NaN },
    phaseMs,
    loadCpuMs: (cpu.user + cpu.system) / 1000,
  }
}

function closeAll() {
  for (const stream of streams) stream.close()
  streams = []
  live.clear()
}

process.on('message', (command: LoadCommand) => {
  const run = async (): Promise<LoadMessage | null> => {
    switch (command.type) {
      case 'init':
        await init(command)
        return null
      case 'open':
        return { type: 'opened', result: await open(command) }
      case 'claims':
        return { type: 'claimed', result: await claims(command) }
      case 'soak':
        return {
          type: 'soaked',
          result: await runSoak({ host: HOST, port, cookies, live: () => live, outOfOrder: () => outOfOrder, setFrameHook: (hook) => (soakFrame = hook) }, command),
        }
      case 'close':
        closeAll()
        return { type: 'closed' }
    }
  }
  run().then((reply) => {
    if (reply) send(reply)
  }, (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }))
})
process.on('disconnect', () => {
  closeAll()
  process.exit(0)
})
