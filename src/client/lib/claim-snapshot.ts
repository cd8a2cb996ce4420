/**
 * The last claim state this device knew, kept in Dexie (`claimSnapshot`, one row) so that a reload
 * with no network still shows who was collecting whom, labelled with the time it was known ("as of
 * 14:05, may be out of date") instead of "not known". The claims store writes it after each fetch
 * and live change and reads it once at start.
 *
 * Offline behaviour: this is the offline copy. It belongs to one officer (a snapshot made for
 * another is never shown), a snapshot older than the longest session is from an earlier shift and
 * is not shown, and nothing is written once the device has no signed-in account: the device erase
 * clears the table with the rest of the database, and a write landing after the erase finds no
 * account and writes nothing.
 */
import { z } from 'zod'
import { claimSchema } from '../../shared/api/claims.ts'
import { applyClaim, emptyClaimState, type ClaimState } from './claims-state.ts'
import { db, type ClaimSnapshotRecord } from './database.ts'
import { serverNow } from './server-clock.ts'

/** A session lasts 12 hours at most: an older snapshot belongs to an earlier shift. */
export const snapshotMaxAgeMs = 12 * 3_600_000

/** What a restored snapshot gives the claims store. */
export type RestoredClaims = { claims: ClaimState; asOf: number }

// What IndexedDB holds may have been written by an older version of the app: check it.
const storedSchema = z.object({ key: z.literal('current'), userId: z.number(), claims: z.array(claimSchema), asOf: z.number() })

/** The row to store for this state. Only active claims are kept; ended ones only matter live. */
export function snapshotRecord(state: ClaimState, asOf: number, userId: number): ClaimSnapshotRecord {
  return { key: 'current', userId, claims: [...state.active.values()], asOf }
}

/** The claim state in a stored row, or null when it is unreadable, another officer's, or too old. */
export function restoreSnapshot(record: unknown, userId: number | null, now: number): RestoredClaims | null {
  if (record === undefined || userId === null) return null
  const parsed = storedSchema.safeParse(record)
  if (!parsed.success || parsed.data.userId !== userId) return null
  const { claims, asOf } = parsed.data
  if (now - asOf > snapshotMaxAgeMs) return null
  let state = emptyClaimState
  for (const claim of claims) if (claim.status === 'active') state = applyClaim(state, claim)
  return { claims: state, asOf }
}

/**
 * A restored snapshot under what this page already learnt since it started (live events, the
 * officer's own claims): those are newer, so they win, and a claim this page saw end stays ended.
 */
export function underCurrent(restored: ClaimState, current: ClaimState): ClaimState {
  let state: ClaimState = { active: new Map(), ended: current.ended }
  for (const claim of restored.active.values()) state = applyClaim(state, claim)
  for (const claim of current.active.values()) state = applyClaim(state, claim)
  return state
}

/** The signed-in officer's snapshot, or null. */
export async function loadClaimSnapshot(now: number = serverNow()): Promise<RestoredClaims | null> {
  const [account, record] = await db.transaction('r', db.account, db.claimSnapshot, () =>
    Promise.all([db.account.get('current'), db.claimSnapshot.get('current')]),
  )
  return restoreSnapshot(record, account?.user.id ?? null, now)
}

/** Keep this state for the signed-in officer; with no account on the device (erased), do nothing. */
export async function saveClaimSnapshot(state: ClaimState, asOf: number): Promise<void> {
  await db.transaction('rw', db.account, db.claimSnapshot, async () => {
    const account = await db.account.get('current')
    if (!account) return
    await db.claimSnapshot.put(snapshotRecord(state, asOf, account.user.id))
  })
}
