/**
 * Why the officer is making this check: one of the force's reasons (required) and optional
 * details. Every check is recorded with its reason (Data Protection Act 2018 s.62). The list comes
 * from the server and is kept on the device (api/get-check-reasons.ts); a reason named by the link
 * the check was opened from (a briefing item, a claim) is chosen already.
 */
import { useId } from 'react'
import type { CheckReason } from './api/get-check-reasons.ts'

type Props = {
  reasons: readonly CheckReason[]
  code: string
  text: string
  onCode: (code: string) => void
  onText: (text: string) => void
  /** Shown under the list when no reason was chosen. */
  problem: string | null
}

export function ReasonPicker({ reasons, code, text, onCode, onText, problem }: Props) {
  const reasonId = useId()
  const detailsId = useId()
  const problemId = useId()
  return (
    <div className="check-reason">
      <div className="field">
        <label htmlFor={reasonId}>Reason for the check</label>
        <select
          id={reasonId}
          value={code}
          required
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? problemId : undefined}
          onChange={(event) => onCode(event.target.value)}
        >
          <option value="">Choose a reason…</option>
          {reasons.map((reason) => (
            <option key={reason.code} value={reason.code}>
              {reason.label}
            </option>
          ))}
        </select>
        {problem !== null ? (
          <p id={problemId} className="field-problem">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={detailsId}>Reason details (optional)</label>
        <textarea id={detailsId} rows={2} maxLength={500} value={text} onChange={(event) => onText(event.target.value)} />
      </div>
      <p className="hint">The check is recorded with your collar number, the time and your reason.</p>
    </div>
  )
}
