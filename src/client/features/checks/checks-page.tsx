/**
 * On-the-spot checks of a person, a vehicle or an address, each with a reason. Opened from a
 * briefing item or a Click & Collect claim, the reason is chosen already (lib/check-paths.ts).
 *
 * Offline behaviour: with no network, or when the server cannot be reached, the check runs on the
 * package cached on this device with the same matching as the server, says plainly that it covered
 * only what the device holds, and queues its audit record to upload on reconnect (api/run-check.ts).
 */
import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { Reason } from '../../../shared/api/audit.ts'
import { PageTitle } from '../../components/page-title.tsx'
import { checkKinds, checkPrefillFrom, type CheckKind } from '../../lib/check-paths.ts'
import { useOnline } from '../../lib/connectivity.ts'
import { useSignedInUser } from '../../lib/session.ts'
import { useCheckReasons } from './api/get-check-reasons.ts'
import { runCheck, type CheckRequest } from './api/run-check.ts'
import { CheckResults } from './check-results.tsx'
import { parseDobInput } from './dob-input.ts'
import { ReasonPicker } from './reason-picker.tsx'
import './checks.css'

const kindLabels: Record<CheckKind, string> = { person: 'Person', vehicle: 'Vehicle', address: 'Address' }

type Problems = Partial<Record<'surname' | 'dob' | 'vrm' | 'address' | 'reason', string>>

function FieldProblem({ id, text }: { id: string; text: string | undefined }) {
  return text === undefined ? null : (
    <p id={id} className="field-problem">
      {text}
    </p>
  )
}

