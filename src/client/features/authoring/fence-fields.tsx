/**
 * The spoken geofence of a briefing item (issue 7): none, the drawn area, or a circle of its own,
 * with the message officers hear on entering it ("Caution: <message>.") and, optionally, the
 * hours it applies (London time). The circle's centre is typed, or set by a click on the same map
 * the area is drawn on (area-map.tsx, loaded only when opened). Devices build the fence from the
 * synced item, so it works offline; the form checks it before sending (item-draft.ts).
 */
import { lazy, Suspense, useId, useState } from 'react'
import { fenceRadiusLimitsM } from '../../../shared/api/briefing.ts'
import { LoadingState } from '../../components/data-state.tsx'
import { ErrorBoundary, WidgetCrash } from '../../components/error-boundary.tsx'
import { fenceMessageMaxLength, minPolygonPoints, parsePoint, type ItemDraft } from './item-draft.ts'

const AreaMap = lazy(() => import('./area-map.tsx'))

type Props = {
  draft: ItemDraft
  onChange: (patch: Partial<ItemDraft>) => void
}

const shapes: { value: ItemDraft['fenceShape']; label: string }[] = [
  { value: 'none', label: 'No fence' },
  { value: 'area', label: 'The drawn area' },
  { value: 'circle', label: 'A circle' },
]

export function FenceFields({ draft, onChange }: Props) {
  const ids = { lat: useId(), lng: useId(), radius: useId(), message: useId(), messageHint: useId(), start: useId(), end: useId(), hoursHint: useId() }
  const [mapOpen, setMapOpen] = useState(false)
  const center = parsePoint(draft.fenceLat, draft.fenceLng).point
  const radiusM = Number(draft.fenceRadiusM)
  const shownRadiusM = Number.isFinite(radiusM) && radiusM > 0 ? Math.min(radiusM, fenceRadiusLimitsM.max) : fenceRadiusLimitsM.min

  return (
    <fieldset className="choices fence-fields">
      <legend>Fence</legend>
      <p className="hint">Optional: a place where officers on patrol hear a spoken warning as they enter it, while the item is in force.</p>
      <div className="choices--row fence-fields__shapes" role="radiogroup" aria-label="Fence shape">
        {shapes.map((shape) => (
          <label key={shape.value} className="choice">
            <input type="radio" name="fence-shape" checked={draft.fenceShape === shape.value} onChange={() => onChange({ fenceShape: shape.value })} />
            <span>{shape.label}</span>
          </label>
        ))}
      </div>
      {draft.fenceShape === 'area' && draft.polygon.length < minPolygonPoints ? (
        <p className="hint">Draw the area above (at least {minPolygonPoints} points): it is the fence.</p>
      ) : null}
      {draft.fenceShape === 'circle' ? (
        <>
          <div className="form-row">
            <div className="field">
              <label htmlFor={ids.lat}>Centre latitude</label>
              <input id={ids.lat} type="text" inputMode="decimal" value={draft.fenceLat} onChange={(event) => onChange({ fenceLat: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={ids.lng}>Centre longitude</label>
              <input id={ids.lng} type="text" inputMode="decimal" value={draft.fenceLng} onChange={(event) => onChange({ fenceLng: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={ids.radius}>Radius in metres</label>
              <input
                id={ids.radius}
                type="number"
                inputMode="numeric"
                min={fenceRadiusLimitsM.min}
                max={fenceRadiusLimitsM.max}
                step={10}
                value={draft.fenceRadiusM}
                onChange={(event) => onChange({ fenceRadiusM: event.target.value })}
              />
            </div>
          </div>
          <p>
            <button type="button" className="button button--small" aria-expanded={mapOpen} onClick={() => setMapOpen((open) => !open)}>
              {mapOpen ? 'Hide map' : 'Choose the centre on the map'}
            </button>
          </p>
          {mapOpen ? (
            <ErrorBoundary fallback={(retry) => <WidgetCrash what="The map" retry={retry} />}>
              <Suspense fallback={<LoadingState>Opening the map…</LoadingState>}>
                <AreaMap
                  points={center ? [center] : []}
                  circleRadiusM={shownRadiusM}
                  onAdd={(point) => onChange({ fenceLat: String(point.lat), fenceLng: String(point.lng) })}
                />
              </Suspense>
            </ErrorBoundary>
          ) : null}
        </>
      ) : null}
      {draft.fenceShape !== 'none' ? (
        <>
          <div className="field">
            <label htmlFor={ids.message}>Fence message</label>
            <input
              id={ids.message}
              type="text"
              maxLength={fenceMessageMaxLength}
              aria-describedby={ids.messageHint}
              value={draft.fenceMessage}
              onChange={(event) => onChange({ fenceMessage: event.target.value })}
            />
            <p id={ids.messageHint} className="hint">
              Spoken as “Caution: {draft.fenceMessage.trim() || 'your message'}.” Keep it short.
            </p>
          </div>
          <label className="choice">
            <input type="checkbox" checked={draft.fenceHours} onChange={(event) => onChange({ fenceHours: event.target.checked })} />
            <span>Only at certain hours</span>
          </label>
          {draft.fenceHours ? (
            <>
              <div className="form-row">
                <div className="field">
                  <label htmlFor={ids.start}>Fence from</label>
                  <input id={ids.start} type="time" aria-describedby={ids.hoursHint} value={draft.fenceStart} onChange={(event) => onChange({ fenceStart: event.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={ids.end}>Fence until</label>
                  <input id={ids.end} type="time" aria-describedby={ids.hoursHint} value={draft.fenceEnd} onChange={(event) => onChange({ fenceEnd: event.target.value })} />
                </div>
              </div>
              <p id={ids.hoursHint} className="hint">
                London time, every day the item is in force. An end before the start runs past midnight.
              </p>
            </>
          ) : null}
        </>
      ) : null}
    </fieldset>
  )
}
