/**
 * Click & Collect for one wanted person, wherever the person is shown (a wanted gallery card, the
 * person's profile): who is collecting them, live, and what this officer can do about it. Available:
 * "Collect". Collected by this officer: Release, Renew, Record outcome. Collected by someone else:
 * Assist. Supervisors also Reassign or Cancel any claim. Each answer is said in words next to the
 * buttons (a refusal names who holds the person and since when).
 *
 * Offline behaviour: the claim state shown is the last this device knew (kept on the device, so it
 * survives a reload), labelled with the time it was known and as possibly out of date (or "not
 * known" when the device has never fetched it). "Collect" becomes "Offline — claim will
 * be sent when back online" and queues the claim; the person then shows "Pending, not confirmed"
 * until the outbox has the server's answer. Other actions need a connection and say so.
 */
import { useId, useRef, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { Link } from 'react-router'
import { claimOutcomes, type Claim } from '../../shared/api/claims.ts'
import { checkPath } from '../lib/check-paths.ts'
import { actOnClaim, collect, useClaimNotice } from '../lib/claim-actions.ts'
import { useClaimOps } from '../lib/claim-ops.ts'
import { assistingText, claimStateText, outcomeNames } from '../lib/claims-text.ts'
import { useClaims } from '../lib/claims-store.ts'
import { useOnline } from '../lib/connectivity.ts'
import { formatDayTime, formatTime } from '../lib/date-format.ts'
import { useStreamStatus } from '../lib/event-stream.ts'
import { discardOutboxOp, retryOutboxOp } from '../lib/outbox.ts'
import { useSignedInUser } from '../lib/session.ts'
import '../styles/claims.css'

type Props = {
  personId: string
  /** As the officer reads it, e.g. "SMITH, John". */
  personName: string
}

/** "as of 14:05", or with the day when it was not today. */
function asOfText(asOf: number): string {
  const at = new Date(asOf)
  const sameDay = at.toDateString() === new Date().toDateString()
  return `as of ${sameDay ? formatTime(at.toISOString()) : formatDayTime(at.toISOString())}`
}

function Hidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>
}

/** A modal form for the actions that need more than a tap (outcome, reassign). */
function ActionDialog({ title, open, onClose, onSubmit, busy, children, submitLabel }: {
  title: string
  open: boolean
  onClose: () => void
  onSubmit: (form: FormData) => void
  busy: boolean
  children: ReactNode
  submitLabel: string
}) {
  const titleId = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  // Opened and closed through the element so the browser manages focus and the Escape key.
  const ref = (element: HTMLDialogElement | null) => {
    dialog.current = element
    if (element && open && !element.open) element.showModal()
  }
  if (!open) return null
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    onSubmit(new FormData(event.currentTarget))
  }
  return (
    <dialog ref={ref} className="claim-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} className="form">
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}

