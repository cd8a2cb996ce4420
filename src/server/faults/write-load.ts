/**
 * A signed-in officer's device writing as fast as the server answers: person checks, notes, and
 * Click & Collect claims and releases, one op at a time, each with the id the device makes for it.
 * An op the server did not acknowledge (no status, or a 503) is sent again with the same id until
 * it is, as the device's outbox does (head of the queue first). A check that the server did not
 * answer runs on the device instead (checks/api/run-check.ts), so its retry is the audit record
 * `POST /api/audit/checks` under the same checkId.
 *
 * Every reply is logged with its time, so a test can ask what the server answered and when.
 * `verifyWrites` then reads the database to see that acknowledged ops are there, and once the
 * load has drained, that every op is there exactly once.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { CreateNoteRequest } from '../../shared/api/notes.ts'
import type { Random } from '../seed/random.ts'
import type { Database } from '../store/schema.ts'
import { call, sleep, type Reply } from './fault-harness.ts'
import { groupBy } from '../../shared/group-by.ts'

export type PersonQuery = { surname: string; forenames: string; dob: string | null }

export type Op = (
  | { kind: 'check'; checkId: string; query: PersonQuery; tag: string; onDevice: boolean }
  | { kind: 'note'; note: CreateNoteRequest }
  | { kind: 'claim'; personId: string; opId: string; claimId: string | null }
  | { kind: 'release'; personId: string; claimId: string }
) & {
  officer: string
  /** the server answered 2xx (or, for a release sent again, that the claim had already ended) */
  acked: boolean
  attempts: number
  /** attempts that got no status or a 503 */
  unacknowledged: number
}

export type LoggedReply = { at: number; officer: string; kind: Op['kind']; status: number; code: string | null; error?: string }

type Mix = { check: number; note: number; claim: number }

export class WriteLoad {
  readonly ops: Op[] = []
  readonly replies: LoggedReply[] = []
  /** Replies no device should ever get (5xx other than 503, an unexpected refusal). */
  readonly problems: string[] = []
  /** whether a request is on the wire right now */
  inFlight = false
  private stopping = false
  private abandoned = false
  private running: Promise<void> | null = null
  private activeClaim: { personId: string; claimId: string } | null = null
  private nextPerson = 0

  constructor(
    private readonly base: string,
    readonly officer: string,
    private readonly cookie: string,
    /** wanted people this officer alone claims, so claims never collide with another officer's */
    private readonly wantedPool: string[],
    private readonly people: PersonQuery[],
    private readonly random: Random,
    private readonly mix: Mix = { check: 0.4, note: 0.35, claim: 0.25 },
  ) {}

  start(): void {
    this.running ??= this.loop()
  }

