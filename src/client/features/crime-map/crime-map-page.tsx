/**
 * The crime map (/map): where crime is rising, steady or falling around the officer, by H3 cell,
 * with the people layers (wanted people's last known places, curfew addresses) and the officer's
 * own position. Online the trends follow the chosen month, baseline, category and cell size (GET
 * /api/crime/trends); a cell's details show its crime by category and month.
 *
 * Colour is never the only signal: the legend says what each colour means in words, and the cells
 * list below the map (rising first) says each cell's trend in words; it is also the keyboard and
 * screen-reader way to the cells, which the map draws on a canvas.
 *
 * Online, the page waits up to 3 s for the server's trends before drawing the device's cells, so
 * the map is drawn once.
 *
 * Offline behaviour: the package's cells on this device (the officer's area, latest month, all
 * crime, against the three months before), and the page says so; filters and a cell's breakdown
 * need a connection. Basemap tiles viewed before come from the tile cache, and a force's PMTiles
 * basemap can be downloaded whole below the map; with none reachable the overlays show on a plain
 * background and the page says "Basemap offline".
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { TrendCellRecord } from '../../../shared/api/crime.ts'
import { crimeCategories, type CrimeCategorySlug } from '../../../shared/domain/crime-categories.ts'
import type { BasemapState } from '../../components/basemap-layer.tsx'
import { BasemapDownload, BasemapNotice } from '../../components/basemap-status.tsx'
import { LoadingState } from '../../components/data-state.tsx'
import { ErrorBoundary, WidgetCrash } from '../../components/error-boundary.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { ApiError } from '../../lib/api-client.ts'
import { useOnline } from '../../lib/connectivity.ts'
import { usePackageAvailability } from '../../lib/package-data.ts'
import { crimeMonthsQueryOptions } from './api/get-months.ts'
import { defaultTrendFilters, trendsQueryOptions, type TrendFilters } from './api/get-trends.ts'
import { CellDetails } from './cell-details.tsx'
import { cellSizes, cellsInListOrder, cellSummary, hotspotBand, hotspotLegend, monthWords, pointColours, trendLegend, type ColourMode } from './cell-style.ts'
import { useDeviceTrendCells, usePeoplePoints } from './use-device-map-data.ts'
import { useLocationAllowed, useMyPosition } from './use-my-position.ts'
import './crime-map.css'

/**
 * The map itself (Leaflet, H3 and the basemap's code) loads after the page: evaluating those modules
 * with the page's own made one long task on a slow phone, before the filters and the cells list
 * could answer a tap. The service worker keeps the chunk, so this works offline too.
 */
const CrimeMapView = lazy(() => import('./crime-map-view.tsx'))

const baselineChoices = [1, 3, 6, 12] as const
const listPage = 50
/**
 * How long an online page waits for the server's trends before it draws the device's own cells.
 * The server usually answers within a moment, and drawing the device's cells (the officer's area)
 * and then the server's (the force) drew the map twice and moved it under the officer's finger.
 */
const serverWaitMs = 3_000

/** True once `ms` have passed since the component mounted. */
function useWaited(ms: number): boolean {
  const [waited, setWaited] = useState(false)
  useEffect(() => {
    const timer = window.setTimeout(() => setWaited(true), ms)
    return () => window.clearTimeout(timer)
  }, [ms])
  return waited
}

/**
 * Asks the server again when the device comes back online. TanStack's own reconnect refetch only
 * follows the online events it saw, and a page opened with no network never saw "offline".
 */
function useRefetchOnReconnect(online: boolean): void {
  const queryClient = useQueryClient()
  const was = useRef(online)
  useEffect(() => {
    if (online && !was.current) void queryClient.invalidateQueries({ queryKey: ['crime'] })
    was.current = online
  }, [online, queryClient])
}

function sameFilters(a: TrendFilters, b: TrendFilters): boolean {
  return a.month === b.month && a.baselineMonths === b.baselineMonths && a.category === b.category && a.resolution === b.resolution
}

