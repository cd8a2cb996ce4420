/**
 * Write briefing (analysts and supervisors, at a station terminal or on a tablet): the current and
 * coming items, a form to write or edit one, withdrawing an item, who has read each item and how
 * its task is going. Loaded only when opened (app/routes/lazy-pages.ts).
 *
 * Offline behaviour: writing the briefing needs the server, which checks links and tells devices;
 * offline the page says so and keeps the form from being sent. After each change the author's own
 * device syncs, so their Briefing screen shows it too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import type { BriefingItemInput } from '../../../shared/api/briefing.ts'
import type { BriefingItem, SubjectKind, Task } from '../../../shared/api/intel.ts'
import { EmptyState, ErrorState, LoadingState } from '../../components/data-state.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { PriorityBadge } from '../../components/priority-badge.tsx'
import { errorMessage } from '../../lib/api-client.ts'
import { useOnline } from '../../lib/connectivity.ts'
import { db } from '../../lib/database.ts'
import { formatDayTime } from '../../lib/date-format.ts'
import { subjectKindNames } from '../../lib/profile-paths.ts'
import { addressLabel, personName } from '../../lib/subject-labels.ts'
import { syncNow } from '../../lib/sync.ts'
import { briefingItemsQueryKey, briefingItemsQueryOptions } from './api/get-briefing-items.ts'
import { readReceiptsQueryOptions } from './api/get-read-receipts.ts'
import { saveBriefingItem } from './api/save-briefing-item.ts'
import { withdrawBriefingItem } from './api/withdraw-briefing-item.ts'
import { draftFromItem, newDraft } from './item-draft.ts'
import { ItemForm } from './item-form.tsx'

type Editing = { mode: 'new' } | { mode: 'edit'; item: BriefingItem } | null
type Outcome = { kind: 'done' | 'failed'; text: string } | null

const taskStatusNames: Record<Task['status'], string> = { open: 'Open', accepted: 'Accepted', done: 'Done' }

/** Names for linked records from this device's package, for the form's list of links. */
function useDeviceLabels(): ((kind: SubjectKind, id: string) => string) | undefined {
  const labels = useLiveQuery(async () => {
    const [people, vehicles, addresses] = await Promise.all([db.people.toArray(), db.vehicles.toArray(), db.addresses.toArray()])
    const map = new Map<string, string>()
    for (const p of people) map.set(`person:${p.id}`, personName(p))
    for (const v of vehicles) map.set(`vehicle:${v.id}`, v.vrm)
    for (const a of addresses) map.set(`address:${a.id}`, addressLabel(a))
    return map
  }, [])
  if (labels === undefined) return undefined
  return (kind, id) => labels.get(`${kind}:${id}`) ?? `${subjectKindNames[kind]} ${id}`
}

function ReadReceipts({ itemId }: { itemId: string }) {
  const reads = useQuery(readReceiptsQueryOptions(itemId))
  if (reads.isPending) return <LoadingState>Loading who has read it…</LoadingState>
  if (reads.isError) return <ErrorState onRetry={() => void reads.refetch()}>{errorMessage(reads.error)}</ErrorState>
  if (reads.data.length === 0) return <p className="hint">Nobody has acknowledged this item yet.</p>
  return (
    <ul className="read-receipts" aria-label="Acknowledged by">
      {reads.data.map((read) => (
        <li key={read.collarNumber}>
          {read.name} ({read.collarNumber}), {formatDayTime(read.readAt)}
        </li>
      ))}
    </ul>
  )
}

function AuthoredItem({ item, areaNames, online, onEdit, onWithdraw, withdrawing }: {
  item: BriefingItem
  areaNames: ReadonlyMap<string, string>
  online: boolean
  onEdit: () => void
  onWithdraw: () => void
  withdrawing: boolean
}) {
  const [showReads, setShowReads] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const headingId = `authored-${item.id}`
  return (
    <article className="authored-item" aria-labelledby={headingId}>
      <div className="briefing-item__badges">
        <PriorityBadge priority={item.priority} />
      </div>
      <h3 id={headingId}>{item.title}</h3>
      <p className="briefing-item__meta">
        {formatDayTime(item.validFrom)} to {formatDayTime(item.validTo)} ·{' '}
        {item.areaIds.length === 0 ? 'Whole force' : item.areaIds.map((id) => areaNames.get(id) ?? id).join(', ')} · By {item.author.name}
      </p>
      {item.task ? (
        <p>
          Task ({item.task.assignee.kind} {item.task.assignee.id}): <strong>{taskStatusNames[item.task.status]}</strong>
          {item.task.updatedBy ? ` by ${item.task.updatedBy}` : ''}
          {item.task.result ? ` — ${item.task.result}` : ''}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button button--small" disabled={!online} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button button--small" aria-expanded={showReads} onClick={() => setShowReads((v) => !v)}>
          Who has read it
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button--small button--danger" disabled={!online || withdrawing} onClick={onWithdraw}>
              Confirm withdraw
            </button>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="button button--small" disabled={!online} onClick={() => setConfirming(true)}>
            Withdraw
          </button>
        )}
      </div>
      {showReads ? <ReadReceipts itemId={item.id} /> : null}
    </article>
  )
}

