/**
 * The drawn area of a briefing item: points added by clicking or tapping the map (area-map.tsx,
 * loaded only when the author opens it), or typed as latitude and longitude; listed in order with
 * a way to remove each, undo the last or clear them all. An area needs at least three points; the
 * form says so when sent with fewer (item-draft.ts).
 */
import './area-drawing.css'
import { lazy, Suspense, useId, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { LatLng } from '../../../shared/api/intel.ts'
import { LoadingState } from '../../components/data-state.tsx'
import { ErrorBoundary, WidgetCrash } from '../../components/error-boundary.tsx'
import { minPolygonPoints, parsePoint } from './item-draft.ts'

const AreaMap = lazy(() => import('./area-map.tsx'))

type Props = {
  points: readonly LatLng[]
  onChange: (points: LatLng[]) => void
}

const coordinate = (n: number) => n.toFixed(5)

export function AreaDrawing({ points, onChange }: Props) {
  const ids = { lat: useId(), lng: useId() }
  const [mapOpen, setMapOpen] = useState(points.length > 0)
  const [lat, setLat] = useState('')
  const [lng, setLng] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  function addTyped() {
    const parsed = parsePoint(lat, lng)
    setProblem(parsed.problem)
    if (parsed.point === null) return
    onChange([...points, parsed.point])
    setLat('')
    setLng('')
  }

  // Enter in a coordinate adds the point; it must not send the whole item.
  function addOnEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return
    event.preventDefault()
    addTyped()
  }

  const missing = minPolygonPoints - points.length
  let status: string
  if (points.length === 0) status = 'No area drawn.'
  else if (missing > 0) status = `${points.length} ${points.length === 1 ? 'point' : 'points'}: add at least ${missing} more to make an area.`
  else status = `An area of ${points.length} points.`

  return (
    <fieldset className="choices area-drawing">
      <legend>Drawn area</legend>
      <p className="hint">
        Optional: an area of your own, as well as or instead of the areas above. Click or tap the map to add its corners in order (at least{' '}
        {minPolygonPoints}), or type them below.
      </p>
      <p>
        <button type="button" className="button button--small" aria-expanded={mapOpen} onClick={() => setMapOpen((open) => !open)}>
          {mapOpen ? 'Hide map' : 'Draw on the map'}
        </button>
      </p>
      {mapOpen ? (
        <ErrorBoundary fallback={(retry) => <WidgetCrash what="The map" retry={retry} />}>
          <Suspense fallback={<LoadingState>Opening the map…</LoadingState>}>
            <AreaMap points={points} onAdd={(point) => onChange([...points, point])} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      <p className="area-drawing__status" role="status">
        {status}
      </p>
      {points.length > 0 ? (
        <ol className="area-drawing__points" aria-label="Points of the drawn area">
          {points.map((point, index) => (
            <li key={`${index}:${point.lat},${point.lng}`}>
              <span>
                Point {index + 1}: {coordinate(point.lat)}, {coordinate(point.lng)}
              </span>
              <button type="button" className="button button--small" onClick={() => onChange(points.filter((_, i) => i !== index))}>
                Remove point {index + 1}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="form-row area-drawing__typed">
        <div className="field">
          <label htmlFor={ids.lat}>Latitude</label>
          <input id={ids.lat} type="text" inputMode="decimal" value={lat} onKeyDown={addOnEnter} onChange={(event) => setLat(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.lng}>Longitude</label>
          <input id={ids.lng} type="text" inputMode="decimal" value={lng} onKeyDown={addOnEnter} onChange={(event) => setLng(event.target.value)} />
        </div>
        <button type="button" className="button" onClick={addTyped}>
          Add point
        </button>
      </div>
      {problem !== null ? (
        <p className="alert" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button button--small" disabled={points.length === 0} onClick={() => onChange(points.slice(0, -1))}>
          Undo last point
        </button>
        <button type="button" className="button button--small" disabled={points.length === 0} onClick={() => onChange([])}>
          Clear area
        </button>
      </div>
    </fieldset>
  )
}
