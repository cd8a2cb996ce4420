/**
 * The details of the cell the officer selected (on the map or in the cells list): its trend and hot
 * spot in words, its figures, and online its crime by category and by month over twelve months
 * (GET /api/crime/cells/:cell).
 *
 * Offline behaviour: a breakdown fetched earlier in this session is shown and labelled so;
 * otherwise the details say the breakdown needs a connection, and show the cell's own figures.
 */
import { useQuery } from '@tanstack/react-query'
import type { Ref } from 'react'
import type { TrendCellRecord } from '../../../shared/api/crime.ts'
import { crimeCategories } from '../../../shared/domain/crime-categories.ts'
import { ErrorState, LoadingState } from '../../components/data-state.tsx'
import { NetworkError } from '../../lib/api-client.ts'
import { useOnline } from '../../lib/connectivity.ts'
import { cellBreakdownQueryOptions } from './api/get-cell.ts'
import { cellSummary, hotspotBand, monthWords } from './cell-style.ts'

const categoryNames = new Map<string, string>(crimeCategories.map((c) => [c.slug, c.name]))

type Props = { cell: string; record: TrendCellRecord | null; month: string | null; onClose: () => void; headingRef: Ref<HTMLHeadingElement> }

export function CellDetails({ cell, record, month, onClose, headingRef }: Props) {
  const breakdown = useQuery(cellBreakdownQueryOptions(cell, month))
  const online = useOnline()
  const unreachable = !online || breakdown.fetchStatus === 'paused' || breakdown.error instanceof NetworkError
  return (
    <section className="crime-cell" aria-labelledby="crime-cell-heading">
      <div className="crime-cell__head">
        <h2 id="crime-cell-heading" tabIndex={-1} ref={headingRef}>
          Selected cell
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close details
        </button>
      </div>
      {record ? (
        <dl className="facts crime-cell__facts">
          <div>
            <dt>Trend</dt>
            <dd>{cellSummary(record)}</dd>
          </div>
          <div>
            <dt>Hot spot</dt>
            <dd>
              {hotspotBand(record.giZ).words} (Gi* z {record.giZ.toFixed(2)})
            </dd>
          </div>
          <div>
            <dt>Change score</dt>
            <dd>z {record.z.toFixed(2)}</dd>
          </div>
        </dl>
      ) : null}
      <p className="hint">An area about the size shown on the map. police.uk places each crime at an anonymised point nearby, never the exact address.</p>
      {breakdown.data ? (
        <>
          {unreachable ? <p className="notice">No connection: this breakdown was fetched earlier today.</p> : null}
          <p>
            {breakdown.data.total} {breakdown.data.total === 1 ? 'crime' : 'crimes'} from {monthWords(breakdown.data.months[0]?.month ?? '')} to{' '}
            {monthWords(breakdown.data.months.at(-1)?.month ?? '')}.
          </p>
          <table className="crime-cell__table">
            <caption>Crimes by category</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Crimes</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.data.categories.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{categoryNames.get(c.category) ?? c.category}</th>
                  <td>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="crime-cell__table">
            <caption>Crimes by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Crimes</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.data.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthWords(m.month)}</th>
                  <td>{m.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : unreachable ? (
        <p className="notice">The breakdown by category and month needs a connection. The figures above are from this device.</p>
      ) : breakdown.isError ? (
        <ErrorState onRetry={() => void breakdown.refetch()}>{breakdown.error.message}</ErrorState>
      ) : (
        <LoadingState>Fetching this cell’s crime by category and month…</LoadingState>
      )}
    </section>
  )
}
