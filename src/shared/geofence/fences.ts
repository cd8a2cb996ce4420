/**
 * The fences a device watches, made on the device from the briefing package it already holds, so
 * geofence prompts work with no network:
 * - every wanted person: a circle (default 250 m, never under 100 m) around their last known
 *   location and around each address they are linked to, with the person's priority;
 * - every briefing item in force now with a fence an analyst drew (a circle, or the item's drawn
 *   area), spoken as the analyst's message, and only within its active hours (London wall clock);
 * - every briefing item in force now with a drawn area and no fence of its own: its polygon;
 * - every crime-trend cell flagged rising: its H3 hexagon (a circle of the cell's size if the cell
 *   id cannot be read), priority 3.
 * Contacts (sightings) carry a place name but no coordinates, so they make no fence.
 *
 * Each fence's label is a noun phrase that completes "Caution: you are entering …", so a prompt
 * is spoken as written (see `promptSentence`); an analyst's fence says its message instead
 * ("Caution: <message>."). Fences are made for the moment `now`, so the device builds them again
 * as time passes (patrol-mode.ts, each minute). Pure: no DOM, no Node, no Dexie.
 */
import { cellToBoundary, isValidCell } from 'h3-js'
import type { AddressRecord, BriefingFence, BriefingItem, MarkerType, PersonRecord } from '../api/intel.ts'
import { londonWallClock } from '../curfew/windows.ts'
import type { Fence } from './engine.ts'

/** A rising or falling crime-trend cell, as the package carries it (issue 6). */
export type TrendCellInput = { cell: string; lat: number; lng: number; trend: string }

export type FenceSource = {
  people: readonly PersonRecord[]
  addresses: readonly AddressRecord[]
  briefingItems: readonly BriefingItem[]
  markerTypes: readonly MarkerType[]
  trendCells?: readonly TrendCellInput[]
  /** ms since epoch: briefing areas are watched only while their item is in force. */
  now: number
}

export type FenceBuildOptions = {
  /** Radius around a wanted person's places; never under `minWantedRadiusM`. */
  wantedRadiusM: number
  /** Used for a trend cell whose H3 id cannot be read: about a resolution-9 cell. */
  trendCellRadiusM: number
}

export const minWantedRadiusM = 100
export const defaultFenceBuildOptions: FenceBuildOptions = { wantedRadiusM: 250, trendCellRadiusM: 175 }

/** What a prompt's banner opens. */
export type FenceTarget = { kind: 'person'; id: string } | { kind: 'briefing-item'; id: string } | { kind: 'trend-cell'; id: string }

/**
 * A fence with what it is about, for the banner and the prompt log: `title` names it in a link.
 * `says: 'message'` marks a label that is the analyst's own words, spoken as they are rather than
 * after "you are entering".
 */
export type PromptFence = Fence & { target: FenceTarget; title: string; says?: 'message' }

const priorityWords = { 1: 'one', 2: 'two', 3: 'three' } as const