  /**
   * Stops making new ops and waits for the op in hand to be acknowledged; false if that took
   * longer than `timeoutMs` (the op is then abandoned and stays unacknowledged).
   */
  async stop(timeoutMs = 60_000): Promise<boolean> {
    this.stopping = true
    let timer: NodeJS.Timeout | undefined
    const drained = await Promise.race([
      this.running?.then(() => true) ?? true,
      new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs) }),
    ])
    clearTimeout(timer)
    if (!drained) this.abandon()
    return drained
  }

  /** Stops at once, acknowledged or not (a test that already failed). */
  abandon(): void {
    this.stopping = true
    this.abandoned = true
  }

  private async loop(): Promise<void> {
    while (!this.stopping) await this.deliver(this.nextOp())
  }

  private nextOp(): Op {
    const common = { officer: this.officer, acked: false, attempts: 0, unacknowledged: 0 }
    const roll = this.random.number.float()
    if (roll >= this.mix.check + this.mix.note && this.wantedPool.length > 0) {
      if (this.activeClaim) return { kind: 'release', ...this.activeClaim, ...common }
      const personId = this.wantedPool[this.nextPerson++ % this.wantedPool.length]!
      return { kind: 'claim', personId, opId: randomUUID(), claimId: null, ...common }
    }
    if (roll < this.mix.check) {
      const checkId = randomUUID()
      const query = this.people[this.random.number.int(this.people.length - 1)]!
      return { kind: 'check', checkId, query, tag: `fault-load ${checkId}`, onDevice: false, ...common }
    }
    const id = randomUUID()
    return { kind: 'note', note: { id, text: `Fault load note ${id} by ${this.officer}`, recordedAt: new Date().toISOString() }, ...common }
  }

  private send(op: Op): Promise<Reply> {
    const post = (url: string, body?: unknown) => call(this.base, 'POST', url, this.cookie, body)
    switch (op.kind) {
      case 'check': {
        const { surname, forenames, dob } = op.query
        const query = { surname, forenames, ...(dob ? { dob } : {}) }
        const reason = { code: 'stop_account', text: op.tag }
        if (!op.onDevice) return post('/api/checks/person', { ...query, reason, checkId: op.checkId })
        return post('/api/audit/checks', { records: [{ checkId: op.checkId, at: new Date().toISOString(), kind: 'person', query, reason, resultIds: [] }] })
      }
      case 'note':
        return post('/api/notes', op.note)
      case 'claim':
        return post(`/api/wanted/${op.personId}/claim`, { opId: op.opId })
      case 'release':
        return post(`/api/claims/${op.claimId}/release`)
    }
  }

  private async deliver(op: Op): Promise<void> {
    this.ops.push(op)
    while (!this.abandoned) {
      op.attempts += 1
      this.inFlight = true
      const reply = await this.send(op)
      this.inFlight = false
      const code = typeof reply.body === 'object' && reply.body !== null && 'error' in reply.body
        ? String((reply.body.error as { code?: unknown }).code) : null
      this.replies.push({ at: Date.now(), officer: this.officer, kind: op.kind, status: reply.status, code, ...(reply.error ? { error: reply.error } : {}) })
      if (reply.status >= 200 && reply.status < 300) {
        op.acked = true
        if (op.kind === 'claim') {
          op.claimId = (reply.body as { claim: { id: string } }).claim.id
          this.activeClaim = { personId: op.personId, claimId: op.claimId }
        }
        if (op.kind === 'release') this.activeClaim = null
        return
      }
      if (op.kind === 'release' && reply.status === 409 && code === 'claim_not_active' && op.unacknowledged > 0) {
        // An earlier attempt released it and its answer was lost; the final check proves it.
        op.acked = true
        this.activeClaim = null
        return
      }
      if (reply.status === 0 || reply.status === 503) {
        op.unacknowledged += 1
        if (op.kind === 'check') op.onDevice = true
      } else {
        this.problems.push(`${op.kind} by ${this.officer}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`)
        if (reply.status < 500) {
          // A refusal: the outbox keeps it as failed and moves on. It should never happen here.
          if (op.kind === 'release') this.activeClaim = null
          return
        }
      }
      await sleep(30 + this.random.number.int(70))
    }
  }
}

type Found = { problems: string[]; counts: { checks: number; notes: number; claims: number; releases: number } }

const parse = (text: string | null): Record<string, unknown> => (text ? JSON.parse(text) as Record<string, unknown> : {})

/**
 * Reads the database: every acknowledged op must be there; with `exactlyOnce`, every op must have
 * been acknowledged and be there exactly once (one audit record per check, whether it came from
 * the server's check or the device's record; one claim per opId, with one disclosure record and
 * one `claim.created` event; one `claim.released` event per release).
 */
