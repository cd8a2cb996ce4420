/**
 * The briefing item form's state and its translation to and from the API: datetime-local values
 * (the author's local time) to ISO instants, "whole force" to no areas, and the checks worth
 * making before a request (the server makes them all again).
 */
import type { BriefingItemInput } from '../../../shared/api/briefing.ts'
import type { BriefingItem, SubjectKind, Task } from '../../../shared/api/intel.ts'

export type DraftLink = { kind: SubjectKind; id: string; label: string }

export type ItemDraft = {
  title: string
  body: string
  priority: 1 | 2 | 3
  wholeForce: boolean
  areaIds: string[]
  validFrom: string
  validTo: string
  isTask: boolean
  taskType: Task['type']
  assigneeKind: Task['assignee']['kind']
  assigneeId: string
  links: DraftLink[]
}

const pad = (n: number) => String(n).padStart(2, '0')

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
    validFrom: toDateTimeLocal(from.toISOString()),
    validTo: toDateTimeLocal(new Date(from.getTime() + shiftHours * 3_600_000).toISOString()),
    isTask: false,
    taskType: 'patrol',
    assigneeKind: 'area',
    assigneeId: '',
    links: [],
  }
}

export function draftFromItem(item: BriefingItem, labelFor: (kind: SubjectKind, id: string) => string): ItemDraft {
  return {
    title: item.title,
    body: item.body,
    priority: item.priority,
    wholeForce: item.areaIds.length === 0,
    areaIds: item.areaIds,
    validFrom: toDateTimeLocal(item.validFrom),
    validTo: toDateTimeLocal(item.validTo),
    isTask: item.task !== null,
    taskType: item.task?.type ?? 'patrol',
    assigneeKind: item.task?.assignee.kind ?? 'area',
    assigneeId: item.task?.assignee.id ?? '',
    links: item.links.map((link) => ({ ...link, label: labelFor(link.kind, link.id) })),
  }
}

export type DraftResult = { input: BriefingItemInput; problems: [] } | { input: null; problems: string[] }

/** The API request for a draft, or what to fix first. Editing keeps the item's drawn area, if any. */
export function draftToInput(draft: ItemDraft, polygon: BriefingItem['polygon'] = null): DraftResult {
  const problems: string[] = []
  const title = draft.title.trim()
  if (title === '') problems.push('Give the item a title.')
  const validFrom = fromDateTimeLocal(draft.validFrom)
  const validTo = fromDateTimeLocal(draft.validTo)
  if (validFrom === null) problems.push('Enter when the item starts.')
  if (validTo === null) problems.push('Enter when the item ends.')
  if (validFrom !== null && validTo !== null && Date.parse(validTo) <= Date.parse(validFrom)) problems.push('The end must be after the start.')
  if (!draft.wholeForce && draft.areaIds.length === 0 && polygon === null) problems.push('Choose at least one area, or the whole force.')
  const assigneeId = draft.assigneeId.trim()
  if (draft.isTask && assigneeId === '') problems.push('Say who the task is for.')
  if (problems.length > 0 || validFrom === null || validTo === null) return { input: null, problems }
  return {
    input: {
      title,
      body: draft.body,
      priority: draft.priority,
      areaIds: draft.wholeForce ? [] : draft.areaIds,
      polygon,
      validFrom,
      validTo,
      links: draft.links.map(({ kind, id }) => ({ kind, id })),
      task: draft.isTask ? { type: draft.taskType, assignee: { kind: draft.assigneeKind, id: assigneeId } } : null,
    },
    problems: [],
  }
}
