/**
 * The gate in front of every profile: nothing of the record is shown until the look-up has a
 * reason and its audit record is in the outbox. Opened from a briefing item (`?from=<item id>`),
 * the reason is that item and is recorded without asking; otherwise the officer is asked, with the
 * reason of the profile they came from (router state) pre-selected.
 *
 * Offline behaviour: the audit record is written on the device (marked `online: false` when there
 * is no network) and sent by the outbox later; the record opens either way.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router'
import type { Reason } from '../../../shared/api/audit.ts'
import type { SubjectKind } from '../../../shared/api/intel.ts'
import { LoadingState } from '../../components/data-state.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { db } from '../../lib/database.ts'
import { checkLinkFromState } from '../../lib/profile-paths.ts'
import { recordProfileView } from '../../lib/profile-views.ts'
import { ReasonDialog } from './reason-dialog.tsx'

/** Router state a profile passes to the profiles it links to. */
export type ProfileLinkState = { reason: Reason }

function reasonFromState(state: unknown): Reason | null {
  if (typeof state !== 'object' || state === null || !('reason' in state)) return null
  const { reason } = state
  if (typeof reason !== 'object' || reason === null || !('code' in reason) || typeof reason.code !== 'string') return null
  return 'text' in reason && typeof reason.text === 'string' ? { code: reason.code, text: reason.text } : { code: reason.code }
}

const whatNames: Record<SubjectKind, string> = { person: 'person record', vehicle: 'vehicle record', address: 'address record' }

type Props = {
  /** The page's heading until the record shows, e.g. "Person record". */
  title: string
  kind: SubjectKind
  id: string
  /** How the audit trail's label names the record (its id when the device does not hold it). */
  label: string
  /** The record, once a reason is given. */
  children: (reason: Reason) => ReactNode
}

export function AuditedProfile({ title, kind, id, label, children }: Props) {
  const [searchParams] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const fromItemId = searchParams.get('from')
  // undefined while reading; null when there is no such item on the device.
  const fromItem = useLiveQuery(async () => (fromItemId === null ? null : ((await db.briefingItems.get(fromItemId)) ?? null)), [fromItemId])
  const [reason, setReason] = useState<Reason | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  // One audit record per opening, even when React runs effects twice in development.
  const recorded = useRef(false)

  function record(chosen: Reason): void {
    if (recorded.current) return
    recorded.current = true
    recordProfileView(kind, id, chosen, label).then(
      () => setReason(chosen),
      (error: unknown) => {
        recorded.current = false
        console.error('Kestrel: could not record a profile view', error)
        setProblem('The record could not be opened because the look-up could not be logged on this device. Try again.')
      },
    )
  }

  // Opened from a briefing item: the item is the reason, recorded without asking. Opened from a
  // check's result: the check's reason, given a moment ago, is recorded without asking again.
  const briefingTitle = fromItem ? fromItem.title : null
  const fromCheck = fromItemId === null ? checkLinkFromState(location.state) : null
  const checkReasonCode = fromCheck?.reason.code ?? null
  const checkReasonText = fromCheck?.reason.text ?? null
  useEffect(() => {
    if ((briefingTitle === null && checkReasonCode === null) || recorded.current) return
    recorded.current = true
    const chosen: Reason =
      briefingTitle !== null
        ? { code: 'briefing', text: briefingTitle.slice(0, 500) }
        : checkReasonText !== null
          ? { code: checkReasonCode ?? '', text: checkReasonText }
          : { code: checkReasonCode ?? '' }
    recordProfileView(kind, id, chosen, label).then(
      () => setReason(chosen),
      (error: unknown) => {
        console.error('Kestrel: could not record a profile view', error)
        setProblem('The record could not be opened because the look-up could not be logged on this device. Try again.')
      },
    )
  }, [briefingTitle, checkReasonCode, checkReasonText, kind, id, label])

  if (reason !== null) {
    return (
      <>
        {children(reason)}
        {reason.code === 'briefing' && fromItem ? (
          <p className="hint audit-note">Look-up recorded. Reason: briefing item “{fromItem.title}”.</p>
        ) : fromCheck ? (
          <p className="hint audit-note">Look-up recorded with the reason you gave for the check.</p>
        ) : (
          <p className="hint audit-note">Look-up recorded with your reason.</p>
        )}
      </>
    )
  }
  if (problem !== null) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <p className="alert" role="alert">
          {problem}
        </p>
      </>
    )
  }
  if (fromItem === undefined || fromItem !== null || fromCheck !== null) return <LoadingState>Opening the record…</LoadingState>
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>Choose why you are opening this record to see it.</p>
      <ReasonDialog
      what={whatNames[kind]}
      initial={reasonFromState(location.state)}
      onChoose={record}
      onCancel={() => {
        if (location.key !== 'default') void navigate(-1)
        else void navigate('/briefing', { replace: true })
      }}
    />
    </>
  )
}
