/**
 * Briefing: the officer's briefing items for today, from the device, unread first and then by
 * priority, each acknowledged with one tap. Items starting later in the shift are listed after.
 * Above the items, task progress (task-progress.tsx): an officer's own tasks, or for supervisors and
 * analysts every task, with the way to read receipts. Officers accept tasks and record results here.
 *
 * Offline behaviour: everything comes from the package on the device, with "Last updated …" at the
 * top; acknowledgements and task updates made offline are sent when the device reconnects. A
 * package past its expiry is not shown (PackageGate).
 */
import { useState } from 'react'
import { EmptyState, LoadingState } from '../../components/data-state.tsx'
import { PackageGate } from '../../components/package-gate.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SyncStatus } from '../../components/sync-status.tsx'
import { isCurrent, isUpcoming, sortBriefing } from '../../lib/briefing-order.ts'
import { useNow } from '../../lib/package-data.ts'
import { useSignedInUser } from '../../lib/session.ts'
import { byCodeUnit } from '../../lib/text-order.ts'
import { BriefingItemCard } from './briefing-item-card.tsx'
import { TaskProgress } from './task-progress.tsx'
import { useAreaNames, useBriefingItems, useBriefingOps, useLinkLabels } from './use-briefing.ts'

function BriefingList() {
  const user = useSignedInUser()
  const items = useBriefingItems()
  const linkLabels = useLinkLabels(items)
  const areaNames = useAreaNames()
  const ops = useBriefingOps()
  const now = useNow()
  // Items acknowledged on this visit keep their place (see sortBriefing).
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(() => new Set())

  if (user === null) return null
  if (items === undefined || linkLabels === undefined || areaNames === undefined || ops === undefined) {
    return <LoadingState>Opening the briefing saved on this device…</LoadingState>
  }

  const current = sortBriefing(items.filter((item) => isCurrent(item, now)), readHere)
  const upcoming = items.filter((item) => isUpcoming(item, now)).sort((a, b) => byCodeUnit(a.validFrom, b.validFrom))
  const unreadCount = current.filter((item) => item.readAt === null).length
  const card = (headingLevel: 2 | 3) => (item: (typeof items)[number]) => (
    <li key={item.id}>
      <BriefingItemCard
        item={item}
        headingLevel={headingLevel}
        collarNumber={user.collarNumber}
        canActOnTasks={user.role === 'officer'}
        linkLabels={linkLabels}
        areaNames={areaNames}
        ops={ops.get(item.id) ?? []}
        onAcknowledge={(id) => setReadHere((previous) => new Set([...previous, id]))}
      />
    </li>
  )

  return (
    <>
      <TaskProgress items={[...current, ...upcoming]} user={user} />
      {current.length === 0 ? (
        <EmptyState>There are no briefing items for you right now.</EmptyState>
      ) : (
        <>
          <p className="lead">
            {current.length} {current.length === 1 ? 'item' : 'items'}, {unreadCount === 0 ? 'all acknowledged' : `${unreadCount} not yet acknowledged`}
          </p>
          <ul className="briefing-list" aria-label="Briefing items">
            {current.map(card(2))}
          </ul>
        </>
      )}
      {upcoming.length > 0 ? (
        <section aria-labelledby="briefing-later">
          <h2 id="briefing-later">Starting later</h2>
          <ul className="briefing-list" aria-label="Briefing items starting later">
            {upcoming.map(card(3))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

export function BriefingPage() {
  return (
    <div className="page">
      <PageTitle>Briefing</PageTitle>
      <PackageGate>
        <SyncStatus />
        <BriefingList />
      </PackageGate>
    </div>
  )
}
