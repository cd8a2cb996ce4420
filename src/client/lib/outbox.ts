/**
 * The outbox: every write the officer makes that the server must hear about (audit records of
 * profile views, acknowledgements, task updates, and later notes and curfew results) goes here,
 * built once for every feature.
 *
 * Writing: a feature calls `addToOutbox` inside the same Dexie transaction as its local change, so
 * the change and the promise to send it are stored together or not at all; each op gets a
 * client-made UUID that the server uses to store it once, so sending it twice is harmless.
 *
 * Sending: one replay loop drains the outbox in order (auto-increment `seq`), with a sender
 * registered per kind (some send in batches), in one tab at a time (a Web Lock: the tabs share the
 * outbox). It runs at start, on `online`, when the app becomes visible or focused, after each
 * sync, and when an op is added. Decisions after a failure are in
 * outbox-retry.ts: network and server errors retry with backoff and hold back later ops (order is
 * kept); a refusal marks the op failed and keeps it, with the server's message, until the officer
 * retries or discards it. Safari has no Background Sync, so nothing here relies on it.
 *
 * Offline behaviour: ops wait on the device until the loop next runs with a connection. Only a
 * signed-in device sends (a sign-out first gives the loop a few seconds to flush); the device erase
 * removes whatever is still waiting.
 */
import { liveQuery } from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import type { z } from 'zod'
import { db, type OutboxRecord } from './database.ts'
import type { OutboxKind, OutboxPayload } from './outbox-kinds.ts'
import { outcomeOf, type SendOutcome } from './outbox-retry.ts'
import { onBeforeSignOut, sessionStore } from './session.ts'

type Sender = {
  batchSize: number
  /** Whether a stored payload still fits its kind; one that does not is kept as failed, unsent. */
  readable: (row: OutboxRecord) => boolean
  send: (rows: OutboxRecord[]) => Promise<void>
  rejected: (rows: OutboxRecord[], message: string) => Promise<void>
}

export type SenderOptions<P> = {
  /** Checks a stored payload before it is sent. */
  schema: z.ZodType<P>
  /** Most ops sent in one request; consecutive ops of the kind are grouped. Default 1. */
  batchSize?: number
  send: (payloads: P[]) => Promise<void>
  /** The server refused: undo the local change if it still stands. The op itself is kept as failed. */
  onRejected?: (payload: P, message: string) => Promise<void>
}

const senders = new Map<string, Sender>()

export function registerSender<P>(kind: OutboxKind, options: SenderOptions<P>): void {
  const parse = (row: OutboxRecord): P => options.schema.parse(row.payload)
  senders.set(kind, {
    batchSize: options.batchSize ?? 1,
    readable: (row) => options.schema.safeParse(row.payload).success,
    send: (rows) => options.send(rows.map(parse)),
    rejected: async (rows, message) => {
      if (!options.onRejected) return
      for (const row of rows) {
        const parsed = options.schema.safeParse(row.payload)
        if (parsed.success) await options.onRejected(parsed.data, message)
      }
    },
  })
}

export type NewOp<K extends OutboxKind> = {
  kind: K
  payload: OutboxPayload<K>
  /** What the op concerns, e.g. `briefing-item:<id>`. */
  ref?: string
  /** In the officer's words, e.g. "Acknowledgement of “Wanted: …”". */
  label: string
  /** Client-made id; defaults to a new UUID. Audit records pass their own opId. */
  id?: string
}

/**
 * Queue an op. Call it inside the Dexie transaction that makes the local change (include
 * `db.outbox` in its tables); call `drainOutbox()` after the transaction commits.
 */
export async function addToOutbox<K extends OutboxKind>(op: NewOp<K>): Promise<string> {
  const id = op.id ?? crypto.randomUUID()
  await db.outbox.add({
    id,
    kind: op.kind,
    payload: op.payload,
    ref: op.ref ?? null,
    label: op.label,
    createdAt: new Date().toISOString(),
    attempts: 0,
    lastError: null,
    state: 'pending',
    nextAttemptAt: 0,
  })
  return id
}

let running: Promise<void> | null = null
let runAgain = false
let retryTimer: ReturnType<typeof setTimeout> | undefined
/** Set while a sign-out waits for the outbox, when the session is no longer "signed-in". */
let flushingForSignOut = false

function maySend(): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false
  return flushingForSignOut || sessionStore.get().status === 'signed-in'
}

function scheduleRetry(at: number): void {
  clearTimeout(retryTimer)
  retryTimer = setTimeout(() => void drainOutbox(), Math.max(0, at - Date.now()))
}

/** The ops to send next: the first pending one and, for a batching kind, the same-kind ops after it. */
function nextBatch(pending: OutboxRecord[]): OutboxRecord[] {
  const [head] = pending
  if (!head) return []
  const batchSize = senders.get(head.kind)?.batchSize ?? 1
  const batch = [head]
  for (const row of pending.slice(1)) {
    if (batch.length >= batchSize || row.kind !== head.kind) break
    batch.push(row)
  }
  return batch
}

/**
 * One pass over the outbox. `honourBackoff` false (a trigger such as reconnecting or a new op)
 * tries the head now; the backoff timer passes true.
 */
