/**
 * One briefing item as an officer reads it: priority (colour and words), title, the text exactly
 * as written (plain text, never HTML), when it applies, who wrote it, the records it links to, its
 * task, and "Acknowledge". The item's own outbox state is shown with it: "waiting to send" while
 * offline, and the server's reason if it refused a change.
 */
import { useId, useRef } from 'react'
import { Link } from 'react-router'
import type { BriefingItem } from '../../../shared/api/intel.ts'
import { PriorityBadge } from '../../components/priority-badge.tsx'
import { acknowledgeBriefingItem } from '../../lib/briefing-actions.ts'
import type { OutboxRecord } from '../../lib/database.ts'
import { checkPath } from '../../lib/check-paths.ts'
import { formatDayTime } from '../../lib/date-format.ts'
import { profilePath, subjectKindNames } from '../../lib/profile-paths.ts'
import { TaskPanel } from './task-panel.tsx'

type Props = {
  item: BriefingItem
  headingLevel: 2 | 3
  collarNumber: string
  canActOnTasks: boolean
  linkLabels: ReadonlyMap<string, string>
  areaNames: ReadonlyMap<string, string>
  ops: readonly OutboxRecord[]
  onAcknowledge: (itemId: string) => void
}

function areasText(areaIds: readonly string[], areaNames: ReadonlyMap<string, string>): string {
  if (areaIds.length === 0) return 'Whole force'
  return areaIds.map((id) => areaNames.get(id) ?? id).join(', ')
}

export function BriefingItemCard({ item, headingLevel, collarNumber, canActOnTasks, linkLabels, areaNames, ops, onAcknowledge }: Props) {
  const titleId = useId()
  const acknowledged = useRef<HTMLParagraphElement>(null)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const waiting = ops.filter((op) => op.state === 'pending')
  const refused = ops.filter((op) => op.state === 'failed')
  const unread = item.readAt === null

  async function acknowledge() {
    onAcknowledge(item.id)
    await acknowledgeBriefingItem(item.id)
    // The button is gone; keep the officer's place on the item rather than losing focus to the page.
    requestAnimationFrame(() => acknowledged.current?.focus())
  }

  return (
    <article className={`briefing-item briefing-item--priority-${item.priority}${unread ? ' briefing-item--unread' : ''}`} aria-labelledby={titleId}>
      <div className="briefing-item__badges">
        <PriorityBadge priority={item.priority} />
        {unread ? <span className="badge badge--new">Not yet acknowledged</span> : null}
        {item.task ? <span className="badge">Task</span> : null}
      </div>
      <Heading id={titleId} className="briefing-item__title">
        {item.title}
      </Heading>
      <p className="briefing-item__meta">
        {formatDayTime(item.validFrom)} to {formatDayTime(item.validTo)} · {areasText(item.areaIds, areaNames)} · By {item.author.name} (
        {item.author.collarNumber})
      </p>
      {item.body !== '' ? <p className="briefing-item__body">{item.body}</p> : null}
      {item.links.length > 0 ? (
        <div className="briefing-item__links">
          <p className="briefing-item__links-title">Linked records</p>
          <ul>
            {item.links.map((link) => {
              const label = linkLabels.get(`${link.kind}:${link.id}`)
              return (
                <li key={`${link.kind}:${link.id}`}>
                  {label !== undefined ? (
                    <Link className="record-link" to={profilePath(link.kind, link.id, item.id)}>
                      <span className="record-link__kind">{subjectKindNames[link.kind]}</span> {label}
                    </Link>
                  ) : (
                    <span className="hint">
                      {subjectKindNames[link.kind]} {link.id}: not on this device
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
          {item.links.some((link) => link.kind === 'person') ? (
            <Link className="button button--small" to={checkPath({ kind: 'person', reason: { code: 'briefing', text: item.title } })}>
              Check identity<span className="visually-hidden"> for “{item.title}”</span>
            </Link>
          ) : null}
        </div>
      ) : null}
      {item.task ? <TaskPanel itemId={item.id} task={item.task} collarNumber={collarNumber} canAct={canActOnTasks} areaNames={areaNames} /> : null}
      <div className="briefing-item__footer">
        {unread ? (
          <button type="button" className="button button--primary" onClick={() => void acknowledge()}>
            Acknowledge
          </button>
        ) : (
          <p ref={acknowledged} tabIndex={-1} className="briefing-item__acknowledged">
            Acknowledged {formatDayTime(item.readAt ?? '')}
          </p>
        )}
        {waiting.length > 0 ? <p className="hint">Saved on this device, waiting to send</p> : null}
      </div>
      {refused.map((op) => (
        <p key={op.seq} className="alert">
          Not sent: {op.label}. {op.lastError}
        </p>
      ))}
    </article>
  )
}