function Filters({ filters, onChange, months }: { filters: TrendFilters; onChange: (next: TrendFilters) => void; months: readonly string[] }) {
  const id = useId()
  return (
    <fieldset className="crime-controls__group">
      <legend>What to show</legend>
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} value={filters.category ?? ''} onChange={(e) => onChange({ ...filters, category: (e.target.value || null) as CrimeCategorySlug | null })}>
          <option value="">All crime</option>
          {crimeCategories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-month`}>Month</label>
        <select id={`${id}-month`} value={filters.month ?? ''} onChange={(e) => onChange({ ...filters, month: e.target.value || null })}>
          <option value="">Latest month</option>
          {[...months].reverse().map((m) => (
            <option key={m} value={m}>
              {monthWords(m)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-baseline`}>Compared with</label>
        <select id={`${id}-baseline`} value={filters.baselineMonths} onChange={(e) => onChange({ ...filters, baselineMonths: Number(e.target.value) })}>
          {baselineChoices.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? 'the month before' : `the ${n} months before`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-size`}>Cell size</label>
        <select id={`${id}-size`} value={filters.resolution} onChange={(e) => onChange({ ...filters, resolution: Number(e.target.value) })}>
          {cellSizes.map((size) => (
            <option key={size.resolution} value={size.resolution}>
              {size.words}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  )
}

function Legend({ mode, layers }: { mode: ColourMode; layers: { wanted: boolean; curfews: boolean; me: boolean } }) {
  const entries = mode === 'trend' ? trendLegend : hotspotLegend
  return (
    <section className="crime-legend" aria-labelledby="crime-legend-heading">
      <h2 id="crime-legend-heading">Legend</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key}>
            <span className="crime-legend__swatch" style={{ background: entry.colour }} aria-hidden="true" />
            <span>
              <strong>{entry.words}</strong>: {entry.description}
            </span>
          </li>
        ))}
        {layers.wanted ? (
          <li>
            <span className="crime-legend__dot" style={{ background: pointColours.wanted }} aria-hidden="true" />
            <span>
              <strong>Filled dot</strong>: a wanted person’s last known place
            </span>
          </li>
        ) : null}
        {layers.curfews ? (
          <li>
            <span className="crime-legend__ring" style={{ borderColor: pointColours.curfew }} aria-hidden="true" />
            <span>
              <strong>Ring</strong>: a curfew address
            </span>
          </li>
        ) : null}
        {layers.me ? (
          <li>
            <span className="crime-legend__dot crime-legend__dot--me" style={{ background: pointColours.me }} aria-hidden="true" />
            <span>
              <strong>Blue dot</strong>: you (the pale circle is how sure the device is)
            </span>
          </li>
        ) : null}
      </ul>
      <p className="hint">Cells are areas: crimes are never shown at an address.</p>
    </section>
  )
}

function CellsList({ cells, selected, onSelect }: { cells: readonly TrendCellRecord[]; selected: string | null; onSelect: (cell: string) => void }) {
  const [shown, setShown] = useState(listPage)
  const ordered = useMemo(() => cellsInListOrder(cells), [cells])
  const rising = ordered.filter((c) => c.trend === 'rising').length
  return (
    <section className="crime-cells" aria-labelledby="crime-cells-heading">
      <h2 id="crime-cells-heading">Cells</h2>
      <p className="hint">
        {ordered.length === 0
          ? 'No cells with crime for this choice.'
          : `${ordered.length} ${ordered.length === 1 ? 'cell' : 'cells'}, ${rising} rising. Rising first, then falling, then steady; strongest change first.`}
      </p>
      <ol className="crime-cells__list" aria-label="Cells, rising first">
        {ordered.slice(0, shown).map((cell, index) => (
          <li key={cell.cell}>
            <button type="button" className="crime-cells__button" aria-pressed={cell.cell === selected} onClick={() => onSelect(cell.cell)}>
              <span className={`crime-cells__trend crime-cells__trend--${cell.trend}`}>{index + 1}.</span> {cellSummary(cell)}
              <span className="crime-cells__extra">{hotspotBand(cell.giZ).words}</span>
            </button>
          </li>
        ))}
      </ol>
      {shown < ordered.length ? (
        <button type="button" className="button" onClick={() => setShown((n) => n + listPage)}>
          Show {Math.min(listPage, ordered.length - shown)} more cells
        </button>
      ) : null}
    </section>
  )
}

/** What the map's place says while it waits for its cells, or for its own code to load. */
const openingMap = <LoadingState>Opening the map…</LoadingState>

/** One empty list, so that "no cells" is the same value from render to render (the map's error boundary retries when its cells change). */
const noCells: readonly TrendCellRecord[] = []

export function CrimeMapPage() {
  const [filters, setFilters] = useState<TrendFilters>(defaultTrendFilters)
  const [mode, setMode] = useState<ColourMode>('trend')
  const [selected, setSelected] = useState<string | null>(null)
  const [basemap, setBasemap] = useState<BasemapState>('loading')
  const [showWanted, setShowWanted] = useState(true)
  const [showCurfews, setShowCurfews] = useState(true)
  const locationAllowed = useLocationAllowed()
  const [positionChoice, setPositionChoice] = useState<boolean | null>(null)
  const showMe = positionChoice ?? locationAllowed
  const position = useMyPosition(showMe)
  const detailsHeading = useRef<HTMLHeadingElement>(null)
  const [focusDetails, setFocusDetails] = useState(0)
  const layersId = useId()

  const online = useOnline()
  useRefetchOnReconnect(online)
  const device = useDeviceTrendCells()
  const people = usePeoplePoints()
  const { availability } = usePackageAvailability()
  const trends = useQuery(trendsQueryOptions(filters))
  const months = useQuery(crimeMonthsQueryOptions)

  const waited = useWaited(serverWaitMs)

  const fromServer = trends.data !== undefined
  const awaitingServer = online && !fromServer && trends.isFetching && !trends.isError && !waited
  const cells: readonly TrendCellRecord[] = trends.data?.cells ?? (awaitingServer ? noCells : (device?.cells ?? noCells))
  const unreachable = !fromServer && (!online || trends.fetchStatus === 'paused' || (trends.isError && !(trends.error instanceof ApiError)))
  const period = device?.period ?? null
  const shownMonth = fromServer ? (filters.month ?? months.data?.latest ?? null) : (period?.month ?? null)
  const record = selected ? (cells.find((c) => c.cell === selected) ?? null) : null
  const peopleReady = availability === 'ready' && people !== undefined

  useEffect(() => {
    if (focusDetails > 0) detailsHeading.current?.focus()
  }, [focusDetails])

  const selectFromMap = useCallback((cell: string) => setSelected(cell), [])
  const selectFromList = useCallback((cell: string) => {
    setSelected(cell)
    setFocusDetails((n) => n + 1)
  }, [])

  const onBasemap = useCallback((state: BasemapState) => setBasemap(state), [])

  let sourceNote: string
  if (fromServer) {
    const what = filters.category ? (crimeCategories.find((c) => c.slug === filters.category)?.name ?? filters.category) : 'All crime'
    sourceNote = `${what}, ${shownMonth ? monthWords(shownMonth) : 'the latest month'}, against ${filters.baselineMonths === 1 ? 'the month before' : `the ${filters.baselineMonths} months before`}.`
  } else if (awaitingServer) {
    sourceNote = 'Fetching crime trends…'
  } else if (device && device.cells.length > 0 && period) {
    const lead = unreachable ? 'No connection: showing' : trends.isError ? 'The server could not give the trends: showing' : 'Showing'
    sourceNote = `${lead} the ${device.cells.length} cells saved on this device for ${monthWords(period.month)} (all crime, against the ${period.baselineMonths} months before).`
    if (unreachable) sourceNote += ' Filters and the breakdown of a cell need a connection.'
  } else if (unreachable) {
    sourceNote = 'No connection, and no crime trends are saved on this device yet. They come with the briefing package at the next sync.'
  } else {
    sourceNote = trends.isError ? trends.error.message : 'Fetching crime trends…'
  }

  return (
    <div className="page page--wide crime-map-page">
      <PageTitle>Crime map</PageTitle>
      <p className="lead">Where street crime is rising or falling, by area, compared with the months before.</p>

      <div className="crime-controls">
        <Filters filters={filters} onChange={(next) => setFilters(next)} months={months.data?.months.map((m) => m.month) ?? []} />
        <fieldset className="crime-controls__group">
          <legend>Colour cells by</legend>
          <label className="crime-controls__choice">
            <input type="radio" name="crime-colour" checked={mode === 'trend'} onChange={() => setMode('trend')} /> Trend (rising, steady, falling)
          </label>
          <label className="crime-controls__choice">
            <input type="radio" name="crime-colour" checked={mode === 'hotspot'} onChange={() => setMode('hotspot')} /> Hot spots (Gi*)
          </label>
        </fieldset>
        <fieldset className="crime-controls__group" aria-describedby={`${layersId}-note`}>
          <legend>Layers</legend>
          <label className="crime-controls__choice">
            <input type="checkbox" checked={showWanted} onChange={(e) => setShowWanted(e.target.checked)} /> Wanted people’s last known places
            {peopleReady ? ` (${people.wanted.length})` : ''}
          </label>
          <label className="crime-controls__choice">
            <input type="checkbox" checked={showCurfews} onChange={(e) => setShowCurfews(e.target.checked)} /> Curfew addresses
            {peopleReady ? ` (${people.curfews.length})` : ''}
          </label>
          <label className="crime-controls__choice">
            <input type="checkbox" checked={showMe} onChange={(e) => setPositionChoice(e.target.checked)} /> My position
          </label>
          <p className="hint" id={`${layersId}-note`}>
            {availability === 'stale' ? 'Wanted and curfew layers are hidden: briefing data is out of date. Connect to update.' : 'Your position stays on this device.'}
          </p>
        </fieldset>
      </div>

      <p className={unreachable ? 'notice' : 'hint'} role="status">
        {sourceNote}
      </p>
      {!fromServer && !unreachable && !sameFilters(filters, defaultTrendFilters) && trends.isFetching ? <p className="hint">Fetching your choice…</p> : null}
      <BasemapNotice state={basemap} overlays="the cells and points" />
      {position.status === 'failed' ? <p className="notice">{position.message}</p> : null}
      {position.status === 'locating' ? <p className="hint">Finding where you are…</p> : null}

      <div className="crime-map" role="region" aria-label="Crime map" aria-describedby="crime-cells-heading">
        {(device === undefined && !fromServer) || awaitingServer ? (
          openingMap
        ) : (
          // The map failing (a layer that cannot be built) leaves the rest of the page, and the
          // cells list below, which reaches the same cells, working. New cells (the server's, once
          // online) are tried again without the officer asking.
          <ErrorBoundary fallback={(retry) => <WidgetCrash what="The map" retry={retry} />} resetKey={cells}>
            <Suspense fallback={openingMap}>
              <CrimeMapView
                cells={cells}
                mode={mode}
                selected={selected}
                onSelect={selectFromMap}
                wanted={showWanted && peopleReady ? people.wanted : null}
                curfews={showCurfews && peopleReady ? people.curfews : null}
                me={position.status === 'on' ? position.position : null}
                fitKey={fromServer ? `server:${filters.resolution}` : 'device'}
                onBasemap={onBasemap}
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>

      {selected ? (
        <CellDetails
          key={selected}
          cell={selected}
          record={record}
          month={shownMonth}
          onClose={() => setSelected(null)}
          headingRef={detailsHeading}
        />
      ) : (
        <p className="hint">Tap a cell on the map, or choose one in the list below, for its crime by category and month.</p>
      )}

      <BasemapDownload />
      <Legend mode={mode} layers={{ wanted: showWanted && peopleReady, curfews: showCurfews && peopleReady, me: position.status === 'on' }} />
      {awaitingServer ? null : <CellsList key={`${fromServer ? 'server' : 'device'}:${JSON.stringify(filters)}`} cells={cells} selected={selected} onSelect={selectFromList} />}
    </div>
  )
}