/** "Violent (demo code)" -> "violent". */
function spokenMarker(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*/g, ' ').trim().toLowerCase()
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`
}

function personName(person: Pick<PersonRecord, 'forenames' | 'surname'>): string {
  return `${person.forenames} ${person.surname}`.replace(/\s+/g, ' ').trim()
}

/** "John Smith, wanted, priority one, violent and weapons warnings". */
export function wantedPhrase(person: PersonRecord, markerTypes: ReadonlyMap<string, MarkerType>): string {
  const parts = [personName(person), 'wanted']
  if (person.wanted) parts.push(`priority ${priorityWords[person.wanted.priority]}`)
  const safety = person.warningMarkers
    .map((code) => markerTypes.get(code))
    .filter((type): type is MarkerType => type !== undefined && type.officerSafety)
    .map((type) => spokenMarker(type.label))
  if (safety.length > 0) parts.push(`${joinWords(safety)} ${safety.length === 1 ? 'warning' : 'warnings'}`)
  return parts.join(', ')
}

function hexagonRing(cell: string): { lat: number; lng: number }[] | null {
  if (!isValidCell(cell)) return null
  return cellToBoundary(cell).map(([lat, lng]) => ({ lat, lng }))
}

function minutesOfDay(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

/** Whether `at` falls within the fence's active hours (London wall clock; `end <= start` runs past midnight). */
export function withinActiveHours(hours: BriefingFence['activeHours'], at: number): boolean {
  if (!hours) return true
  const start = minutesOfDay(hours.start)
  const end = minutesOfDay(hours.end)
  if (start === null || end === null) return true
  const { minutes } = londonWallClock(new Date(at))
  return end > start ? minutes >= start && minutes < end : minutes >= start || minutes < end
}

/** An analyst's message as a clause: "Dealing reported at the park." -> "Dealing reported at the park". */
function spokenMessage(message: string): string {
  return message.trim().replace(/\s+/g, ' ').replace(/[.!?;:,]+$/, '')
}

function briefingFence(item: BriefingItem, fence: BriefingFence): PromptFence | null {
  const base = {
    id: `briefing:${item.id}`,
    title: item.title,
    priority: item.priority,
    label: spokenMessage(fence.message),
    reason: 'briefing' as const,
    says: 'message' as const,
    target: { kind: 'briefing-item' as const, id: item.id },
  }
  if (base.label === '') return null
  if (fence.shape === 'circle') {
    if (!fence.center || fence.radiusM === undefined) return null
    return { ...base, shape: { kind: 'circle', center: { lat: fence.center.lat, lng: fence.center.lng }, radiusM: fence.radiusM } }
  }
  if (!item.polygon || item.polygon.length < 3) return null
  return { ...base, shape: { kind: 'polygon', ring: item.polygon.map(({ lat, lng }) => ({ lat, lng })) } }
}

export function buildFences(source: FenceSource, options?: Partial<FenceBuildOptions>): PromptFence[] {
  const settings = { ...defaultFenceBuildOptions, ...options }
  const radiusM = Math.max(minWantedRadiusM, settings.wantedRadiusM)
  const addresses = new Map(source.addresses.map((address) => [address.id, address]))
  const markerTypes = new Map(source.markerTypes.map((type) => [type.code, type]))
  const fences: PromptFence[] = []

  for (const person of source.people) {
    if (!person.wanted) continue
    const base = {
      title: personName(person),
      priority: person.wanted.priority,
      label: `an area frequented by ${wantedPhrase(person, markerTypes)}`,
      reason: 'wanted' as const,
      target: { kind: 'person' as const, id: person.id },
    }
    const { lastKnown } = person.wanted
    if (lastKnown && lastKnown.lat !== null && lastKnown.lng !== null) {
      fences.push({ ...base, id: `wanted:${person.id}:last-known`, shape: { kind: 'circle', center: { lat: lastKnown.lat, lng: lastKnown.lng }, radiusM } })
    }
    const addressIds = new Set([person.addressId, ...person.links.filter((link) => link.kind === 'address').map((link) => link.id)])
    for (const addressId of addressIds) {
      const address = addressId === null ? undefined : addresses.get(addressId)
      if (!address) continue
      fences.push({ ...base, id: `wanted:${person.id}:address:${address.id}`, shape: { kind: 'circle', center: { lat: address.lat, lng: address.lng }, radiusM } })
    }
  }

  for (const item of source.briefingItems) {
    if (!(Date.parse(item.validFrom) <= source.now && source.now < Date.parse(item.validTo))) continue
    if (item.fence) {
      const fence = withinActiveHours(item.fence.activeHours, source.now) ? briefingFence(item, item.fence) : null
      if (fence) fences.push(fence)
      continue
    }
    if (!item.polygon || item.polygon.length < 3) continue
    fences.push({
      id: `briefing:${item.id}`,
      title: item.title,
      priority: item.priority,
      label: `the area of the briefing item ${item.title.trim().replace(/[.!?]+$/, '')}, priority ${priorityWords[item.priority]}`,
      reason: 'briefing',
      target: { kind: 'briefing-item', id: item.id },
      shape: { kind: 'polygon', ring: item.polygon.map(({ lat, lng }) => ({ lat, lng })) },
    })
  }

  for (const cell of source.trendCells ?? []) {
    if (cell.trend !== 'rising') continue
    const ring = hexagonRing(cell.cell)
    fences.push({
      id: `trend:${cell.cell}`,
      title: 'Rising crime area',
      priority: 3,
      label: 'an area where crime is rising',
      reason: 'crime-trend',
      target: { kind: 'trend-cell', id: cell.cell },
      shape: ring ? { kind: 'polygon', ring } : { kind: 'circle', center: { lat: cell.lat, lng: cell.lng }, radiusM: settings.trendCellRadiusM },
    })
  }
  return fences
}

/**
 * The one sentence spoken for the fences entered on one fix, highest priority first: "Caution:
 * you are entering an area frequented by John Smith, wanted, priority one, violent warning."
 * Fences with the same label (one person's home and last known place) are said once. An
 * analyst's message is said as written, in its place by priority, and the places entered make one
 * clause where the first of them stands: "Caution: Drug dealing reported at the park; and you are
 * entering an area where crime is rising."
 */
export function promptSentence(fences: readonly (Pick<Fence, 'label' | 'priority'> & { says?: 'message' })[]): string {
  const sorted = [...fences].sort((a, b) => a.priority - b.priority)
  const entering = [...new Set(sorted.filter((fence) => fence.says !== 'message').map((fence) => fence.label))]
  const clauses: string[] = []
  let enteringSaid = false
  for (const fence of sorted) {
    if (fence.says === 'message') {
      if (!clauses.includes(fence.label)) clauses.push(fence.label)
    } else if (!enteringSaid) {
      clauses.push(`you are entering ${entering.join('; and ')}`)
      enteringSaid = true
    }
  }
  return `Caution: ${clauses.join('; and ')}.`
}
