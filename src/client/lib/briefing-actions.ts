/**
 * What an officer does to a briefing item on the device: acknowledge it, accept its task, record
 * the task's result. Each change is made to the stored item and queued in the outbox in one Dexie
 * transaction, so it shows at once, survives a reload, and reaches the server when there is a
 * connection. The senders for these ops live here too.
 *
 * Offline behaviour: everything here works offline; the outbox sends later. If the server refuses a
 * task update (someone else completed the task), the stored task is put back as it was and the
 * refusal is shown with the item.
 */
import type { Task } from '../../shared/api/intel.ts'
import { acknowledgeItem } from './api/acknowledge-item.ts'
import { updateTask } from './api/update-task.ts'
import { db } from './database.ts'
import { addToOutbox, drainOutbox, registerSender } from './outbox.ts'
import { outboxKinds } from './outbox-kinds.ts'
import { serverNowIso } from './server-clock.ts'
import { sessionStore } from './session.ts'

/** The outbox `ref` of a briefing item's ops. */
export function briefingItemRef(itemId: string): string {
  return `briefing-item:${itemId}`
}

function quoted(title: string): string {
  return `“${title.length > 60 ? `${title.slice(0, 57)}…` : title}”`
}

export async function acknowledgeBriefingItem(itemId: string): Promise<void> {
  const readAt = serverNowIso()
  await db.transaction('rw', db.briefingItems, db.outbox, async () => {
    const item = await db.briefingItems.get(itemId)
    if (!item || item.readAt !== null) return
    await db.briefingItems.update(itemId, { readAt })
    await addToOutbox({ kind: 'briefing.read', payload: { itemId, readAt }, ref: briefingItemRef(itemId), label: `Acknowledgement of ${quoted(item.title)}` })
  })
  void drainOutbox()
}

export async function changeTask(itemId: string, status: 'accepted' | 'done', result: string | null): Promise<void> {
  const state = sessionStore.get()
  const collar = state.status === 'signed-in' ? state.user.collarNumber : null
  const at = serverNowIso()
  await db.transaction('rw', db.briefingItems, db.outbox, async () => {
    const item = await db.briefingItems.get(itemId)
    if (!item?.task || item.task.status === 'done') return
    const previous = item.task
    const task: Task = { ...previous, status, result: result ?? previous.result, updatedBy: collar ?? previous.updatedBy, updatedAt: at }
    await db.briefingItems.update(itemId, { task })
    const label = status === 'accepted' ? `Accepting the task ${quoted(item.title)}` : `Result of the task ${quoted(item.title)}`
    await addToOutbox({ kind: 'task.update', payload: { itemId, status, result, at, previous }, ref: briefingItemRef(itemId), label })
  })
  void drainOutbox()
}

export function registerBriefingSenders(): void {
  registerSender('briefing.read', {
    schema: outboxKinds['briefing.read'],
    send: async ([op]) => {
      if (!op) return
      const readAt = await acknowledgeItem(op.itemId)
      await db.briefingItems.update(op.itemId, { readAt })
    },
  })
  registerSender('task.update', {
    schema: outboxKinds['task.update'],
    send: async ([op]) => {
      if (!op) return
      const item = await updateTask(op.itemId, { status: op.status, result: op.result })
      // Keep this device's acknowledgement: the server's copy may predate it.
      await db.transaction('rw', db.briefingItems, async () => {
        const local = await db.briefingItems.get(op.itemId)
        if (local) await db.briefingItems.put({ ...item, readAt: item.readAt ?? local.readAt })
      })
    },
    onRejected: async (op) => {
      await db.transaction('rw', db.briefingItems, async () => {
        const local = await db.briefingItems.get(op.itemId)
        // Only undo our own optimistic change; a sync may already have brought the server's truth.
        if (local?.task && local.task.updatedAt === op.at) await db.briefingItems.update(op.itemId, { task: op.previous })
      })
    },
  })
}
