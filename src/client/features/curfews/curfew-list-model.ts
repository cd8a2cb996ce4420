/**
 * Tonight's curfews as pure functions over the synced package, so the list is the same offline and
 * online and can be tested without a browser: who is on a curfew in the area with a window in force
 * now or starting within the next hours (the shared window rules, London wall clock), in the order
 * the officer chose, and what the device knows about each address tonight (a check recorded here,
 * one another officer made, or a visit in progress) in words.
 */
import { TZDate } from '@date-fns/tz'
import type { OfficerRef } from '../../../shared/api/claims.ts'
import { curfewDetailsSchema, resultLabels, type CurfewCheck, type CurfewVisit } from '../../../shared/api/curfews.ts'
import type { AddressRecord, LatLng, PersonRecord } from '../../../shared/api/intel.ts'
import { CURFEW_TIME_ZONE, curfewActiveAt, londonWallClock, windowInstants, type CurfewRule, type WindowInstant } from '../../../shared/curfew/windows.ts'
import { lazyDateTimeFormat } from '../../lib/date-format.ts'
import { byCodeUnit, byText } from '../../lib/text-order.ts'

export type CurfewEntry = {
  conditionId: string
  person: PersonRecord
  address: AddressRecord | null
  rule: CurfewRule
  /** the windows overlapping now to now + hours ahead */
  windows: WindowInstant[]
  activeNow: boolean
  doorstep: boolean
  tag: boolean
}

const hourMs = 3_600_000

/** Everyone in `people` on a curfew with a window in force now or starting within `hoursAhead`. */
export function curfewEntries(people: readonly PersonRecord[], addresses: ReadonlyMap<string, AddressRecord>, now: Date, hoursAhead: number): CurfewEntry[] {
  const until = new Date(now.getTime() + hoursAhead * hourMs)
  const entries: CurfewEntry[] = []
  for (const person of people) {
    for (const condition of person.conditions) {
      if (condition.kind !== 'curfew') continue
      const details = curfewDetailsSchema.safeParse(condition.details)
      if (!details.success) continue
      const rule: CurfewRule = { windows: details.data.windows, validFrom: condition.validFrom.slice(0, 10), validTo: condition.validTo.slice(0, 10) }
      const windows = windowInstants(rule, now, until)
      if (windows.length === 0) continue
      const addressId = condition.addressId ?? person.addressId
      entries.push({
        conditionId: condition.id,
        person,
        address: addressId !== null ? (addresses.get(addressId) ?? null) : null,
        rule,
        windows,
        activeNow: curfewActiveAt(rule, now),
        doorstep: details.data.doorstep === true,
        tag: details.data.tag === true,
      })
    }
  }
  return entries
}

/** Metres between two points (haversine): near enough for "which door first". */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)))
}

export function distanceWords(metres: number): string {
  if (metres < 1000) return `${Math.round(metres / 10) * 10} m away`
  return `${(metres / 1000).toFixed(1)} km away`
}

export type SortOrder = 'start' | 'distance'

const nameOf = (e: CurfewEntry) => `${e.person.surname}|${e.person.forenames}|${e.conditionId}`

/** By window start (in force now first, then the soonest), or nearest first from `position`. */
export function sortEntries(entries: readonly CurfewEntry[], order: SortOrder, position: LatLng | null): CurfewEntry[] {
  const byStart = (a: CurfewEntry, b: CurfewEntry) =>
    byCodeUnit(a.windows[0]?.start ?? '', b.windows[0]?.start ?? '') || byText(nameOf(a), nameOf(b))
  if (order === 'distance' && position !== null) {
    const far = Number.POSITIVE_INFINITY
    const distance = (e: CurfewEntry) => (e.address ? distanceMetres(position, e.address) : far)
    return [...entries].sort((a, b) => distance(a) - distance(b) || byStart(a, b))
  }
  return [...entries].sort(byStart)
}

