/**
 * The audit trail of profile views on the device (Data Protection Act 2018 s.62): who looked at
 * which person, vehicle or address record, when, and why. Every view is written to the outbox with
 * a client-made opId before the record is shown, and sent in batches; the server stores each once.
 *
 * Offline behaviour: a view made offline is recorded with `online: false` and uploaded when the
 * device is next online. A sign-out first gives the outbox a few seconds to send waiting records.
 */
import type { Reason, ViewRecord } from '../../shared/api/audit.ts'
import type { SubjectKind } from '../../shared/api/intel.ts'
import { maxViewRecordsPerRequest, sendViewRecords } from './api/send-view-records.ts'
import { db } from './database.ts'
import { addToOutbox, drainOutbox, registerSender } from './outbox.ts'
import { outboxKinds } from './outbox-kinds.ts'
import { serverNowIso } from './server-clock.ts'

const subjectNames: Record<SubjectKind, string> = { person: 'person', vehicle: 'vehicle', address: 'address' }

export async function recordProfileView(subjectKind: SubjectKind, subjectId: string, reason: Reason, subjectLabel: string): Promise<void> {
  const record: ViewRecord = {
    opId: crypto.randomUUID(),
    at: serverNowIso(),
    subjectKind,
    subjectId,
    reason: reason.text ? { code: reason.code, text: reason.text.slice(0, 500) } : { code: reason.code },
    online: navigator.onLine,
  }
  await db.transaction('rw', db.outbox, () =>
    addToOutbox({ kind: 'audit.view', id: record.opId, payload: record, ref: `${subjectKind}:${subjectId}`, label: `Record of viewing the ${subjectNames[subjectKind]} record ${subjectLabel}` }),
  )
  void drainOutbox()
}

export function registerProfileViewSender(): void {
  registerSender('audit.view', {
    schema: outboxKinds['audit.view'],
    batchSize: maxViewRecordsPerRequest,
    send: sendViewRecords,
  })
}
