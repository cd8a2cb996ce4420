/**
 * Curfew door-knocks on the device: recording one, sending it, and a person's check history.
 *
 * Recording writes the check to Dexie (`curfewChecks`, state `pending`) and queues it in the outbox
 * in one transaction, with the check's client-made id as the op id, so it shows at once, survives
 * a reload and is sent once on reconnect (the server stores each id once; a replay answers the same
 * check). The sender stores the server's answer over the local copy (state `sent`); a refusal marks
 * it `failed`, and the outbox keeps the op with the server's message.
 *
 * History: `GET /api/people/:id/curfew-checks` when online (an audited read), kept in the same
 * table, so a profile opened offline shows the checks the device last knew and its own.
 *
 * Offline behaviour: recording needs no network; history shows what the device holds.
 */
import { useQuery } from '@tanstack/react-query'
import { useLiveQuery } from 'dexie-react-hooks'
import type { OfficerRef } from '../../shared/api/claims.ts'
import {
  breachResults, checkResponseSchema, historyResponseSchema, resultLabels, type CheckPosition, type CheckRequest, type CurfewResult,
} from '../../shared/api/curfews.ts'
import { apiRequest } from './api-client.ts'
import { db, type CurfewCheckRecord } from './database.ts'
import { addToOutbox, drainOutbox, registerSender } from './outbox.ts'
import { outboxKinds } from './outbox-kinds.ts'
import { serverNowIso } from './server-clock.ts'
import { byCodeUnit } from './text-order.ts'

/** The outbox `ref` of a curfew's checks. */
export function curfewRef(conditionId: string): string {
  return `curfew:${conditionId}`
}

export type NewCurfewCheck = {
  conditionId: string
  personId: string
  personName: string
  result: CurfewResult
  officer: OfficerRef
  /** whether the curfew is in force now, by the shared window rules (the server decides again) */
  inWindow: boolean
  position: CheckPosition | null
  note?: string
  answeredBy?: string
}

export async function recordCurfewCheck(input: NewCurfewCheck): Promise<CurfewCheckRecord> {
  const id = crypto.randomUUID()
  const checkedAt = serverNowIso()
  const note = input.note?.trim() || undefined
  const answeredBy = input.answeredBy?.trim() || undefined
  const request: CheckRequest = { id, result: input.result, checkedAt, ...(input.position ? { position: input.position } : {}), ...(note ? { note } : {}), ...(answeredBy ? { answeredBy } : {}) }
  const record: CurfewCheckRecord = {
    id,
    conditionId: input.conditionId,
    personId: input.personId,
    officer: input.officer,
    result: input.result,
    checkedAt,
    position: input.position ? { lat: input.position.lat, lng: input.position.lng, accuracy: input.position.accuracy ?? null } : null,
    note: note ?? null,
    answeredBy: answeredBy ?? null,
    inWindow: input.inWindow,
    breach: input.inWindow && breachResults.includes(input.result),
    createdAt: checkedAt,
    state: 'pending',
  }
  await db.transaction('rw', db.curfewChecks, db.outbox, async () => {
    await db.curfewChecks.put(record)
    await addToOutbox({
      kind: 'curfew.check', id, payload: { conditionId: input.conditionId, personName: input.personName, check: request },
      ref: curfewRef(input.conditionId), label: `Curfew check of ${input.personName}: ${resultLabels[input.result]}`,
    })
  })
  void drainOutbox()
  return record
}

export function registerCurfewCheckSender(): void {
  registerSender('curfew.check', {
    schema: outboxKinds['curfew.check'],
    send: async ([op]) => {
      if (!op) return
      const { check } = await apiRequest(`/api/curfews/${encodeURIComponent(op.conditionId)}/checks`, checkResponseSchema, { method: 'POST', body: op.check })
      await db.curfewChecks.put({ ...check, state: 'sent' })
    },
    onRejected: async (op) => {
      await db.curfewChecks.update(op.check.id, { state: 'failed' })
    },
  })
}

/** This device's curfew checks of these curfews since `since` (ISO), newest first. */
export function useDeviceCurfewChecks(conditionIds: readonly string[], since: string): CurfewCheckRecord[] | undefined {
  const key = conditionIds.join(',')
  return useLiveQuery(async () => {
    if (key === '') return []
    const rows = await db.curfewChecks.where('conditionId').anyOf(key.split(',')).toArray()
    return rows.filter((r) => r.checkedAt >= since).sort((a, b) => byCodeUnit(b.checkedAt, a.checkedAt))
  }, [key, since])
}

/**
 * A person's curfew checks, newest first: fetched from the server when it can be reached (and kept
 * on the device), with the device's own checks that have not reached the server yet.
 */
export function useCurfewHistory(personId: string) {
  const fetched = useQuery({
    queryKey: ['curfew-history', personId],
    queryFn: async ({ signal }) => {
      const { items } = await apiRequest(`/api/people/${encodeURIComponent(personId)}/curfew-checks`, historyResponseSchema, { signal })
      await db.curfewChecks.bulkPut(items.map((check) => ({ ...check, state: 'sent' as const })))
      return items.length
    },
    retry: false,
    staleTime: 60_000,
  })
  const checks = useLiveQuery(async () => {
    const rows = await db.curfewChecks.where('personId').equals(personId).toArray()
    return rows.sort((a, b) => byCodeUnit(b.checkedAt, a.checkedAt))
  }, [personId])
  return { checks, online: fetched.isSuccess, failed: fetched.isError }
}
