/**
 * The audit log of checks and record look-ups. Supervisors (`/audit`) filter every officer's
 * records by officer, subject, reason and dates, page back through them, and export the same
 * selection as CSV. Officers (`/my-checks`) see their own records: the server answers them with
 * nothing else. Each row: time, officer, action, subject, reason and its details, how many results
 * the check gave, whether it was made online or offline on the device, and the device.
 *
 * Offline behaviour: the log lives on the server only; with no network the page says so, and
 * checks made offline appear once their records have uploaded.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { lookupReasons } from '../../../shared/domain/reasons.ts'
import type { AuditRecord } from '../../../shared/api/checks.ts'
import { EmptyState, ErrorState, LoadingState } from '../../components/data-state.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { errorMessage } from '../../lib/api-client.ts'
import { useOnline } from '../../lib/connectivity.ts'
import { db } from '../../lib/database.ts'
import { formatDayTime } from '../../lib/date-format.ts'
import { auditExportUrl, noFilters, useAuditLog, type AuditFilters } from './api/get-audit-log.ts'
import './audit.css'

const actionNames: Record<string, string> = { consult: 'Consulted', disclose: 'Disclosed', check: 'Check', view: 'Viewed' }

function actionText(action: string): string {
  return actionNames[action] ?? `${action.charAt(0).toUpperCase()}${action.slice(1).replace(/[._-]+/g, ' ')}`
}

/** `person-check` -> "Person check" */
function kindText(kind: string | null): string {
  if (kind === null) return ''
  const words = kind.replace(/[._-]+/g, ' ')
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`
}

function useReasonLabels(): { code: string; label: string }[] {
  const cached = useLiveQuery(() => db.checkReasons.toArray(), [])
  if (cached && cached.length > 0) return cached.sort((a, b) => a.order - b.order)
  return lookupReasons.map(({ code, label }) => ({ code, label }))
}

function Filters({ mine, reasons, onApply }: { mine: boolean; reasons: readonly { code: string; label: string }[]; onApply: (filters: AuditFilters) => void }) {
  const ids = { officer: useId(), subject: useId(), reason: useId(), from: useId(), to: useId() }
  const [draft, setDraft] = useState<AuditFilters>(noFilters)
  const set = (name: keyof AuditFilters) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value })
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    onApply(draft)
  }
  return (
    <form className="audit-filters" aria-label="Filter the audit log" onSubmit={submit}>
      {!mine ? (
        <div className="field">
          <label htmlFor={ids.officer}>Officer (collar number)</label>
          <input id={ids.officer} type="text" inputMode="numeric" autoComplete="off" value={draft.officer} onChange={set('officer')} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={ids.subject}>Subject ID</label>
        <input id={ids.subject} type="text" autoComplete="off" value={draft.subject} onChange={set('subject')} />
      </div>
      <div className="field">
        <label htmlFor={ids.reason}>Reason</label>
        <select id={ids.reason} value={draft.reason} onChange={set('reason')}>
          <option value="">Any reason</option>
          {reasons.map((reason) => (
            <option key={reason.code} value={reason.code}>
              {reason.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.from}>From</label>
        <input id={ids.from} type="date" value={draft.from} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>To</label>
        <input id={ids.to} type="date" value={draft.to} onChange={set('to')} />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        <button
          type="reset"
          className="button"
          onClick={() => {
            setDraft(noFilters)
            onApply(noFilters)
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  )
}

function AuditTable({ records, reasonLabels, mine }: { records: readonly AuditRecord[]; reasonLabels: ReadonlyMap<string, string>; mine: boolean }) {
  return (
    <div className="table-scroll" role="region" aria-label={mine ? 'My checks and look-ups' : 'Audit records'} tabIndex={0}>
      <table className="table audit-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            {!mine ? <th scope="col">Officer</th> : null}
            <th scope="col">Action</th>
            <th scope="col">Subject</th>
            <th scope="col">Reason</th>
            <th scope="col" className="number">
              Results
            </th>
            <th scope="col">Made</th>
            <th scope="col">Device</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              <td>{formatDayTime(record.at)}</td>
              {!mine ? <td>{record.collarNumber ?? 'Unknown'}</td> : null}
              <td>
                {actionText(record.action)}
                {record.summary !== '' ? <span className="audit-table__summary">{record.summary}</span> : null}
              </td>
              <td>{record.subjectId === null ? '—' : `${kindText(record.subjectKind)} ${record.subjectId}`.trim()}</td>
              <td>
                {record.reasonCode === null ? '—' : (reasonLabels.get(record.reasonCode) ?? record.reasonCode)}
                {record.reasonText !== null && record.reasonText !== '' ? <span className="audit-table__summary">{record.reasonText}</span> : null}
              </td>
              <td className="number">{record.resultCount ?? '—'}</td>
              <td>{record.online ? 'Online' : 'Offline'}</td>
              <td>{record.device ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function AuditPage({ mine }: { mine: boolean }) {
  const online = useOnline()
  const reasons = useReasonLabels()
  const reasonLabels = new Map(reasons.map((r) => [r.code, r.label]))
  const [filters, setFilters] = useState<AuditFilters>(noFilters)
  const log = useAuditLog(filters)
  const records = log.data?.pages.flatMap((page) => page.records) ?? []

  let body
  if (log.isPending && !online) body = <p className="notice notice--warning">The audit log needs a connection. Checks you made offline appear here once their records have uploaded.</p>
  else if (log.isPending) body = <LoadingState>Loading the audit log…</LoadingState>
  else if (log.isError && records.length === 0) body = <ErrorState onRetry={() => void log.refetch()}>The audit log could not be loaded. {errorMessage(log.error)}</ErrorState>
  else if (records.length === 0) body = <EmptyState>No records match.</EmptyState>
  else {
    body = (
      <>
        <p className="hint">
          {records.length} record{records.length === 1 ? '' : 's'} shown, newest first.
        </p>
        <AuditTable records={records} reasonLabels={reasonLabels} mine={mine} />
        {log.hasNextPage ? (
          <p className="audit-more">
            <button type="button" className="button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          </p>
        ) : null}
        {log.isFetchNextPageError ? <p className="alert">More records could not be loaded. {errorMessage(log.error)}</p> : null}
      </>
    )
  }

  return (
    <div className="page page--wide audit-page">
      <PageTitle>{mine ? 'My checks' : 'Audit log'}</PageTitle>
      <p className="lead">
        {mine
          ? 'Your checks and record look-ups, with the reasons you gave. Supervisors can see these records.'
          : 'Every check and record look-up: who, when, why and what was found. Records cannot be changed or deleted.'}
      </p>
      <Filters mine={mine} reasons={reasons} onApply={setFilters} />
      {!mine ? (
        <p>
          {/* A plain download: the session cookie goes with it, and the server checks the role. */}
          <a className="button" href={auditExportUrl(filters)} download>
            Export CSV
          </a>
        </p>
      ) : null}
      {body}
    </div>
  )
}

/** `/audit`, for supervisors. */
export function AuditLogPage() {
  return <AuditPage mine={false} />
}

/** `/my-checks`, an officer's own records. */
export function MyChecksPage() {
  return <AuditPage mine />
}
