/**
 * The device's Kestrel database (IndexedDB through Dexie), named `kestrel`. It is a cache of what
 * this officer needs on this device, never the source of truth, and the device erase deletes it.
 *
 * Offline behaviour: everything here is readable with no network. The last `/api/me` answer is kept
 * so that a reload while offline opens the signed-in app (behind the lock screen rules) instead of
 * the sign-in page. The app PIN's verifier lives here too and nowhere else: it never leaves the
 * device. Features add their own tables in later schema versions.
 *
 * Version 2 adds the briefing package (people, vehicles, addresses, briefing items and their
 * reference lists, stored exactly as the sync contract sends them, so a profile opened offline
 * shows what it would show online), the package's `meta` row (sync cursor and expiry), and the
 * outbox of writes waiting for the server (lib/outbox.ts). Sync replaces or patches the package
 * tables in one transaction with the new cursor, so the device never holds half a package.
 *
 * Version 3 adds `claimSnapshot`: the last claim state this device knew (lib/claim-snapshot.ts), so
 * a reload with no network shows who was collecting whom, labelled with the time it was known. It
 * is not part of the package (a full sync leaves it alone), and the device erase clears it with
 * every other table.
 *
 * Version 4 is for on-the-spot checks made offline: every person carries their search keys
 * (`matchKeys`, a multi-entry index) and birth year (an index), computed on the device from the
 * shared matching module when the package is stored (lib/person-match-keys.ts), and people already
 * on the device get them in the upgrade. `checkReasons` keeps the force's list of reasons for a
 * check, as the server last sent it, so the reason picker works offline.
 *
 * Version 5 adds `promptLog`: every geofence prompt patrol mode gave on this device (when, where,
 * which fences, and whether it was spoken), for the officer's own prompt history
 * (lib/patrol-mode.ts). It is not part of the package; the device erase clears it with the rest.
 *
 * Version 6 adds `curfewChecks`: curfew door-knocks, the officer's own as they are recorded (state
 * `pending` until the outbox has sent them) and those the server listed in a person's history, so
 * the curfew list and the profile show them offline (lib/curfew-checks.ts). Not part of the package;
 * the device erase clears it with the rest.
 */
import { Dexie } from 'dexie'
import type { EntityTable } from 'dexie'
import type { User } from '../../shared/api/auth.ts'
import type { Claim } from '../../shared/api/claims.ts'
import type { CurfewCheck } from '../../shared/api/curfews.ts'
import type { AddressRecord, BriefingItem, MarkerType, PersonRecord, VehicleRecord } from '../../shared/api/intel.ts'
import type { PromptFence } from '../../shared/geofence/fences.ts'
import { matchFieldsOf, type CachedPerson } from './person-match-keys.ts'

export const kestrelDatabaseName = 'kestrel'

/** The signed-in officer as the server last described them. One row, key 'current'. */
export type AccountRecord = {
  key: 'current'
  user: User
  /** ISO time the server session ends, when known. */
  expiresAt: string | null
  /** When the server last confirmed this session (ms since epoch). */
  confirmedAt: number
}

/** The app PIN's verifier: PBKDF2 output and its parameters. One row, key 'current'. */
export type PinRecord = {
  key: 'current'
  algorithm: 'PBKDF2-SHA-256'
  iterations: number
  /** Base64. */
  salt: string
  /** Base64. */
  hash: string
  createdAt: number
}

export type AreaRecord = { id: string; name: string }

/** What the last sync did, for Settings and for tests. */
export type SyncStats = {
  full: boolean
  /** Records put plus ids removed. */
  rows: number
  durationMs: number
}

/** The briefing package's bookkeeping. One row, key 'package'; absent until the first sync. */
export type PackageMeta = {
  key: 'package'
  /** Opaque server cursor, sent back on the next sync. */
  cursor: string
  /** The server's time for the package (ISO): what "Last updated" shows. */
  lastSyncAt: string
  /** After this (ISO) nothing of the package is shown without a fresh sync. */
  staleAfter: string
  /** Whether the browser promised to keep Kestrel's storage, asked at the first sync. */
  persisted: boolean | null
  lastSync: SyncStats
}

export type OutboxState = 'pending' | 'failed'

/**
 * One write waiting for the server. `payload` is what the kind's sender needs; `label` says in the
 * officer's words what it is, so a failed op can be shown without knowing its kind.
 */
