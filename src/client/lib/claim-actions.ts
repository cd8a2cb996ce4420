/**
 * Click & Collect as the officer does it: collect a wanted person, and act on a claim (release,
 * renew, record the outcome, assist; supervisors reassign or cancel). Each answer updates the
 * claims store at once and leaves a notice for that person's card and profile ("You are collecting
 * …", "PC … is already collecting this person since 14:05").
 *
 * Offline behaviour: a claim needs the server's answer, because only the server can say who got
 * there first. With no network (or when the request cannot reach the server) the claim is queued in
 * the outbox with a client-made opId and shown as "pending, not confirmed"; the outbox sends it on
 * reconnect with the same opId (the server makes the claim once), and the result is shown: the
 * officer's claim, or who had already claimed the person meanwhile. Acting on an existing claim is
 * online only and says so.
 */
import type { Claim } from '../../shared/api/claims.ts'
import { NetworkError, errorMessage } from './api-client.ts'
import { changeClaim, type ClaimChange } from './api/change-claim.ts'
import { claimPerson, type ClaimAttempt } from './api/claim-person.ts'
import { pushAlert } from './app-alerts.ts'
import { claimStateText, heldMessage } from './claims-text.ts'
import { applyOwnClaim, markClaimsStale } from './claims-store.ts'
import { db } from './database.ts'
import { onDeviceErased } from './device-erase.ts'
import { createStore, useStore } from './external-store.ts'
import { addToOutbox, drainOutbox, registerSender } from './outbox.ts'
import { outboxKinds } from './outbox-kinds.ts'

export type ClaimNotice = { tone: 'success' | 'warning' | 'error'; text: string }

/** The latest answer to this officer's own action, per person. */
export const claimNoticesStore = createStore<ReadonlyMap<string, ClaimNotice>>(new Map())

export function useClaimNotice(personId: string): ClaimNotice | null {
  return useStore(claimNoticesStore).get(personId) ?? null
}

function setNotice(personId: string, notice: ClaimNotice | null): void {
  claimNoticesStore.set((notices) => {
    const next = new Map(notices)
    if (notice) next.set(personId, notice)
    else next.delete(personId)
    return next
  })
}

export function clearClaimNotice(personId: string): void {
  setNotice(personId, null)
}

/** The outbox `ref` of a person's queued claim. */
export function claimRef(personId: string): string {
  return `claim:${personId}`
}

export type CollectResult = { result: 'claimed' | 'held' | 'queued' } | { result: 'failed'; message: string }

/** Show the server's answer to a claim, made now or sent from the outbox. */
function showAttempt(personId: string, personName: string, attempt: ClaimAttempt, queued: boolean): void {
  if (attempt.result === 'claimed') {
    applyOwnClaim(attempt.claim)
    // Made now, the claim line itself says "You are collecting …"; queued, the officer is told it went through.
    const text = claimStateText(attempt.claim, attempt.claim.officer.collarNumber, personName)
    setNotice(personId, queued ? { tone: 'success', text: `Your claim was confirmed. ${text}.` } : null)
    if (queued) pushAlert({ text: `Your claim was confirmed: you are collecting ${personName}`, tone: 'success', speak: true })
    return
  }
  const text = heldMessage(attempt.holder, attempt.claimedAt)
  setNotice(personId, { tone: 'warning', text: queued ? `Your claim was not accepted. ${text}` : text })
  if (queued) pushAlert({ text: `Your claim on ${personName} was not accepted. ${text}`, tone: 'warning', speak: true })
  // Our view was out of date: the event (or a re-sync) brings the holder's claim.
  markClaimsStale()
}

async function queueClaim(personId: string, personName: string, opId: string): Promise<void> {
  const existing = await db.outbox.where('ref').equals(claimRef(personId)).count()
  if (existing === 0) {
    await addToOutbox({ kind: 'claim.create', id: opId, payload: { personId, opId, personName }, ref: claimRef(personId), label: `Claim (Click & Collect) of ${personName}` })
  }
  setNotice(personId, null)
  void drainOutbox()
}

/** Collect a wanted person: claim now, or queue the claim when the server cannot be reached. */
export async function collect(personId: string, personName: string): Promise<CollectResult> {
  const opId = crypto.randomUUID()
  if (!navigator.onLine) {
    await queueClaim(personId, personName, opId)
    return { result: 'queued' }
  }
  try {
    const attempt = await claimPerson(personId, opId)
    showAttempt(personId, personName, attempt, false)
    return { result: attempt.result }
  } catch (error) {
    if (error instanceof NetworkError) {
      // It may have reached the server: the same opId makes the replay harmless.
      await queueClaim(personId, personName, opId)
      return { result: 'queued' }
    }
    const message = errorMessage(error)
    setNotice(personId, { tone: 'error', text: message })
    return { result: 'failed', message }
  }
}

const changeDone: Record<ClaimChange['action'], string> = {
  release: 'You released the claim. The person is available to other officers again.',
  renew: 'Claim renewed.',
  assist: 'You are assisting with this claim.',
  cancel: 'You cancelled the claim.',
  outcome: 'Outcome recorded. The claim is closed.',
  reassign: 'Claim reassigned.',
}

/** Act on an existing claim. Online only: offline it says so and changes nothing. */
export async function actOnClaim(claim: Claim, change: ClaimChange): Promise<boolean> {
  if (!navigator.onLine) {
    setNotice(claim.personId, { tone: 'error', text: 'You are offline. Try again when you have a connection.' })
    return false
  }
  try {
    const updated = await changeClaim(claim.id, change)
    applyOwnClaim(updated)
    const reassigned = change.action === 'reassign' ? ` It is now held by ${updated.officer.name} (${updated.officer.collarNumber}).` : ''
    setNotice(claim.personId, { tone: 'success', text: `${changeDone[change.action]}${reassigned}` })
    return true
  } catch (error) {
    setNotice(claim.personId, { tone: 'error', text: errorMessage(error) })
    // A claim that ended meanwhile: show how things stand now.
    markClaimsStale()
    return false
  }
}

/** Send claims queued offline. Call once at start, before the outbox starts. */
export function registerClaimSender(): void {
  registerSender('claim.create', {
    schema: outboxKinds['claim.create'],
    send: async ([op]) => {
      if (!op) return
      // A 409 is an answer, not a failure: the op is done and the officer is told who holds it.
      const attempt = await claimPerson(op.personId, op.opId)
      showAttempt(op.personId, op.personName, attempt, true)
    },
    onRejected: async (op, message) => {
      setNotice(op.personId, { tone: 'error', text: `Your claim on ${op.personName} was not sent: ${message}` })
    },
  })
  onDeviceErased(() => claimNoticesStore.set(new Map()))
}
