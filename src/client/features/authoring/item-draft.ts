/**
 * The briefing item form's state and its translation to and from the API: datetime-local values
 * (the author's local time) to ISO instants, "whole force" to no areas, a drawn area to a polygon
 * of at least three points, a fence (none, the drawn area, or a circle) with its message and
 * hours, and the checks worth making before a request (the server makes them all again).
 */
import { fenceRadiusLimitsM, type BriefingItemInput } from '../../../shared/api/briefing.ts'
import type { BriefingItem, LatLng, SubjectKind, Task } from '../../../shared/api/intel.ts'

export type DraftLink = { kind: SubjectKind; id: string; label: string }

export type ItemDraft = {
  title: string
  body: string
  priority: 1 | 2 | 3
  wholeForce: boolean
  areaIds: string[]
  /** The drawn area's points in order; empty when none is drawn. */
  polygon: LatLng[]
  validFrom: string
  validTo: string
  isTask: boolean
  taskType: Task['type']
  assigneeKind: Task['assignee']['kind']
  assigneeId: string
  links: DraftLink[]
  /** A spoken geofence on the item: none, the drawn area, or a circle of its own. */
  fenceShape: 'none' | 'area' | 'circle'
  /** The circle's centre and radius as typed (or set by a click on the map). */
  fenceLat: string
  fenceLng: string
  fenceRadiusM: string
  fenceMessage: string
  fenceHours: boolean
  /** HH:MM, London time; an end before the start runs past midnight. */
  fenceStart: string
  fenceEnd: string
}

export const fenceMessageMaxLength = 200
const fenceDefaults = { fenceShape: 'none', fenceLat: '', fenceLng: '', fenceRadiusM: '250', fenceMessage: '', fenceHours: false, fenceStart: '22:00', fenceEnd: '06:00' } as const

const pad = (n: number) => String(n).padStart(2, '0')

/** Fewest points of a drawn area (the API's rule too). */
export const minPolygonPoints = 3

/** A point rounded to 6 decimal places (about 10 cm): more is noise from a click. */
export function roundedPoint(lat: number, lng: number): LatLng {
  const round = (n: number) => Math.round(n * 1e6) / 1e6
  return { lat: round(lat), lng: round(lng) }
}

/** A typed latitude and longitude as a point, or why it is not one. */
export function parsePoint(latText: string, lngText: string): { point: LatLng; problem: null } | { point: null; problem: string } {
  const lat = Number(latText.trim())
  const lng = Number(lngText.trim())
  if (latText.trim() === '' || !Number.isFinite(lat) || lat < -90 || lat > 90) return { point: null, problem: 'Enter a latitude between -90 and 90, such as 52.4862.' }
  if (lngText.trim() === '' || !Number.isFinite(lng) || lng < -180 || lng > 180) return { point: null, problem: 'Enter a longitude between -180 and 180, such as -1.8904.' }
  return { point: roundedPoint(lat, lng), problem: null }
}

