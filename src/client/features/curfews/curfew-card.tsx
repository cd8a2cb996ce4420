/**
 * One curfew on tonight's list: photo, name and warning markers (officer safety first, in red and
 * in words), the address and how far it is, the curfew in plain words, doorstep and tag, what is
 * known about the address tonight, and the door-knock itself: one tap per result, with who answered
 * and a typed note if the officer wants to add them first. Once a check is recorded here, a voice (or
 * written) note can be added to it on the Notes screen, which comes back to this list when it is
 * saved; the check's notes show on the card. "On my way" tells other officers (online).
 *
 * Offline behaviour: recording works with no signal (saved here, sent later); "On my way" needs a
 * connection and says so.
 */
import { useId, useState } from 'react'
import { Link } from 'react-router'
import { curfewResults, resultLabels, type CheckPosition, type CurfewResult } from '../../../shared/api/curfews.ts'
import type { MarkerType } from '../../../shared/api/intel.ts'
import { curfewActiveAt } from '../../../shared/curfew/windows.ts'
import { SubjectNotes } from '../../components/subject-notes.tsx'
import { WarningMarkers } from '../../components/warning-markers.tsx'
import { ApiError, NetworkError } from '../../lib/api-client.ts'
import { recordCurfewCheck } from '../../lib/curfew-checks.ts'
import { formatCurfewWindow } from '../../lib/curfew-windows.ts'
import { formatTime } from '../../lib/date-format.ts'
import { markersFor } from '../../lib/marker-order.ts'
import { personName } from '../../lib/subject-labels.ts'
import { startVisit } from './api/start-visit.ts'
import { addressState, addressStateWords, distanceMetres, distanceWords, tonightWords } from './curfew-list-model.ts'
import type { CurfewListRow } from './use-curfew-list.ts'
import { positionForCheck } from './use-position.ts'

type Props = {
  row: CurfewListRow
  /** Its number on the list and on the map. */
  number: number
  now: number
  markerTypes: ReadonlyMap<string, MarkerType>
  me: { collarNumber: string; name: string }
  position: CheckPosition | null
  onVisitStarted: () => void
}

const resultButtonClass: Record<CurfewResult, string> = {
  present: 'button curfew-result curfew-result--present',
  absent: 'button curfew-result curfew-result--absent',
  no_answer: 'button curfew-result',
  refused: 'button curfew-result curfew-result--absent',
}