export function AuthoringPage() {
  const online = useOnline()
  const queryClient = useQueryClient()
  const items = useQuery(briefingItemsQueryOptions)
  const areas = useLiveQuery(() => db.areas.orderBy('id').toArray(), [])
  const labelFor = useDeviceLabels()
  const [editing, setEditing] = useState<Editing>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  // A new form each time one is opened, so its state starts from the item (or blank).
  const [formKey, setFormKey] = useState(0)

  const afterChange = (text: string) => {
    setOutcome({ kind: 'done', text })
    void queryClient.invalidateQueries({ queryKey: briefingItemsQueryKey })
    void syncNow()
  }

  const save = useMutation({
    mutationFn: saveBriefingItem,
    onSuccess: (item, { id }) => {
      setEditing(null)
      afterChange(id === null ? `Published “${item.title}”` : `Saved changes to “${item.title}”`)
    },
  })
  const withdraw = useMutation({
    mutationFn: (item: BriefingItem) => withdrawBriefingItem(item.id),
    onSuccess: (_done, item) => afterChange(`Withdrew “${item.title}”`),
    onError: (error, item) => setOutcome({ kind: 'failed', text: `“${item.title}” was not withdrawn. ${errorMessage(error)}` }),
  })

  function open(next: Editing) {
    save.reset()
    setOutcome(null)
    setFormKey((key) => key + 1)
    setEditing(next)
  }

  const areaNames = new Map((areas ?? []).map((area) => [area.id, area.name]))
  const submit = (input: BriefingItemInput) => save.mutate({ id: editing?.mode === 'edit' ? editing.item.id : null, input })

  let list
  if (items.data !== undefined) {
    list =
      items.data.length === 0 ? (
        <EmptyState>There are no current or coming briefing items.</EmptyState>
      ) : (
        <div className="authored-list">
          {items.data.map((item) => (
            <AuthoredItem
              key={item.id}
              item={item}
              areaNames={areaNames}
              online={online}
              onEdit={() => open({ mode: 'edit', item })}
              onWithdraw={() => withdraw.mutate(item)}
              withdrawing={withdraw.isPending && withdraw.variables.id === item.id}
            />
          ))}
        </div>
      )
  } else if (items.isError) {
    list = <ErrorState onRetry={() => void items.refetch()}>The briefing could not be loaded. {errorMessage(items.error)}</ErrorState>
  } else if (!online) {
    list = <EmptyState>Writing the briefing needs a connection.</EmptyState>
  } else {
    list = <LoadingState>Loading the briefing…</LoadingState>
  }

  return (
    <div className="page page--wide authoring">
      <PageTitle>Write briefing</PageTitle>
      {!online ? <p className="alert alert--info">This device is offline. Writing the briefing needs a connection: items are published by the server.</p> : null}
      {outcome?.kind === 'done' ? (
        <p className="notice notice--success" role="status">
          {outcome.text}
        </p>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <p className="alert" role="alert">
          {outcome.text}
        </p>
      ) : null}
      {editing === null ? (
        <p>
          <button type="button" className="button button--primary" disabled={!online} onClick={() => open({ mode: 'new' })}>
            New briefing item
          </button>
        </p>
      ) : labelFor === undefined || areas === undefined ? (
        <LoadingState>Opening the form…</LoadingState>
      ) : (
        <ItemForm
          key={formKey}
          heading={editing.mode === 'new' ? 'New briefing item' : `Edit “${editing.item.title}”`}
          initial={editing.mode === 'new' ? newDraft(new Date()) : draftFromItem(editing.item, labelFor)}
          areas={areas}
          submitLabel={editing.mode === 'new' ? 'Publish' : 'Save changes'}
          busy={save.isPending || !online}
          serverError={save.isError ? errorMessage(save.error) : null}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
        />
      )}
      <h2>Current and coming items</h2>
      {list}
    </div>
  )
}