export type OutboxRecord = {
  /** Auto-increment: the order ops are sent in. */
  seq: number
  /** Client-made UUID; the server stores each op once by it. */
  id: string
  kind: string
  payload: unknown
  /** What the op concerns, e.g. `briefing-item:<id>`, so a screen can show its ops' state. */
  ref: string | null
  label: string
  createdAt: string
  attempts: number
  lastError: string | null
  state: OutboxState
  /** ms since epoch before which a retry is not attempted (backoff). */
  nextAttemptAt: number
}

/**
 * The last claim state this device knew. One row, key 'current'; written by the claims store after
 * each fetch and live change, read at start.
 */
export type ClaimSnapshotRecord = {
  key: 'current'
  /** The officer it was fetched for (`User.id`): another officer's snapshot is never shown. */
  userId: number
  /** The active claims, one per person. */
  claims: Claim[]
  /** When this state was last known to be current (ms since epoch): a fetch or a live event. */
  asOf: number
}

/** One reason an officer may give for a check, as the server lists them (GET /api/checks/reasons). */
export type CheckReasonRecord = { code: string; label: string; order: number }

/** One geofence prompt as given on this device (lib/patrol-mode.ts). */
export type PromptLogRecord = {
  /** Auto-increment. */
  seq: number
  /** ms since epoch. */
  at: number
  lat: number
  lng: number
  accuracyM: number
  sentence: string
  fences: Pick<PromptFence, 'id' | 'label' | 'reason' | 'priority' | 'target'>[]
  /** How it reached the officer: spoken, or on screen only (and why). */
  delivery: 'spoken' | 'muted' | 'quiet' | 'no-voice'
}

/** A curfew check on this device: recorded here and waiting to send, sent, refused, or from the server. */
export type CurfewCheckRecord = CurfewCheck & { state: 'pending' | 'sent' | 'failed' }

export class KestrelDatabase extends Dexie {
  // `declare` rather than a class field: a field initialiser would overwrite the tables Dexie
  // attaches in its constructor (ES2022 class-field semantics).
  declare account: EntityTable<AccountRecord, 'key'>
  declare pin: EntityTable<PinRecord, 'key'>
  declare people: EntityTable<CachedPerson, 'id'>
  declare vehicles: EntityTable<VehicleRecord, 'id'>
  declare addresses: EntityTable<AddressRecord, 'id'>
  declare briefingItems: EntityTable<BriefingItem, 'id'>
  declare markerTypes: EntityTable<MarkerType, 'code'>
  declare areas: EntityTable<AreaRecord, 'id'>
  declare meta: EntityTable<PackageMeta, 'key'>
  declare outbox: EntityTable<OutboxRecord, 'seq'>
  declare claimSnapshot: EntityTable<ClaimSnapshotRecord, 'key'>
  declare checkReasons: EntityTable<CheckReasonRecord, 'code'>
  declare curfewChecks: EntityTable<CurfewCheckRecord, 'id'>
  declare promptLog: EntityTable<PromptLogRecord, 'seq'>

  constructor() {
    super(kestrelDatabaseName)
    this.version(1).stores({
      account: 'key',
      pin: 'key',
    })
    this.version(2).stores({
      people: 'id, surname, areaId',
      vehicles: 'id, vrm, keeperPersonId',
      addresses: 'id, postcode',
      briefingItems: 'id, priority, validFrom, validTo',
      markerTypes: 'code',
      areas: 'id',
      meta: 'key',
      outbox: '++seq, &id, kind, state, ref',
    })
    this.version(3).stores({
      claimSnapshot: 'key',
    })
    this.version(4)
      .stores({
        people: 'id, surname, areaId, birthYear, *matchKeys',
        checkReasons: 'code',
      })
      .upgrade((tx) =>
        tx
          .table<PersonRecord & Partial<CachedPerson>, string>('people')
          .toCollection()
          .modify((person) => {
            Object.assign(person, matchFieldsOf(person))
          }),
      )
    this.version(5).stores({
      promptLog: '++seq, at',
    })
    this.version(6).stores({
      curfewChecks: 'id, personId, conditionId, checkedAt',
    })
  }
}

/** The tables the briefing package fills; a full sync replaces all of them. */
export const packageTableNames = ['people', 'vehicles', 'addresses', 'briefingItems', 'markerTypes', 'areas', 'meta'] as const

export const db = new KestrelDatabase()
