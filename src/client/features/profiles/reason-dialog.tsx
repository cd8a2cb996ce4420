/**
 * "Why are you viewing this record?": asked before a person, vehicle or address record opens,
 * because every consultation of personal data is logged with its justification (Data Protection
 * Act 2018 s.62). A short list of reasons as radio buttons, optional details, "View record".
 * A modal <dialog>, so focus stays in it and Escape means "Cancel".
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type { Reason } from '../../../shared/api/audit.ts'
import { lookupReasons } from '../../../shared/domain/reasons.ts'

type Props = {
  /** "person record", "vehicle record"… */
  what: string
  /** A reason to pre-select, e.g. the one given for the record this one was opened from. */
  initial: Reason | null
  onChoose: (reason: Reason) => void
  onCancel: () => void
}

export function ReasonDialog({ what, initial, onChoose, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  const detailsId = useId()
  const [code, setCode] = useState<string>(initial?.code ?? '')
  const [text, setText] = useState(initial?.text ?? '')
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (code === '') {
      setProblem('Choose a reason.')
      return
    }
    const details = text.trim()
    onChoose(details === '' ? { code } : { code, text: details })
  }

  return (
    <dialog
      ref={dialog}
      className="reason-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <form className="form" noValidate onSubmit={submit}>
        <h2 id={headingId}>Why are you viewing this record?</h2>
        <p className="hint">Opening this {what} is recorded with your collar number, the time and your reason.</p>
        {problem !== null ? (
          <p className="alert" role="alert">
            {problem}
          </p>
        ) : null}
        <fieldset className="choices">
          <legend>Reason</legend>
          {lookupReasons.map((reason) => (
            <label key={reason.code} className="choice">
              <input type="radio" name="reason" value={reason.code} checked={code === reason.code} onChange={() => setCode(reason.code)} />
              <span>{reason.label}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={detailsId}>Details (optional)</label>
          <textarea id={detailsId} rows={2} maxLength={500} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary">
            View record
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
