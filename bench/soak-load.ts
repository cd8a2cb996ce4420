/**
 * The soak's traffic, run inside the fan-out load generator (bench/fanout-load.ts), which already
 * holds the event streams: for a fixed time it sends person checks at a steady rate and claims a
 * wanted person every second, releasing each claim half a second after it is granted, a different
 * person each time. Requests are sent on a schedule (open loop), not after the previous answer, so
 * a slow server shows up as latency instead of as fewer requests. Each claim and release is timed
 * to its `claim.created` / `claim.released` frame on every stream that was open at the start.
 * Every wait is bounded; only loopback is used.
 */
import { performance } from 'node:perf_hooks'
import type { EndpointStats, SoakCommand, SoakResult } from './fanout-protocol.ts'

export type SoakFrame = { id: number | null; type: string; personId: string | null }

/** What the soak needs from the load generator: where the server is, its sessions and its streams. */
export type SoakContext = {
  host: string
  port: number
  cookies: readonly string[]
  /** the streams open now */
  live: () => ReadonlySet<object>
  /** frames seen so far with an id not above the stream's previous one (a replay or a reorder) */
  outOfOrder: () => number
  /** Called with every frame of every stream while the soak runs. */
  setFrameHook: (hook: ((stream: object, frame: SoakFrame) => void) | null) => void
}

const reasons = ['stop_account', 'intelligence', 'warrant', 'welfare', 'tasking']
/** The most requests in flight before the schedule holds back (counted as errors: the server is behind). */
const MAX_IN_FLIGHT = 500
/** Up to 10 s in 0.1 ms buckets, then up to 10 min in 10 ms buckets. */
const FINE_MS = 10_000
const FINE_STEP_MS = 0.1
const COARSE_STEP_MS = 10
const FINE_BUCKETS = FINE_MS / FINE_STEP_MS
const COARSE_BUCKETS = (600_000 - FINE_MS) / COARSE_STEP_MS

/** Latencies in buckets: millions of stream deliveries in a few MB, exact to the bucket (an upper bound). */
class Histogram {
  private readonly buckets = new Uint32Array(FINE_BUCKETS + COARSE_BUCKETS + 1)
  count = 0
  max = 0

  add(ms: number) {
    const bucket = ms < FINE_MS ? Math.floor(ms / FINE_STEP_MS) : FINE_BUCKETS + Math.floor((ms - FINE_MS) / COARSE_STEP_MS)
    this.buckets[Math.min(this.buckets.length - 1, bucket)]! += 1
    this.count += 1
    if (ms > this.max) this.max = ms
  }

  percentile(p: number): number {
    if (this.count === 0) return Number.NaN
    const rank = Math.max(1, Math.ceil((p / 100) * this.count))
    let seen = 0
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!
      if (seen >= rank) return Math.min(this.max, i < FINE_BUCKETS ? (i + 1) * FINE_STEP_MS : FINE_MS + (i - FINE_BUCKETS + 1) * COARSE_STEP_MS)
    }
    return this.max
  }
}

class Endpoint {
  readonly latency = new Histogram()
  errors = 0
  firstError: string | null = null

  constructor(readonly name: string) {}

  fail(reason: string) {
    this.errors += 1
    this.firstError ??= reason
  }

  stats(): EndpointStats {
    const { latency } = this
    return {
      endpoint: this.name, count: latency.count + this.errors, errors: this.errors, firstError: this.firstError,
      p50: latency.percentile(50), p95: latency.percentile(95), p99: latency.percentile(99), max: latency.max,
    }
  }
}

type Expected = { sent: (at: number) => void; refused: () => void }

const typo = (name: string, r: number) => (name.length < 4 ? name : name.slice(0, 1 + (r % (name.length - 2))) + name.slice(2 + (r % (name.length - 2))))