export function CurfewCard({ row, number, now, markerTypes, me, position, onVisitStarted }: Props) {
  const headingId = useId()
  const noteId = useId()
  const answeredId = useId()
  const [note, setNote] = useState('')
  const [answeredBy, setAnsweredBy] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const { person, address } = row
  const name = personName(person)
  const at = new Date(now)
  const state = addressState({ serverCheck: row.server?.lastCheck ?? null, deviceCheck: row.deviceCheck, visit: row.server?.visit ?? null, myCollar: me.collarNumber, now: at })
  const stateClass = state.kind === 'checked' ? (state.check.breach ? 'breach' : 'checked') : state.kind

  async function record(result: CurfewResult): Promise<void> {
    setBusy(true)
    setMessage(null)
    try {
      await recordCurfewCheck({
        conditionId: row.conditionId, personId: person.id, personName: name, result, officer: me,
        inWindow: curfewActiveAt(row.rule, new Date()), position: await positionForCheck(position),
        note, answeredBy,
      })
      setNote('')
      setAnsweredBy('')
    } catch (error) {
      console.error('Kestrel: a curfew check could not be saved', error)
      setMessage('This check could not be saved on the device. Try again.')
    } finally {
      setBusy(false)
    }
  }

  async function onMyWay(): Promise<void> {
    setMessage(null)
    try {
      await startVisit(row.conditionId)
      onVisitStarted()
    } catch (error) {
      if (error instanceof NetworkError) setMessage('No connection: other officers cannot be told you are on your way. You can still record the check.')
      else if (error instanceof ApiError) setMessage(error.message)
      else setMessage('Other officers could not be told. Try again.')
    }
  }

  return (
    <li className={`card curfew-card curfew-card--${stateClass}`} aria-labelledby={headingId}>
      <div className="curfew-card__head">
        {person.photoUrl !== null ? (
          <img className="curfew-card__photo" src={person.photoUrl} alt={`Photo of ${name}`} width={72} height={90} loading="lazy" />
        ) : (
          <p className="curfew-card__photo curfew-card__photo--none">No photo</p>
        )}
        <div>
          <h2 id={headingId} className="curfew-card__name">
            <span className="curfew-card__number" aria-hidden="true">
              {number}
            </span>{' '}
            {name}
          </h2>
          <p className="curfew-card__address">
            {address ? `${address.line1}${address.line2 ? `, ${address.line2}` : ''}, ${address.town} ${address.postcode}` : 'Address not on this device'}
            {address && position ? ` · ${distanceWords(distanceMetres(position, address))}` : ''}
          </p>
        </div>
      </div>
      <WarningMarkers markers={markersFor(person.warningMarkers, markerTypes)} headingLevel={3} />
      <dl className="facts curfew-card__facts">
        <div>
          <dt>Tonight</dt>
          <dd>{tonightWords(row, at)}</dd>
        </div>
        <div>
          <dt>Curfew</dt>
          <dd>{row.rule.windows.map(formatCurfewWindow).join('; ')}</dd>
        </div>
        <div>
          <dt>Doorstep</dt>
          <dd>{row.doorstep ? 'Must come to the door when an officer calls' : 'No doorstep condition'}</dd>
        </div>
        <div>
          <dt>Tag</dt>
          <dd>{row.tag ? 'Electronically monitored (tag)' : 'Not tagged'}</dd>
        </div>
      </dl>
      <p className={`curfew-card__state curfew-card__state--${stateClass}`} role="status">
        {addressStateWords(state, at)}
      </p>
      {!row.activeNow ? <p className="hint">Not in curfew hours now: an absent result now is not a breach.</p> : null}
      {message ? <p className="notice">{message}</p> : null}
      <div className="actions">
        {state.kind === 'none' || (state.kind === 'visit' && state.byMe) ? (
          <button type="button" className="button" onClick={() => void onMyWay()}>
            On my way<span className="visually-hidden"> to {name}</span>
          </button>
        ) : null}
        <Link className="button" to={`/people/${encodeURIComponent(person.id)}`} state={{ reason: { code: 'tasking', text: 'Curfew check' } }}>
          Profile<span className="visually-hidden"> of {name}</span>
        </Link>
      </div>
      <fieldset className="curfew-card__record" disabled={busy}>
        <legend>Record the door-knock</legend>
        <details className="curfew-card__details">
          <summary>Add who answered or a note (optional)</summary>
          <div className="field">
            <label htmlFor={answeredId}>Who answered the door</label>
            <input id={answeredId} value={answeredBy} maxLength={200} onChange={(event) => setAnsweredBy(event.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={noteId}>Note</label>
            <textarea id={noteId} value={note} maxLength={2000} rows={3} onChange={(event) => setNote(event.target.value)} />
          </div>
        </details>
        <div className="curfew-card__results">
          {curfewResults.map((result) => (
            <button key={result} type="button" className={resultButtonClass[result]} onClick={() => void record(result)}>
              {resultLabels[result]}
              <span className="visually-hidden">: {name}</span>
            </button>
          ))}
        </div>
      </fieldset>
      {row.deviceCheck ? (
        <SubjectNotes kind="curfew-check" id={row.deviceCheck.id} label={`Curfew check: ${name}, ${formatTime(row.deviceCheck.checkedAt)}`}
          title="Notes on this check" headingLevel={3} addText={<>Add a voice note<span className="visually-hidden"> about the check of {name}</span></>} returnTo="/curfews" quietWhenEmpty />
      ) : null}
    </li>
  )
}
