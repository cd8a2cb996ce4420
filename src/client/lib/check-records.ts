/**
 * The audit trail of checks made offline (Data Protection Act 2018 s.62): a check run on the
 * device is recorded in the outbox, with its `checkId` as the op id, in the same Dexie transaction
 * as anything else the check writes, and uploaded in batches to `POST /api/audit/checks` when the
 * device is next online. The server stores each record once by its `checkId`, so a replay is
 * harmless. Checks made online are recorded by the server itself and never pass through here.
 *
 * Offline behaviour: the record waits on the device until the outbox next runs with a connection;
 * a sign-out first gives the outbox a few seconds to send it.
 */
import { z } from 'zod'
import type { OfflineCheckRecord } from '../../shared/api/checks.ts'
import { apiRequest } from './api-client.ts'
import { db } from './database.ts'
import { addToOutbox, drainOutbox, registerSender } from './outbox.ts'
import { outboxKinds } from './outbox-kinds.ts'

/** The server's limit per request (offlineCheckRecordsRequestSchema). */
const maxCheckRecordsPerRequest = 500

const kindNames: Record<OfflineCheckRecord['kind'], string> = { person: 'person', vehicle: 'vehicle', address: 'address' }

/** Queue the audit record of a check made on the device; `subject` names what was checked, in words. */
export async function queueOfflineCheckRecord(record: OfflineCheckRecord, subject: string): Promise<void> {
  await db.transaction('rw', db.outbox, () =>
    addToOutbox({ kind: 'audit.check', id: record.checkId, payload: record, ref: `check:${record.checkId}`, label: `Record of your offline ${kindNames[record.kind]} check “${subject}”` }),
  )
  void drainOutbox()
}

async function sendCheckRecords(records: OfflineCheckRecord[]): Promise<void> {
  // The answer (how many were stored) is not needed: a replay stores nothing twice.
  await apiRequest('/api/audit/checks', z.unknown(), { method: 'POST', body: { records } })
}

export function registerCheckRecordSender(): void {
  registerSender('audit.check', {
    schema: outboxKinds['audit.check'],
    batchSize: maxCheckRecordsPerRequest,
    send: sendCheckRecords,
  })
}
