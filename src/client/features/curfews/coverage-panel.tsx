/**
 * Tonight's coverage for supervisors: in an area (their own, or any other they pick), how many
 * curfews are due between noon and noon, how many addresses have been checked, and the possible
 * breaches, named first. It follows the event stream: a check or a breach anywhere updates it.
 *
 * Offline behaviour: coverage is the server's view of every officer's checks, so it needs a
 * connection and says so; the last answer stays on screen, marked as such.
 */
import { useQuery } from '@tanstack/react-query'
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import { resultLabels } from '../../../shared/api/curfews.ts'
import { db } from '../../lib/database.ts'
import { personName } from '../../lib/subject-labels.ts'
import { coverageQueryOptions } from './api/get-coverage.ts'
import { londonClock } from './curfew-list-model.ts'

export function CoveragePanel({ ownAreaId }: { ownAreaId: string | null }) {
  const headingId = useId()
  const areaFieldId = useId()
  const [areaId, setAreaId] = useState<string | null>(ownAreaId)
  const areas = useLiveQuery(() => db.areas.orderBy('id').toArray(), [])
  const coverage = useQuery(coverageQueryOptions(areaId))
  const now = new Date()
  const data = coverage.data
  const breaches = data?.items.filter((i) => i.breach) ?? []
  const unchecked = data?.items.filter((i) => i.lastCheck === null) ?? []

  return (
    <section className="profile-section curfew-coverage" aria-labelledby={headingId}>
      <h2 id={headingId}>Tonight’s coverage</h2>
      <div className="field curfew-coverage__area">
        <label htmlFor={areaFieldId}>Area</label>
        <select id={areaFieldId} value={areaId ?? ''} onChange={(event) => setAreaId(event.target.value === '' ? null : event.target.value)}>
          {ownAreaId === null ? <option value="">Whole force</option> : null}
          {(areas ?? []).map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </select>
      </div>
      {coverage.isError ? <p className="notice">Coverage needs a connection to the server. {data ? 'Showing the last figures received.' : ''}</p> : null}
      {!data ? (
        coverage.isPending ? <p className="hint">Loading tonight’s coverage…</p> : null
      ) : (
        <>
          <dl className="facts curfew-coverage__counts">
            <div>
              <dt>Due tonight</dt>
              <dd>{data.due}</dd>
            </div>
            <div>
              <dt>Checked</dt>
              <dd>{data.checked}</dd>
            </div>
            <div>
              <dt>Possible breaches</dt>
              <dd>{data.breaches}</dd>
            </div>
          </dl>
          {breaches.length > 0 ? (
            <>
              <h3>Possible breaches</h3>
              <ul className="curfew-coverage__list">
                {breaches.map((item) => (
                  <li key={item.conditionId} className="curfew-coverage__breach">
                    <strong>Possible breach: {personName(item)}</strong>
                    {item.address ? `, ${item.address.line1}, ${item.address.postcode}` : ''}
                    {item.lastCheck
                      ? ` — ${resultLabels[item.lastCheck.result].toLowerCase()} at ${londonClock(item.lastCheck.checkedAt, now)}, by ${item.lastCheck.officer.name} (${item.lastCheck.officer.collarNumber})`
                      : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>No possible breaches tonight.</p>
          )}
          <details>
            <summary>Not checked yet ({unchecked.length})</summary>
            <ul className="curfew-coverage__list">
              {unchecked.map((item) => (
                <li key={item.conditionId}>
                  {personName(item)}
                  {item.address ? `, ${item.address.line1}, ${item.address.postcode}` : ''}
                  {item.visit ? ` — check in progress by ${item.visit.officer.name} (${item.visit.officer.collarNumber})` : ''}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  )
}