async function drainPass(honourBackoff: boolean): Promise<void> {
  for (;;) {
    if (!maySend()) return
    const pending = await db.outbox.orderBy('seq').filter((row) => row.state === 'pending').toArray()
    const batch = nextBatch(pending)
    const head = batch[0]
    if (!head) return
    if (honourBackoff && head.nextAttemptAt > Date.now()) {
      scheduleRetry(head.nextAttemptAt)
      return
    }
    const seqs = batch.map((row) => row.seq)
    const sender = senders.get(head.kind)
    if (!sender) {
      // A kind this version of the app cannot send: keep it for a version that can, and move on.
      await db.outbox.where('seq').anyOf(seqs).modify({ state: 'failed', lastError: 'This version of Kestrel cannot send this. Update Kestrel, then try again.' })
      continue
    }
    const unreadable = batch.filter((row) => !sender.readable(row)).map((row) => row.seq)
    if (unreadable.length > 0) {
      // Written by an older version in a shape this one cannot send: never send it half-right.
      await db.outbox.where('seq').anyOf(unreadable).modify({ state: 'failed', lastError: 'This change was saved by an older version of Kestrel and cannot be sent as it is.' })
      continue
    }
    let error: unknown = null
    try {
      await sender.send(batch)
    } catch (caught) {
      error = caught
    }
    const attempts = head.attempts + 1
    const outcome: SendOutcome = error === null ? { action: 'sent' } : outcomeOf(error, attempts)
    if (outcome.action === 'sent') {
      await db.outbox.bulkDelete(seqs)
      continue
    }
    if (outcome.action === 'fail') {
      await db.outbox.where('seq').anyOf(seqs).modify({ state: 'failed', attempts, lastError: outcome.message })
      await sender.rejected(batch, outcome.message).catch((caught: unknown) => console.error('Kestrel: could not undo a refused change', caught))
      continue
    }
    const nextAttemptAt = Date.now() + outcome.delayMs
    await db.outbox.where('seq').anyOf(seqs).modify({ attempts, lastError: outcome.message, nextAttemptAt })
    // Later ops wait behind this one: order matters (accept before result), and the cause is
    // usually the connection or the server, which the next op would meet too.
    scheduleRetry(nextAttemptAt)
    return
  }
}

/** Held by the tab that is sending: every tab of the app shares one outbox. */
const outboxLockName = 'kestrel-outbox'

/**
 * Run `send` while no other tab sends. Each tab drains on the same triggers (reconnecting above
 * all), so without this two tabs read the same pending ops and both send them: the server keeps
 * each once, but the officer's data crosses the network twice and a batch can race its own
 * replay. A browser without Web Locks has one tab at most in practice (an old Safari): send anyway.
 */
async function oneTabAtATime(send: () => Promise<void>): Promise<void> {
  if (typeof navigator === 'undefined' || typeof navigator.locks?.request !== 'function') return send()
  await navigator.locks.request(outboxLockName, send)
}

/**
 * Send what is waiting. Concurrent calls in this tab share one run (and ask it to go round once
 * more); another tab's run is waited for, then what it left is sent.
 */
export function drainOutbox(options: { honourBackoff?: boolean } = {}): Promise<void> {
  if (running) {
    runAgain = true
    return running
  }
  running = oneTabAtATime(async () => {
    let honourBackoff = options.honourBackoff ?? false
    do {
      runAgain = false
      try {
        await drainPass(honourBackoff)
      } catch (caught) {
        // The database went away (device erase) or broke: stop; a later trigger starts again.
        console.error('Kestrel: the outbox could not be sent', caught)
        return
      }
      honourBackoff = false
    } while (runAgain)
  }).finally(() => {
    running = null
  })
  return running
}

/** The officer asked to try a failed op again. */
export async function retryOutboxOp(seq: number): Promise<void> {
  await db.outbox.update(seq, { state: 'pending', attempts: 0, nextAttemptAt: 0 })
  void drainOutbox()
}

/** The officer chose to give up on a failed op, having read why it failed. */
export async function discardOutboxOp(seq: number): Promise<void> {
  await db.outbox.delete(seq)
}

export type OutboxSummary = { pending: number; failed: OutboxRecord[] }

export function useOutboxSummary(): OutboxSummary | undefined {
  return useLiveQuery(async () => {
    const [pending, failed] = await Promise.all([
      db.outbox.where('state').equals('pending').count(),
      db.outbox.where('state').equals('failed').sortBy('seq'),
    ])
    return { pending, failed }
  }, [])
}

/** The ops still on the device for one thing (a briefing item), oldest first. */
export function useOutboxFor(ref: string): OutboxRecord[] | undefined {
  return useLiveQuery(() => db.outbox.where('ref').equals(ref).sortBy('seq'), [ref])
}

const signOutFlushMs = 4_000

/** Wire the loop to its triggers. Call once at start, after the senders are registered. */
export function startOutbox(): void {
  const kick = (): void => void drainOutbox()
  window.addEventListener('online', kick)
  window.addEventListener('focus', kick)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') kick()
  })
  // The session is restored asynchronously at start: send once it is known to be signed in.
  let wasSignedIn = false
  sessionStore.subscribe(() => {
    const signedIn = sessionStore.get().status === 'signed-in'
    if (signedIn && !wasSignedIn) kick()
    wasSignedIn = signedIn
  })
  // Ops written in another tab are sent by this one too, whichever runs the loop first.
  liveQuery(() => db.outbox.where('state').equals('pending').count()).subscribe({
    next: (count) => {
      if (count > 0) kick()
    },
    error: () => undefined,
  })
  // A sign-out erases the device: give what is waiting (audit records above all) a chance to go.
  onBeforeSignOut(async () => {
    flushingForSignOut = true
    try {
      await Promise.race([drainOutbox(), new Promise((resolve) => setTimeout(resolve, signOutFlushMs))])
    } finally {
      flushingForSignOut = false
    }
  })
  kick()
}