export async function verifyWrites(db: Kysely<Database>, ops: Op[], exactlyOnce: boolean): Promise<Found> {
  const problems: string[] = []
  const counts = { checks: 0, notes: 0, claims: 0, releases: 0 }
  const wanted = ops.filter((op) => op.acked || exactlyOnce)
  if (exactlyOnce) for (const op of ops) if (!op.acked) problems.push(`${op.kind} by ${op.officer} was never acknowledged`)

  const checkRecords = await db.selectFrom('auditLog').select(['opId', 'reasonText', 'online']).where('subjectKind', '=', 'person-check').where('reasonText', 'like', 'fault-load %').execute()
  const recordsByTag = groupBy(checkRecords, (r) => r.reasonText!)
  const notes = new Map((await db.selectFrom('notes').select(['id', 'text']).execute()).map((n) => [n.id, n.text]))
  const claims = await db.selectFrom('claims').select(['id', 'opId', 'status', 'personId']).execute()
  const claimsByOpId = groupBy(claims.filter((c) => c.opId !== null), (c) => c.opId!)
  const claimsById = new Map(claims.map((c) => [c.id, c]))
  const disclosures = await db.selectFrom('auditLog').select('detail').where('action', '=', 'disclose').where('subjectKind', '=', 'person').execute()
  const disclosuresByClaim = groupBy(disclosures, (d) => String(parse(d.detail).claimId))
  const events = await db.selectFrom('events').select(['type', 'payload']).where('type', 'in', ['claim.created', 'claim.released']).execute()
  const eventsByClaim = groupBy(events, (e) => `${e.type} ${String((parse(e.payload).claim as { id?: string } | undefined)?.id)}`)
  const once = (n: number) => (exactlyOnce ? n === 1 : n >= 1)

  for (const op of wanted) {
    switch (op.kind) {
      case 'check': {
        const records = recordsByTag.get(op.tag) ?? []
        if (!once(records.length)) problems.push(`check ${op.checkId}: ${records.length} audit records`)
        else if (records.some((r) => r.opId !== op.checkId)) problems.push(`check ${op.checkId}: recorded under another id (${records.map((r) => r.opId).join(', ')})`)
        else counts.checks += 1
        break
      }
      case 'note': {
        const text = notes.get(op.note.id)
        if (text === undefined) problems.push(`note ${op.note.id}: missing`)
        else if (text !== op.note.text) problems.push(`note ${op.note.id}: text changed to ${text}`)
        else counts.notes += 1
        break
      }
      case 'claim': {
        const rows = claimsByOpId.get(op.opId) ?? []
        const claimId = rows[0]?.id ?? ''
        const disclosed = disclosuresByClaim.get(claimId)?.length ?? 0
        const created = eventsByClaim.get(`claim.created ${claimId}`)?.length ?? 0
        if (!once(rows.length)) problems.push(`claim ${op.opId} of ${op.personId}: ${rows.length} claims`)
        else if (!once(disclosed)) problems.push(`claim ${claimId} of ${op.personId}: ${disclosed} disclosure audit records`)
        else if (!once(created)) problems.push(`claim ${claimId} of ${op.personId}: ${created} claim.created events`)
        else if (op.claimId !== null && op.claimId !== claimId) problems.push(`claim ${op.opId}: acknowledged as ${op.claimId}, stored as ${claimId}`)
        else counts.claims += 1
        break
      }
      case 'release': {
        const status = claimsById.get(op.claimId)?.status
        const released = eventsByClaim.get(`claim.released ${op.claimId}`)?.length ?? 0
        if (status !== 'released') problems.push(`release of claim ${op.claimId}: the claim is ${status ?? 'missing'}`)
        else if (!once(released)) problems.push(`release of claim ${op.claimId}: ${released} claim.released events`)
        else counts.releases += 1
        break
      }
    }
  }
  return { problems, counts }
}

/** People of the seeded force to check: what an officer would type. */
export async function peopleToCheck(db: Kysely<Database>, limit = 60): Promise<PersonQuery[]> {
  return db.selectFrom('people').select(['surname', 'forenames', 'dob']).orderBy('id').limit(limit).execute()
}

/** The seeded wanted people, dealt round the officers so no two officers claim the same person. */
export async function wantedPools(db: Kysely<Database>, officers: number): Promise<string[][]> {
  const ids = (await db.selectFrom('wanted').select('personId').orderBy('personId').execute()).map((w) => w.personId)
  return Array.from({ length: officers }, (_, i) => ids.filter((_, j) => j % officers === i))
}
