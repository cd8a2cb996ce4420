/**
 * How many briefing items are in force now and how many are not yet acknowledged, from the
 * device, for the Today card. Counts nothing when the package has expired: stale data is not shown.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { isCurrent } from './briefing-order.ts'
import { db } from './database.ts'
import { useNow } from './package-data.ts'

export function useBriefingSummary(): { current: number; unread: number } | undefined {
  const now = useNow()
  return useLiveQuery(async () => {
    const items = (await db.briefingItems.toArray()).filter((item) => isCurrent(item, now))
    return { current: items.length, unread: items.filter((item) => item.readAt === null).length }
  }, [now])
}