// Built when a time is first written, not when the module loads, like every formatter in the app.
const londonTime = lazyDateTimeFormat({ timeZone: CURFEW_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const londonDayTime = lazyDateTimeFormat({ timeZone: CURFEW_TIME_ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** "19:00" in London, or "Sat 19:00" when not today (London). */
export function londonClock(iso: string, now: Date): string {
  const at = new Date(iso)
  return londonWallClock(at).date === londonWallClock(now).date ? londonTime().format(at) : londonDayTime().format(at)
}

/** "In curfew now, until 07:00" or "Curfew from 21:00 to 06:00". */
export function tonightWords(entry: Pick<CurfewEntry, 'windows' | 'activeNow'>, now: Date): string {
  const current = entry.windows.find((w) => Date.parse(w.start) <= now.getTime() && now.getTime() < Date.parse(w.end))
  if (entry.activeNow && current) return `In curfew now, until ${londonClock(current.end, now)}`
  const next = entry.windows.find((w) => Date.parse(w.start) > now.getTime())
  if (!next) return 'No curfew in the hours shown'
  return `Curfew from ${londonClock(next.start, now)} to ${londonClock(next.end, now)}`
}

/**
 * "Tonight" for coverage: from noon to noon, London time, around now. A curfew night crosses
 * midnight, so the calendar day would cut it in two.
 */
export function nightRange(now: Date): { from: Date; to: Date } {
  const { date, minutes } = londonWallClock(now)
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const startDay = minutes >= 12 * 60 ? d : d - 1
  return { from: new Date(new TZDate(y, m - 1, startDay, 12, 0, CURFEW_TIME_ZONE).getTime()), to: new Date(new TZDate(y, m - 1, startDay + 1, 12, 0, CURFEW_TIME_ZONE).getTime()) }
}

export type CheckLike = Pick<CurfewCheck, 'id' | 'result' | 'checkedAt' | 'officer' | 'breach'> & { state?: 'pending' | 'sent' | 'failed' }

export type AddressState =
  | { kind: 'checked'; check: CheckLike; byMe: boolean; pending: boolean }
  | { kind: 'visit'; visit: CurfewVisit; byMe: boolean }
  | { kind: 'none' }

/** What is known about the address tonight: the latest check (device's or server's), else a visit in progress. */
export function addressState(
  input: { serverCheck: CheckLike | null; deviceCheck: CheckLike | null; visit: CurfewVisit | null; myCollar: string | null; now: Date },
): AddressState {
  const { serverCheck, deviceCheck, visit, myCollar, now } = input
  const latest = [serverCheck, deviceCheck].filter((c): c is CheckLike => c !== null).sort((a, b) => byCodeUnit(b.checkedAt, a.checkedAt))[0]
  if (latest) {
    const pending = latest.state === 'pending' || (deviceCheck?.id === latest.id && deviceCheck.state === 'pending')
    return { kind: 'checked', check: latest, byMe: latest.officer.collarNumber === myCollar, pending }
  }
  if (visit && Date.parse(visit.expiresAt) > now.getTime()) return { kind: 'visit', visit, byMe: visit.officer.collarNumber === myCollar }
  return { kind: 'none' }
}

const officerWords = (officer: OfficerRef) => `${officer.name} (${officer.collarNumber})`

/** "Checked tonight: absent at 21:10, by PC Ali Khan (1042)", "Check in progress by …", "Not checked yet tonight". */
export function addressStateWords(state: AddressState, now: Date): string {
  if (state.kind === 'checked') {
    const { check } = state
    const words = `Checked tonight: ${resultLabels[check.result].toLowerCase()} at ${londonClock(check.checkedAt, now)}, by ${state.byMe ? 'you' : officerWords(check.officer)}`
    const breach = check.breach ? '. Possible breach' : ''
    const failed = check.state === 'failed' ? '. Not accepted by the server: see the message at the top of the page' : ''
    return `${words}${breach}${state.pending ? '. Saved on this device, waiting to send' : ''}${failed}`
  }
  if (state.kind === 'visit') {
    if (state.byMe) return `You are on your way (shown to others until ${londonClock(state.visit.expiresAt, now)})`
    return `Check in progress by ${officerWords(state.visit.officer)} since ${londonClock(state.visit.startedAt, now)}`
  }
  return 'Not checked yet tonight'
}