/** What officers are told at the roadside, as bench/checks.ts varies it: exact, a typo, year only, no date. */
function checkBody(person: SoakCommand['people'][number], i: number): string {
  const reason = { code: reasons[i % reasons.length]! }
  switch (i % 4) {
    case 0: return JSON.stringify({ surname: person.surname, forenames: person.forenames, dob: person.dob, reason })
    case 1: return JSON.stringify({ surname: typo(person.surname, i), forenames: person.forenames, dob: person.dob, reason })
    case 2: return JSON.stringify({ surname: person.surname, forenames: person.forenames, dob: person.dob.slice(0, 4), reason })
    default: return JSON.stringify({ surname: person.surname.toUpperCase(), forenames: person.forenames, reason })
  }
}

export async function runSoak(context: SoakContext, command: SoakCommand): Promise<SoakResult> {
  const base = `http://${context.host}:${context.port}`
  const { cookies } = context
  const wantedResponse = await fetch(`${base}/api/wanted`, { headers: { cookie: cookies[0]! }, signal: AbortSignal.timeout(30_000) })
  if (!wantedResponse.ok) throw new Error(`GET /api/wanted failed: ${wantedResponse.status}`)
  const wanted = ((await wantedResponse.json()) as { items: { personId: string; claim: unknown }[] }).items
    .filter((item) => item.claim === null).map((item) => item.personId)
  if (wanted.length < 2) throw new Error(`only ${wanted.length} unclaimed wanted people: seed a larger scale`)
  if (command.people.length === 0) throw new Error('no people to check')

  const checks = new Endpoint('POST /api/checks/person')
  const claims = new Endpoint('POST /api/wanted/:personId/claim')
  const releases = new Endpoint('POST /api/claims/:claimId/release')
  const delivery = new Histogram()
  const audience = new Set(context.live())
  const outOfOrderBefore = context.outOfOrder()
  /**
   * When each claim and release was sent, by `type|personId`, in order. The same person is claimed
   * again once the rotation comes round, so a stream's n-th `claim.created` of a person is the n-th
   * claim of that person sent (events reach a stream in order).
   */
  const sent = new Map<string, number[]>()
  /** per stream: how many frames of each `type|personId` it has had */
  const seenBy = new WeakMap<object, Map<string, number>>()
  let expected = 0
  let delivered = 0
  let unexpected = 0
  context.setFrameHook((stream, frame) => {
    if (!audience.has(stream) || frame.personId === null) return
    if (frame.type !== 'claim.created' && frame.type !== 'claim.released') return
    const key = `${frame.type}|${frame.personId}`
    let seen = seenBy.get(stream)
    if (!seen) seenBy.set(stream, (seen = new Map()))
    const n = seen.get(key) ?? 0
    seen.set(key, n + 1)
    const sentAt = sent.get(key)?.[n]
    if (sentAt === undefined) {
      unexpected += 1
      return
    }
    delivered += 1
    delivery.add(performance.now() - sentAt)
  })

  let inFlight = 0
  const outstanding = new Set<Promise<void>>()
  /**
   * One timed request; `onOk` sees the body of the expected answer. Network failures and other
   * statuses are errors; `event` is told when the request is sent and when the server refused it.
   */
  const request = (endpoint: Endpoint, url: string, cookie: string, body: string, okStatus: number, event?: Expected, onOk?: (body: string) => void) => {
    if (inFlight >= MAX_IN_FLIGHT) {
      endpoint.fail(`more than ${MAX_IN_FLIGHT} requests in flight: not sent`)
      return
    }
    inFlight += 1
    const sentAt = performance.now()
    event?.sent(sentAt)
    const done = (async () => {
      try {
        const response = await fetch(`${base}${url}`, {
          method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000),
        })
        const text = await response.text()
        if (response.status !== okStatus) {
          endpoint.fail(`${response.status} ${text.slice(0, 160)}`)
          event?.refused()
        } else {
          endpoint.latency.add(performance.now() - sentAt)
          onOk?.(text)
        }
      } catch (error) {
        endpoint.fail(error instanceof Error ? error.message : String(error))
      } finally {
        inFlight -= 1
      }
    })()
    outstanding.add(done)
    void done.then(() => outstanding.delete(done))
  }

  /** A claim event is expected on every stream of the audience once its request is sent, unless the server refuses it. */
  const expectEvent = (type: string, personId: string): Expected => {
    const key = `${type}|${personId}`
    let at = 0
    return {
      sent: (sentAt) => {
        at = sentAt
        const times = sent.get(key)
        if (times) times.push(at)
        else sent.set(key, [at])
        expected += audience.size
      },
      refused: () => {
        const times = sent.get(key)!
        times.splice(times.lastIndexOf(at), 1)
        expected -= audience.size
      },
    }
  }

  let checksSent = 0
  let claimsSent = 0
  let nextWanted = 0
  const releaseTimers = new Set<NodeJS.Timeout>()
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const durationMs = command.seconds * 1000
  let minute = 0
  const errorsNow = () => checks.errors + claims.errors + releases.errors

  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = Math.min(performance.now() - started, durationMs)
      for (const due = Math.floor((elapsed / 1000) * command.checksPerSecond); checksSent < due; checksSent++) {
        const i = checksSent
        request(checks, '/api/checks/person', cookies[i % cookies.length]!, checkBody(command.people[i % command.people.length]!, i), 200)
      }
      for (const due = Math.floor((elapsed / 1000) * command.claimsPerSecond); claimsSent < due; claimsSent++) {
        const personId = wanted[nextWanted++ % wanted.length]!
        const cookie = cookies[claimsSent % cookies.length]!
        request(claims, `/api/wanted/${encodeURIComponent(personId)}/claim`, cookie, '{}', 201, expectEvent('claim.created', personId), (text) => {
          const claimId = (JSON.parse(text) as { claim: { id: string } }).claim.id
          const timer = setTimeout(() => {
            releaseTimers.delete(timer)
            request(releases, `/api/claims/${encodeURIComponent(claimId)}/release`, cookie, '{}', 200, expectEvent('claim.released', personId))
          }, command.releaseAfterMs)
          releaseTimers.add(timer)
        })
      }
      const minutesDone = Math.floor(elapsed / 60_000)
      if (minutesDone > minute) {
        minute = minutesDone
        console.log(`soak: minute ${minute}: ${checksSent} checks and ${claimsSent} claims sent, ${errorsNow()} errors, ${context.live().size} streams open, ${delivered} / ${expected} claim events delivered`)
      }
      if (elapsed >= durationMs) {
        clearInterval(timer)
        resolve()
      }
    }
    const timer = setInterval(tick, 10)
  })
  // Let the last releases go out and every answer come back (each request times out in 30 s).
  for (const deadline = performance.now() + 45_000; (releaseTimers.size > 0 || outstanding.size > 0) && performance.now() < deadline;) {
    await Promise.race([Promise.all([...outstanding]), new Promise((resolve) => setTimeout(resolve, 200))])
  }
  // Then the last events reach the streams.
  for (const deadline = performance.now() + command.settleMs; delivered < expected && performance.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  context.setFrameHook(null)
  const phaseMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const live = context.live()
  const stillOpen = [...audience].filter((stream) => live.has(stream)).length
  return {
    seconds: phaseMs / 1000,
    endpoints: [checks.stats(), claims.stats(), releases.stats()],
    events: { delivered, expected, unexpected, outOfOrder: context.outOfOrder() - outOfOrderBefore },
    delivery: { p50: delivery.percentile(50), p95: delivery.percentile(95), p99: delivery.percentile(99), max: delivery.max },
    streams: { atStart: audience.size, stillOpen },
    wantedRotated: wanted.length,
    loadCpuMs: (cpu.user + cpu.system) / 1000,
  }
}