/** An instant as the value of an <input type="datetime-local">, in the device's time zone. */
export function toDateTimeLocal(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return ''
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`
}

/** A datetime-local value (local time) as an ISO instant, or null when it is not a time. */
export function fromDateTimeLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null
  const at = new Date(value)
  return Number.isNaN(at.getTime()) ? null : at.toISOString()
}

export function newDraft(now: Date, shiftHours = 12): ItemDraft {
  const from = new Date(now)
  from.setSeconds(0, 0)
  return {
    title: '',
    body: '',
    priority: 2,
    wholeForce: false,
    areaIds: [],
    polygon: [],
    validFrom: toDateTimeLocal(from.toISOString()),
    validTo: toDateTimeLocal(new Date(from.getTime() + shiftHours * 3_600_000).toISOString()),
    isTask: false,
    taskType: 'patrol',
    assigneeKind: 'area',
    assigneeId: '',
    links: [],
    ...fenceDefaults,
  }
}

export function draftFromItem(item: BriefingItem, labelFor: (kind: SubjectKind, id: string) => string): ItemDraft {
  return {
    title: item.title,
    body: item.body,
    priority: item.priority,
    wholeForce: item.areaIds.length === 0,
    areaIds: item.areaIds,
    polygon: item.polygon ?? [],
    validFrom: toDateTimeLocal(item.validFrom),
    validTo: toDateTimeLocal(item.validTo),
    isTask: item.task !== null,
    taskType: item.task?.type ?? 'patrol',
    assigneeKind: item.task?.assignee.kind ?? 'area',
    assigneeId: item.task?.assignee.id ?? '',
    links: item.links.map((link) => ({ ...link, label: labelFor(link.kind, link.id) })),
    ...fenceDefaults,
    ...(item.fence
      ? {
          fenceShape: item.fence.shape,
          fenceLat: item.fence.center ? String(item.fence.center.lat) : '',
          fenceLng: item.fence.center ? String(item.fence.center.lng) : '',
          fenceRadiusM: item.fence.radiusM !== undefined ? String(item.fence.radiusM) : fenceDefaults.fenceRadiusM,
          fenceMessage: item.fence.message,
          fenceHours: item.fence.activeHours !== undefined,
          fenceStart: item.fence.activeHours?.start ?? fenceDefaults.fenceStart,
          fenceEnd: item.fence.activeHours?.end ?? fenceDefaults.fenceEnd,
        }
      : {}),
  }
}

const wallClockTime = /^([01]\d|2[0-3]):[0-5]\d$/

/** The fence for the request, or what to fix in it. */
export function draftFence(draft: ItemDraft): { fence: BriefingItemInput['fence']; problems: string[] } {
  if (draft.fenceShape === 'none') return { fence: null, problems: [] }
  const problems: string[] = []
  const message = draft.fenceMessage.trim()
  if (message === '') problems.push('Give the fence a message to speak.')
  if (message.length > fenceMessageMaxLength) problems.push(`The fence message is ${message.length} characters; keep it to ${fenceMessageMaxLength}.`)
  if (draft.fenceShape === 'area' && draft.polygon.length < minPolygonPoints) problems.push('A fence on the drawn area needs an area drawn, of at least 3 points.')
  let circle: { center: LatLng; radiusM: number } | null = null
  if (draft.fenceShape === 'circle') {
    const parsed = parsePoint(draft.fenceLat, draft.fenceLng)
    const radiusM = Number(draft.fenceRadiusM.trim())
    if (parsed.point === null) problems.push(`Fence centre: ${parsed.problem}`)
    const radiusOk = draft.fenceRadiusM.trim() !== '' && Number.isFinite(radiusM) && radiusM >= fenceRadiusLimitsM.min && radiusM <= fenceRadiusLimitsM.max
    if (!radiusOk) problems.push(`Give the fence a radius from ${fenceRadiusLimitsM.min} to ${fenceRadiusLimitsM.max} metres.`)
    if (parsed.point !== null && radiusOk) circle = { center: parsed.point, radiusM: Math.round(radiusM) }
  }
  if (draft.fenceHours && !(wallClockTime.test(draft.fenceStart) && wallClockTime.test(draft.fenceEnd))) problems.push('Enter the fence\'s hours as times, such as 22:00 and 06:00.')
  if (problems.length > 0) return { fence: null, problems }
  const hours = draft.fenceHours ? { activeHours: { start: draft.fenceStart, end: draft.fenceEnd } } : {}
  return { fence: circle ? { shape: 'circle', ...circle, message, ...hours } : { shape: 'area', message, ...hours }, problems: [] }
}

export type DraftResult = { input: BriefingItemInput; problems: [] } | { input: null; problems: string[] }

/** The API request for a draft, or what to fix first. */
export function draftToInput(draft: ItemDraft): DraftResult {
  const problems: string[] = []
  const title = draft.title.trim()
  if (title === '') problems.push('Give the item a title.')
  const validFrom = fromDateTimeLocal(draft.validFrom)
  const validTo = fromDateTimeLocal(draft.validTo)
  if (validFrom === null) problems.push('Enter when the item starts.')
  if (validTo === null) problems.push('Enter when the item ends.')
  if (validFrom !== null && validTo !== null && Date.parse(validTo) <= Date.parse(validFrom)) problems.push('The end must be after the start.')
  const points = draft.polygon.length
  if (points > 0 && points < minPolygonPoints) {
    problems.push(`The drawn area needs at least ${minPolygonPoints} points; it has ${points}. Add ${minPolygonPoints - points} more, or clear it.`)
  }
  if (!draft.wholeForce && draft.areaIds.length === 0 && points === 0) problems.push('Choose at least one area, the whole force, or draw an area.')
  const assigneeId = draft.assigneeId.trim()
  if (draft.isTask && assigneeId === '') problems.push('Say who the task is for.')
  const { fence, problems: fenceProblems } = draftFence(draft)
  problems.push(...fenceProblems)
  if (problems.length > 0 || validFrom === null || validTo === null) return { input: null, problems }
  return {
    input: {
      title,
      body: draft.body,
      priority: draft.priority,
      areaIds: draft.wholeForce ? [] : draft.areaIds,
      polygon: points === 0 ? null : draft.polygon,
      fence,
      validFrom,
      validTo,
      links: draft.links.map(({ kind, id }) => ({ kind, id })),
      task: draft.isTask ? { type: draft.taskType, assignee: { kind: draft.assigneeKind, id: assigneeId } } : null,
    },
    problems: [],
  }
}
