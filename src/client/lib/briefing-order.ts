/**
 * Which briefing items an officer sees now and in what order: items in force now, unread first,
 * then by priority (1 first), then the most recently started. Pure, so the order is tested once
 * and the Briefing screen and the Today card agree.
 */
import type { BriefingItem } from '../../shared/api/intel.ts'
import { byCodeUnit, byText } from './text-order.ts'

/** In force now: started, not yet ended. */
export function isCurrent(item: Pick<BriefingItem, 'validFrom' | 'validTo'>, now: number): boolean {
  return Date.parse(item.validFrom) <= now && now < Date.parse(item.validTo)
}

/** Not started yet: the package carries items some hours ahead so they are there offline. */
export function isUpcoming(item: Pick<BriefingItem, 'validFrom'>, now: number): boolean {
  return Date.parse(item.validFrom) > now
}

/**
 * Unread first, then priority, then newest. `readHere` holds items acknowledged on this screen:
 * they keep their place until the officer leaves, so the list does not jump under their finger.
 */
export function sortBriefing(items: readonly BriefingItem[], readHere: ReadonlySet<string> = new Set()): BriefingItem[] {
  const unread = (item: BriefingItem) => item.readAt === null || readHere.has(item.id)
  return [...items].sort(
    (a, b) =>
      Number(unread(b)) - Number(unread(a)) ||
      a.priority - b.priority ||
      byCodeUnit(b.validFrom, a.validFrom) ||
      byText(a.title, b.title),
  )
}