function OutcomeDialog({ claim, personName, onClose }: { claim: Claim; personName: string; onClose: () => void }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const noteId = useId()
  async function save(form: FormData) {
    const outcome = claimOutcomes.find((candidate) => candidate === form.get('outcome'))
    const note = String(form.get('note') ?? '').trim()
    if (!outcome) {
      setProblem('Choose what happened.')
      return
    }
    if (outcome === 'other' && note === '') {
      setProblem('Say what happened when the outcome is “other”.')
      return
    }
    setBusy(true)
    const done = await actOnClaim(claim, { action: 'outcome', body: note === '' ? { outcome } : { outcome, note } })
    setBusy(false)
    if (done) onClose()
  }
  return (
    <ActionDialog title={`Outcome for ${personName}`} open onClose={onClose} onSubmit={(form) => void save(form)} busy={busy} submitLabel="Save outcome">
      <fieldset className="claim-dialog__choices">
        <legend>What happened?</legend>
        {claimOutcomes.map((outcome) => (
          <label key={outcome} className="claim-dialog__choice">
            <input type="radio" name="outcome" value={outcome} required />
            <span>{outcomeNames[outcome].replace(/^./, (first) => first.toUpperCase())}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={noteId}>Note (needed for “other”)</label>
        <textarea id={noteId} name="note" rows={3} maxLength={2000} />
      </div>
      {problem !== null ? (
        <p className="alert" role="alert">
          {problem}
        </p>
      ) : null}
    </ActionDialog>
  )
}

function ReassignDialog({ claim, personName, onClose }: { claim: Claim; personName: string; onClose: () => void }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const collarId = useId()
  async function save(form: FormData) {
    const collarNumber = String(form.get('collar') ?? '').trim()
    if (!/^\d{1,8}$/.test(collarNumber)) {
      setProblem('Enter the collar number of the officer who takes over (digits only).')
      return
    }
    setBusy(true)
    const done = await actOnClaim(claim, { action: 'reassign', body: { collarNumber } })
    setBusy(false)
    if (done) onClose()
  }
  return (
    <ActionDialog title={`Reassign ${personName}`} open onClose={onClose} onSubmit={(form) => void save(form)} busy={busy} submitLabel="Reassign">
      <p>Now collected by {claim.officer.name} ({claim.officer.collarNumber}).</p>
      <div className="field">
        <label htmlFor={collarId}>Collar number of the officer who takes over</label>
        <input id={collarId} name="collar" inputMode="numeric" autoComplete="off" required />
      </div>
      {problem !== null ? (
        <p className="alert" role="alert">
          {problem}
        </p>
      ) : null}
    </ActionDialog>
  )
}

export function ClaimPanel({ personId, personName }: Props) {
  const user = useSignedInUser()
  const view = useClaims()
  const online = useOnline()
  const stream = useStreamStatus()
  const queued = useClaimOps(personId)
  const notice = useClaimNotice(personId)
  const [busy, setBusy] = useState(false)
  const [dialog, setDialog] = useState<'outcome' | 'reassign' | null>(null)

  if (user === null) return null
  const claim = view.claims.active.get(personId) ?? null
  const myCollar = user.collarNumber
  const mine = claim?.officer.collarNumber === myCollar
  const assisting = claim?.assisting.some((officer) => officer.collarNumber === myCollar) ?? false
  const fieldRole = user.role === 'officer' || user.role === 'supervisor'
  const supervisor = user.role === 'supervisor'
  const known = view.asOf !== null
  const live = online && stream === 'live' && known && !view.stale
  const op = queued?.find((row) => row.kind === 'claim.create') ?? null

  async function run(action: () => Promise<unknown>) {
    setBusy(true)
    try {
      await action()
    } finally {
      setBusy(false)
    }
  }

  let state: string
  let stateClass = 'claim-state'
  if (op?.state === 'pending') {
    state = 'Pending, not confirmed'
    stateClass += ' claim-state--pending'
  } else if (!claim && !known) {
    state = 'Claim state not known'
    stateClass += ' claim-state--unknown'
  } else {
    state = claimStateText(claim, myCollar, personName)
    stateClass += claim ? (mine ? ' claim-state--mine' : ' claim-state--held') : ' claim-state--free'
  }

  return (
    <div className="claim-panel">
      <p className={stateClass}>
        <strong>{state}</strong>
        {claim && !op ? <span className="claim-state__detail"> · until {formatTime(claim.expiresAt)}</span> : null}
      </p>
      {claim && !op && assistingText(claim, myCollar) !== null ? <p className="claim-state__detail">{assistingText(claim, myCollar)}</p> : null}
      {op?.state === 'pending' ? (
        <p className="claim-state__detail">
          {online ? 'Sending your claim…' : 'Your claim will be sent when this device is back online.'}
        </p>
      ) : null}
      {!live && !op && (known || claim) ? (
        <p className="claim-state__stale">
          {view.asOf !== null ? `Claim state ${asOfText(view.asOf)}, may be out of date: no live connection.` : 'Claim state may be out of date: no live connection.'}
        </p>
      ) : null}
      {!known && !claim && !op ? <p className="claim-state__stale">Claim state not known: no connection to the server yet.</p> : null}
      {op?.state === 'failed' ? (
        <div className="alert" role="alert">
          <p>Your claim was not sent: {op.lastError ?? 'the server refused it.'}</p>
          <div className="actions">
            <button type="button" className="button button--small" onClick={() => void retryOutboxOp(op.seq)}>
              Try again
            </button>
            <button type="button" className="button button--small" onClick={() => void discardOutboxOp(op.seq)}>
              Discard claim
            </button>
          </div>
        </div>
      ) : null}
      {notice ? (
        <p className={notice.tone === 'success' ? 'notice notice--success claim-notice' : notice.tone === 'warning' ? 'notice notice--warning claim-notice' : 'alert claim-notice'} role={notice.tone === 'success' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      ) : null}

      {fieldRole && !op ? (
        <div className="actions claim-actions">
          {!claim ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(() => collect(personId, personName))}>
              {online ? 'Collect' : 'Offline — claim will be sent when back online'}
              <Hidden> {personName}</Hidden>
            </button>
          ) : null}
          {claim && mine ? (
            <>
              <button type="button" className="button" disabled={busy} onClick={() => void run(() => actOnClaim(claim, { action: 'release' }))}>
                Release<Hidden> {personName}</Hidden>
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => void run(() => actOnClaim(claim, { action: 'renew' }))}>
                Renew<Hidden> claim on {personName}</Hidden>
              </button>
              <button type="button" className="button button--primary" disabled={busy} onClick={() => setDialog('outcome')}>
                Record outcome<Hidden> for {personName}</Hidden>
              </button>
              {/* Confirming who is in front of you: the claim is the check's reason. */}
              <Link className="button" to={checkPath({ kind: 'person', reason: { code: 'warrant', text: `Click & Collect: ${personName}` } })}>
                Check identity<Hidden> of {personName}</Hidden>
              </Link>
            </>
          ) : null}
          {claim && !mine && !assisting ? (
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => actOnClaim(claim, { action: 'assist' }))}>
              Assist<Hidden> with {personName}</Hidden>
            </button>
          ) : null}
          {claim && supervisor ? (
            <>
              <button type="button" className="button" disabled={busy} onClick={() => setDialog('reassign')}>
                Reassign<Hidden> {personName}</Hidden>
              </button>
              <button type="button" className="button button--danger" disabled={busy} onClick={() => void run(() => actOnClaim(claim, { action: 'cancel' }))}>
                Cancel claim<Hidden> on {personName}</Hidden>
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {claim && dialog === 'outcome' ? <OutcomeDialog claim={claim} personName={personName} onClose={() => setDialog(null)} /> : null}
      {claim && dialog === 'reassign' ? <ReassignDialog claim={claim} personName={personName} onClose={() => setDialog(null)} /> : null}
    </div>
  )
}
