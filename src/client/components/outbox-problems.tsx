/**
 * What is waiting to reach the server and what the server refused. A refused change is never
 * dropped by itself: it stays here, with the server's reason, until the officer tries again or
 * discards it (records of profile views cannot be discarded, only sent).
 */
import { Link } from 'react-router'
import { discardOutboxOp, retryOutboxOp, useOutboxSummary } from '../lib/outbox.ts'

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** One line for the app frame when something could not be sent. */
export function OutboxAlert() {
  const summary = useOutboxSummary()
  if (!summary || summary.failed.length === 0) return null
  return (
    <p className="alert outbox-alert">
      {plural(summary.failed.length, 'change', 'changes')} could not be sent to the server. <Link to="/settings#waiting-to-send">Review</Link>
    </p>
  )
}

export function OutboxProblems() {
  const summary = useOutboxSummary()
  if (!summary) return null
  return (
    <>
      <p>{summary.pending === 0 ? 'Nothing is waiting to be sent.' : `${plural(summary.pending, 'change is', 'changes are')} waiting to be sent. Kestrel sends them when connected.`}</p>
      {summary.failed.length > 0 ? (
        <ul className="outbox-failed" aria-label="Not sent">
          {summary.failed.map((op) => (
            <li key={op.seq} className="outbox-failed__item">
              <p>
                <strong>{op.label}</strong>
              </p>
              <p>Not sent: {op.lastError ?? 'the server refused it.'}</p>
              <div className="actions">
                <button type="button" className="button button--small" onClick={() => void retryOutboxOp(op.seq)}>
                  Try again
                </button>
                {/* An officer cannot discard the record of their own look-up: that is what the audit trail is for. */}
                {op.kind === 'audit.view' ? null : (
                  <button type="button" className="button button--small" onClick={() => void discardOutboxOp(op.seq)}>
                    Discard
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