export function ChecksPage() {
  const [params] = useSearchParams()
  const [prefill] = useState(() => checkPrefillFrom(params))
  const user = useSignedInUser()
  const online = useOnline()
  const reasons = useCheckReasons()
  const ids = { surname: useId(), forenames: useId(), dob: useId(), vrm: useId(), address: useId(), problem: useId(), kind: useId() }
  const [kind, setKind] = useState<CheckKind>(prefill.kind ?? 'person')
  const [surname, setSurname] = useState('')
  const [forenames, setForenames] = useState('')
  const [dob, setDob] = useState('')
  const [vrm, setVrm] = useState('')
  const [address, setAddress] = useState('')
  const [reasonCode, setReasonCode] = useState(prefill.reason?.code ?? '')
  const [reasonText, setReasonText] = useState(prefill.reason?.text ?? '')
  const [problems, setProblems] = useState<Problems>({})
  const check = useMutation({ mutationFn: runCheck })

  function chooseKind(next: CheckKind) {
    setKind(next)
    setProblems({})
    check.reset()
  }

  function request(): CheckRequest | Problems {
    const found: Problems = {}
    const details = reasonText.trim()
    const reason: Reason = details === '' ? { code: reasonCode } : { code: reasonCode, text: details }
    // A reason the force's list does not name (an old link) would be refused: ask for one.
    if (reasonCode === '' || (reasons.data !== undefined && !reasons.data.some((r) => r.code === reasonCode))) found.reason = 'Choose a reason for the check.'
    if (kind === 'person') {
      const given = parseDobInput(dob)
      if (surname.trim() === '') found.surname = 'Enter a surname.'
      if (!given.ok) found.dob = given.message
      if (Object.keys(found).length > 0 || !given.ok) return found
      const query = { surname: surname.trim(), ...(forenames.trim() ? { forenames: forenames.trim() } : {}), ...(given.value ? { dob: given.value } : {}) }
      return { kind, query, reason }
    }
    if (kind === 'vehicle') {
      if (vrm.replace(/[^A-Za-z0-9]/g, '') === '') found.vrm = 'Enter a registration mark.'
      return Object.keys(found).length > 0 ? found : { kind, query: { vrm: vrm.trim() }, reason }
    }
    if (address.trim().length < 2) found.address = 'Enter a postcode or a street.'
    return Object.keys(found).length > 0 ? found : { kind, query: { query: address.trim() }, reason }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const built = request()
    if (!('kind' in built)) {
      setProblems(built)
      return
    }
    setProblems({})
    check.mutate(built)
  }

  const describedBy = (field: keyof Problems, hint?: string) => [problems[field] ? `${ids.problem}-${field}` : null, hint ?? null].filter(Boolean).join(' ') || undefined

  return (
    <div className="page checks-page">
      <PageTitle>Checks</PageTitle>
      <p className="lead">Check a person, a vehicle or an address. Every check is recorded with your reason.</p>
      {!online ? (
        <p className="notice notice--warning">Offline: checks run only on the people, vehicles and addresses cached on this device.</p>
      ) : null}
      <form className="form check-form" noValidate onSubmit={submit}>
        <fieldset className="segmented">
          <legend>What are you checking?</legend>
          {checkKinds.map((option) => (
            <label key={option} className="segmented__option">
              <input type="radio" name={ids.kind} value={option} checked={kind === option} onChange={() => chooseKind(option)} />
              <span>{kindLabels[option]}</span>
            </label>
          ))}
        </fieldset>

        {kind === 'person' ? (
          <div className="check-form__fields">
            <div className="field">
              <label htmlFor={ids.surname}>Surname</label>
              <input id={ids.surname} type="text" autoComplete="off" autoCapitalize="words" spellCheck={false} value={surname}
                aria-invalid={problems.surname !== undefined} aria-describedby={describedBy('surname')} onChange={(e) => setSurname(e.target.value)} />
              <FieldProblem id={`${ids.problem}-surname`} text={problems.surname} />
            </div>
            <div className="field">
              <label htmlFor={ids.forenames}>Forenames (optional)</label>
              <input id={ids.forenames} type="text" autoComplete="off" autoCapitalize="words" spellCheck={false} value={forenames} onChange={(e) => setForenames(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.dob}>Date of birth or year (optional)</label>
              <input id={ids.dob} type="text" autoComplete="off" inputMode="text" placeholder="DD/MM/YYYY or YYYY" value={dob}
                aria-invalid={problems.dob !== undefined} aria-describedby={describedBy('dob', `${ids.dob}-hint`)} onChange={(e) => setDob(e.target.value)} />
              <p id={`${ids.dob}-hint`} className="hint">
                As given, even if it seems wrong: a swapped day and month or a year one out is still found.
              </p>
              <FieldProblem id={`${ids.problem}-dob`} text={problems.dob} />
            </div>
          </div>
        ) : null}
        {kind === 'vehicle' ? (
          <div className="check-form__fields">
            <div className="field">
              <label htmlFor={ids.vrm}>Registration mark (VRM)</label>
              <input id={ids.vrm} type="text" className="vrm-input" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={vrm}
                aria-invalid={problems.vrm !== undefined} aria-describedby={describedBy('vrm', `${ids.vrm}-hint`)} onChange={(e) => setVrm(e.target.value)} />
              <p id={`${ids.vrm}-hint`} className="hint">
                Spacing and case do not matter; usual misreads (0/O, 1/I, 5/S, 8/B) are tried too.
              </p>
              <FieldProblem id={`${ids.problem}-vrm`} text={problems.vrm} />
            </div>
          </div>
        ) : null}
        {kind === 'address' ? (
          <div className="check-form__fields">
            <div className="field">
              <label htmlFor={ids.address}>Postcode or street</label>
              <input id={ids.address} type="text" autoComplete="off" spellCheck={false} value={address}
                aria-invalid={problems.address !== undefined} aria-describedby={describedBy('address')} onChange={(e) => setAddress(e.target.value)} />
              <FieldProblem id={`${ids.problem}-address`} text={problems.address} />
            </div>
          </div>
        ) : null}

        <ReasonPicker reasons={reasons.data ?? []} code={reasonCode} text={reasonText} onCode={setReasonCode} onText={setReasonText} problem={problems.reason ?? null} />
        {prefill.reason !== null && reasonCode === prefill.reason.code ? <p className="hint">Reason filled in from where you opened this check.</p> : null}

        <div className="actions">
          <button type="submit" className="button button--primary" disabled={check.isPending}>
            Check {kindLabels[kind].toLowerCase()}
          </button>
        </div>
      </form>

      <CheckResults status={check.status} answer={check.data} error={check.error} onRetry={() => check.variables && check.mutate(check.variables)} />

      {user !== null ? (
        <p className="checks-page__more">
          <Link to={user.role === 'supervisor' ? '/audit' : '/my-checks'}>{user.role === 'supervisor' ? 'Audit log of checks and look-ups' : 'My checks'}</Link>
        </p>
      ) : null}
    </div>
  )
}
