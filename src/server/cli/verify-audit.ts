/**
 * `npm run audit:verify`: walk the configured database's audit trail from the first record and
 * prove the hash chain is whole. Exit code 0 and the record count when it is; exit code 2 and the
 * first broken record (altered, missing or out of order) when it is not.
 */
import { storeConfigFrom } from '../config.ts'
import { verifyAuditChain } from '../store/audit.ts'
import { openStore } from '../store/db.ts'

const store = openStore(storeConfigFrom())
try {
  const verdict = await verifyAuditChain(store.db)
  if (verdict.ok) {
    console.log(`Audit trail verified: ${verdict.records.toLocaleString('en-GB')} records, chain unbroken (${store.dialect} at ${store.location}).`)
  } else {
    console.error(`Audit trail BROKEN at record ${verdict.brokenAt} (after ${verdict.records.toLocaleString('en-GB')} good records): ${verdict.why}.`)
    process.exitCode = 2
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
} finally {
  await store.destroy()
}
