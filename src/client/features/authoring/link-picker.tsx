/**
 * Linking people, vehicles and addresses to a briefing item: choose the kind, type a name,
 * registration or postcode, and link a result. Each search is a consultation the server audits.
 */
import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import type { SubjectKind } from '../../../shared/api/intel.ts'
import { errorMessage } from '../../lib/api-client.ts'
import { subjectKindNames } from '../../lib/profile-paths.ts'
import { subjectSearchQueryOptions } from './api/search-subjects.ts'
import type { DraftLink } from './item-draft.ts'

const searchDelayMs = 300
const hints: Record<SubjectKind, string> = { person: 'Name or person ID', vehicle: 'Registration', address: 'Street or postcode' }

function useSettledValue(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs)
    return () => window.clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

export function LinkPicker({ links, onChange }: { links: readonly DraftLink[]; onChange: (links: DraftLink[]) => void }) {
  const kindId = useId()
  const searchId = useId()
  const [kind, setKind] = useState<SubjectKind>('person')
  const [text, setText] = useState('')
  const q = useSettledValue(text.trim(), searchDelayMs)
  const results = useQuery(subjectSearchQueryOptions(kind, q))
  const linked = new Set(links.map((link) => `${link.kind}:${link.id}`))

  return (
    <fieldset className="link-picker">
      <legend>Linked records</legend>
      {links.length === 0 ? (
        <p className="hint">None linked yet.</p>
      ) : (
        <ul className="link-picker__chosen" aria-label="Linked records">
          {links.map((link) => (
            <li key={`${link.kind}:${link.id}`}>
              <span>
                {subjectKindNames[link.kind]}: {link.label}
              </span>
              <button
                type="button"
                className="button button--small"
                aria-label={`Remove ${link.label}`}
                onClick={() => onChange(links.filter((l) => !(l.kind === link.kind && l.id === link.id)))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="link-picker__search">
        <div className="field">
          <label htmlFor={kindId}>Record type</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value === 'vehicle' ? 'vehicle' : event.target.value === 'address' ? 'address' : 'person')}>
            <option value="person">Person</option>
            <option value="vehicle">Vehicle</option>
            <option value="address">Address</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={searchId}>Find record</label>
          <input id={searchId} type="text" autoComplete="off" spellCheck={false} placeholder={hints[kind]} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
      </div>
      {q.length >= 2 && results.isError ? <p className="alert">{errorMessage(results.error)}</p> : null}
      {q.length >= 2 && results.data !== undefined ? (
        results.data.length === 0 ? (
          <p className="hint">Nothing matches “{q}”.</p>
        ) : (
          <ul className="link-picker__results" aria-label="Search results">
            {results.data.map((result) => (
              <li key={`${result.kind}:${result.id}`}>
                <span>
                  <strong>{result.label}</strong> {result.detail ? <span className="hint">{result.detail}</span> : null}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Link ${result.label}`}
                  disabled={linked.has(`${result.kind}:${result.id}`)}
                  onClick={() => onChange([...links, { kind: result.kind, id: result.id, label: result.label }])}
                >
                  {linked.has(`${result.kind}:${result.id}`) ? 'Linked' : 'Link'}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </fieldset>
  )
}
