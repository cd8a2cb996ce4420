/**
 * The wanted gallery (/wanted): every outstanding wanted person in the force, priority 1 first
 * (then the most harm), filterable by area, name and offence, or nearest first with "Near me"; each
 * card with its live Click & Collect state. The list is virtualised (only the cards on screen are
 * in the page), so five thousand people scroll smoothly on a phone.
 *
 * Offline behaviour: the people come from the briefing package on the device when the server
 * cannot be reached, and the page says which source it shows; claim states are then marked as
 * possibly out of date, and "Collect" queues the claim (components/claim-panel.tsx). Filters live
 * in the address, so coming back from a profile keeps them.
 */
import { observeWindowOffset, useWindowVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual'
import { startTransition, useCallback, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { EmptyState, ErrorState, LoadingState } from '../../components/data-state.tsx'
import { LiveStatus } from '../../components/live-status.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { refreshClaims, useClaims } from '../../lib/claims-store.ts'
import { timeAgo } from '../../lib/date-format.ts'
import { useNow } from '../../lib/package-data.ts'
import { byText } from '../../lib/text-order.ts'
import { useNextTask } from '../../lib/use-next-task.ts'
import { galleryRows } from './gallery-model.ts'
import { useAddressFilters } from './use-address-filters.ts'
import { useNearMe, type NearMe } from './use-near-me.ts'
import { useWantedPeople } from './use-wanted-people.ts'
import { WantedCard } from './wanted-card.tsx'
import './wanted.css'

function nearMeText(nearMe: NearMe): string | null {
  switch (nearMe.status) {
    case 'off':
      return null
    case 'locating':
      return 'Finding your location…'
    case 'on':
      return `Nearest first, from your location (to about ${Math.max(5, Math.round(nearMe.accuracyM))} m). People with no known location come last.`
    case 'failed':
      return nearMe.message
  }
}

/** Estimated card height before it is measured; real heights replace it as cards render. */
const estimatedCardPx = 360
/**
 * Cards kept in the page beyond the screen: more ahead of the scroll, so a card is made a few frames
 * before it comes into view, and few behind, as every card in the page costs each frame's paint.
 * At rest, `idleOverscan` on each side, for the keyboard (Tab and Shift+Tab reach the next card).
 */
const aheadOverscan = 3
const behindOverscan = 1
const idleOverscan = 2

/**
 * The window's scroll position, handed to the virtualizer inside a transition. The virtualizer
 * still moves every card in the page at once (directDomUpdates), but the React render that mounts
 * the cards entering the range is a transition: React renders it in short slices between frames
 * instead of in the scroll's own task, where mounting a card made the frame late on a slow phone.
 * The cards kept ahead of the scroll (`aheadOverscan`) are mounted frames before they show.
 */
const observeOffsetInTransition: typeof observeWindowOffset = (instance, report) =>
  observeWindowOffset(instance, (offset, isScrolling) => startTransition(() => report(offset, isScrolling)))

export function WantedPage() {
  const view = useClaims()
  const wanted = useWantedPeople(view)
  const now = useNow(60_000)
  const { filters, setFilter, clearFilters } = useAddressFilters()
  const deferredFilters = useDeferredValue(filters)
  const { nearMe, setOn } = useNearMe()
  const position = nearMe.status === 'on' ? nearMe.position : null
  const ids = { area: useId(), name: useId(), offence: useId(), nearMe: useId() }

  const { areaId, offence, name } = deferredFilters
  const rows = useMemo(() => (wanted.people ? galleryRows(wanted.people, { areaId, offence, name }, position) : []), [wanted.people, areaId, offence, name, position])
  const areaOptions = useMemo(() => {
    const known = new Map(wanted.areas)
    for (const person of wanted.people ?? []) if (person.areaId !== null && !known.has(person.areaId)) known.set(person.areaId, person.areaId)
    return [...known].sort((a, b) => byText(a[1], b[1]))
  }, [wanted.areas, wanted.people])

  const filtered = filters.areaId !== null || filters.offence !== '' || filters.name !== ''
  const total = wanted.people?.length ?? 0

  return (
    <div className="page page--wide wanted-page">
      <PageTitle>Wanted</PageTitle>
      <LiveStatus />
      <Source view={view} wanted={wanted} now={now} />

      <form className="wanted-filters" role="search" aria-label="Filter wanted people" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.area}>Area</label>
          <select id={ids.area} value={filters.areaId ?? ''} onChange={(event) => setFilter('area', event.target.value)}>
            <option value="">All areas</option>
            {areaOptions.map(([id, areaName]) => (
              <option key={id} value={id}>
                {areaName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input id={ids.name} type="search" value={filters.name} autoComplete="off" onChange={(event) => setFilter('name', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.offence}>Offence</label>
          <input id={ids.offence} type="search" value={filters.offence} autoComplete="off" onChange={(event) => setFilter('offence', event.target.value)} />
        </div>
        <div className="wanted-filters__near">
          <button type="button" className="button" aria-pressed={nearMe.status !== 'off'} aria-describedby={ids.nearMe} onClick={() => setOn(nearMe.status === 'off')}>
            Near me
          </button>
          <p id={ids.nearMe} className="hint">
            {nearMeText(nearMe) ?? 'Sorts by distance from each person’s last known location.'}
          </p>
        </div>
      </form>

      {wanted.people === undefined ? (
        <LoadingState>Opening the wanted list…</LoadingState>
      ) : total === 0 ? (
        <NothingToShow view={view} wanted={wanted} />
      ) : (
        <>
          <p className="wanted-count" aria-live="polite">
            {filtered ? `${rows.length} of ${total} wanted people match` : `${total} wanted people`}
            {position !== null ? ', nearest first' : ', highest priority first'}
          </p>
          {rows.length === 0 ? (
            <EmptyState>
              No wanted people match these filters.{' '}
              <button type="button" className="button button--small" onClick={clearFilters}>
                Clear filters
              </button>
            </EmptyState>
          ) : (
            <VirtualGallery rows={rows} wanted={wanted} now={now} />
          )}
        </>
      )}
    </div>
  )
}

function Source({ view, wanted, now }: { view: ReturnType<typeof useClaims>; wanted: ReturnType<typeof useWantedPeople>; now: number }) {
  if (wanted.source === 'package' && wanted.meta) {
    return (
      <p className="hint">
        From the briefing package saved on this device, updated {timeAgo(wanted.meta.lastSyncAt, now)}.
        {view.error !== null ? ` ${view.error}` : ''}
      </p>
    )
  }
  if (wanted.source === 'server' && view.fetchedAt !== null) {
    return <p className="hint">Claim states fetched {timeAgo(new Date(view.fetchedAt).toISOString(), now)}; live updates follow.</p>
  }
  return null
}

function NothingToShow({ view, wanted }: { view: ReturnType<typeof useClaims>; wanted: ReturnType<typeof useWantedPeople> }) {
  if (view.loading) return <LoadingState>Fetching the wanted list…</LoadingState>
  if (wanted.availability === 'stale') {
    return <ErrorState onRetry={() => void refreshClaims()}>The wanted list saved on this device is out of date. Connect to the network to update it.</ErrorState>
  }
  if (view.error !== null) {
    return <ErrorState onRetry={() => void refreshClaims()}>The wanted list could not be fetched and none is saved on this device yet. {view.error}</ErrorState>
  }
  return <EmptyState>No one is wanted at the moment.</EmptyState>
}

type GalleryProps = { rows: ReturnType<typeof galleryRows>; wanted: ReturnType<typeof useWantedPeople>; now: number }

/**
 * The list is made in a task after the rest of the screen: measuring its first cards lays out the
 * page, and with the screen's own first render that was one task of over 100 ms on a slow phone.
 */
function VirtualGallery(props: GalleryProps) {
  const listTurn = useNextTask()
  return listTurn ? <VirtualList {...props} /> : <ul className="wanted-list" />
}

function VirtualList({ rows, wanted, now }: GalleryProps) {
  const list = useRef<HTMLUListElement>(null)
  // Where the list starts on the page: the window scrolls, not the list.
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    const element = list.current
    if (!element) return
    const measure = () => setScrollMargin(Math.round(element.getBoundingClientRect().top + window.scrollY))
    measure()
    const observer = new ResizeObserver(measure)
    if (element.parentElement) observer.observe(element.parentElement)
    return () => observer.disconnect()
  }, [])

  const getItemKey = useCallback((index: number) => rows[index]?.person.personId ?? index, [rows])
  // The virtualizer, for its scroll direction when it asks which cards to keep (set by onChange).
  const scroller = useRef<Virtualizer<Window, Element> | null>(null)
  const rangeExtractor = useCallback(({ startIndex, endIndex, count }: Range) => {
    const direction = scroller.current?.scrollDirection ?? null
    const before = direction === 'forward' ? behindOverscan : direction === 'backward' ? aheadOverscan : idleOverscan
    const after = direction === 'forward' ? aheadOverscan : direction === 'backward' ? behindOverscan : idleOverscan
    const first = Math.max(0, startIndex - before)
    const last = Math.min(count - 1, endIndex + after)
    return Array.from({ length: last - first + 1 }, (_, offset) => first + offset)
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => estimatedCardPx,
    rangeExtractor,
    onChange: (instance) => {
      scroller.current = instance
    },
    scrollMargin,
    observeElementOffset: observeOffsetInTransition,
    gap: 12,
    // Stable between renders: a new function here makes the virtualizer lay out all 5,000 cards
    // again on every scrolled frame.
    getItemKey,
    // Cards are measured as they mount, several a frame in a fast scroll: let React render the
    // list once for all of them, not once (synchronously) for each.
    useFlushSync: false,
    // Scrolling only moves the window: the virtualizer writes the list's height and each card's
    // position straight into the page, and React renders the list again only when a card enters
    // or leaves it (not on every scrolled frame, which at 4× CPU slow-down cost a frame's budget).
    directDomUpdates: true,
    directDomUpdatesMode: 'position',
  })
  const { containerRef } = virtualizer
  const listRef = useCallback(
    (element: HTMLUListElement | null) => {
      list.current = element
      containerRef(element)
    },
    [containerRef],
  )

  return (
    // The height and every card's position are the virtualizer's (directDomUpdates), not in the style here.
    <ul ref={listRef} className="wanted-list">
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]
        if (!row) return null
        return (
          <li key={item.key} ref={virtualizer.measureElement} data-index={item.index} aria-setsize={rows.length} aria-posinset={item.index + 1} className="wanted-list__item">
            <WantedCard row={row} markerTypes={wanted.markerTypes} areaName={row.person.areaId === null ? null : (wanted.areas.get(row.person.areaId) ?? null)} now={now} />
          </li>
        )
      })}
    </ul>
  )
}
