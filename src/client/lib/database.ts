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
 * Version 9 replaces version 4's `matchKeys` and `birthYear` indexes with one, `yearKeys`: each
 * search key with the person's birth year (`n:smith|1980`), so an offline check with a date reads
 * only the entries of the years it searches instead of every entry of its keys and every person
 * born in those years (bench/checks.ts). The upgrade drops the old fields and the record of which
 * recipe made the keys, so every cached person's keys are remade at the next start
 * (lib/match-keys-refresh.ts). Only version 9 is declared: Dexie 4 works from the schema a device
 * holds, so versions 1 to 8, which had no upgrade of their own left, are folded into it.
 *
 * Version 4 is for on-the-spot checks made offline: every person carries their search keys
 * (`matchKeys`, a multi-entry index) and birth year (an index), computed on the device from the
 * shared matching module when the package is stored (lib/person-match-keys.ts), and people already
 * on the device get them at start (lib/match-keys-refresh.ts). `checkReasons` keeps the force's list of reasons for a
 * check, as the server last sent it, so the reason picker works offline.
 *
 * Version 7 adds audio notes (lib/notes-store.ts): `notes`, the officer's notes made on this device
 * (draft, recording or saved, with transcript, attachment, position and upload progress), and
 * `noteChunks`, each recording's pieces as MediaRecorder hands them over (about one a second), so a
 * note being recorded survives a reload, a crash or a flat battery up to its last second. Not part
 * of the package; the device erase clears both with the rest.
 *
 * Version 5 adds `promptLog`: every geofence prompt patrol mode gave on this device (when, where,
 * which fences, and whether it was spoken), for the officer's own prompt history
 * (lib/patrol-mode.ts). It is not part of the package; the device erase clears it with the rest.
 *
 * Version 6 adds `curfewChecks`: curfew door-knocks, the officer's own as they are recorded (state
 * `pending` until the outbox has sent them) and those the server listed in a person's history, so
 * the curfew list and the profile show them offline (lib/curfew-checks.ts). Not part of the package;
 * the device erase clears it with the rest.
 *
 * Version 8 adds `trendCells`: the package's crime-trend cells (H3 cells of the officer's area for
 * the latest month, as GET /api/crime/trends describes them), so the crime map works offline and
 * patrol mode can fence rising cells. A package that carries cells replaces the whole set (a full
 * sync always does); `meta.trendPeriod` says which month and baseline they describe.
 */
import { Dexie } from 'dexie'
import type { EntityTable, Table } from 'dexie'
import type { User } from '../../shared/api/auth.ts'
import type { Claim } from '../../shared/api/claims.ts'
import type { TrendCellRecord } from '../../shared/api/crime.ts'
import type { CurfewCheck } from '../../shared/api/curfews.ts'
import type { AddressRecord, BriefingItem, MarkerType, PersonRecord, VehicleRecord } from '../../shared/api/intel.ts'
import type { Basemap } from '../../shared/api/map.ts'
import type { NoteAttachmentKind, NotePosition } from '../../shared/api/notes.ts'
import type { PromptFence } from '../../shared/geofence/fences.ts'
import type { CachedPerson } from './person-match-keys.ts'

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
  /** What the stored `trendCells` describe; absent until a package carried cells. */
  trendPeriod?: TrendPeriod | null
  /**
   * Whether a download pass found every photo and document of this package on the device. A sync
   * that changes nothing keeps it, so opening the app does not read every person to check again.
   */
  mediaComplete?: boolean
}

/** The month, baseline and cell size of the package's trend cells (and the area, null for the force). */
export type TrendPeriod = { month: string; baselineMonths: number; resolution: number; areaId: string | null }

/** One crime-trend cell from the package, stored as the server sent it (keyed by H3 index). */
export type TrendCellRow = TrendCellRecord

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

/** An audio note on this device (lib/notes-store.ts). */
export type NoteRecord = {
  /** Client-made UUID, also the server's id for the note. */
  id: string
  /** The author (`User.id`): a note is only ever shown to the officer who made it on this device. */
  userId: number
  text: string
  /** ISO time the note was started. */
  recordedAt: string
  attachedTo: { kind: NoteAttachmentKind; id: string; label: string } | null
  /** `kind:id` of the attachment, '' when stand-alone (an index: IndexedDB cannot index null). */
  attachedKey: string
  position: NotePosition | null
  /** recording: MediaRecorder is (or was, before a crash) running; draft: being edited; saved: queued or sent. */
  stage: 'recording' | 'draft' | 'saved'
  /** live: from speech recognition; typed: written or corrected by hand; not-transcribed: audio only, no text yet. */
  transcription: 'live' | 'typed' | 'not-transcribed'
  /** Base content type of the recording (audio/webm...), null for a typed note. */
  audioType: string | null
  /** Bytes recorded so far, and how many the server has taken. */
  audioBytes: number
  audioSent: number
  /** Why the recording stopped early or could not start, for the officer. */
  problem: string | null
  updatedAt: string
}

/** One piece of a recording, in order. */
export type NoteChunkRecord = { noteId: string; index: number; blob: Blob }

/**
 * The basemap PMTiles archive saved on this device for offline use (lib/basemap.ts): which archive
 * (absolute URL) and which version of it, its size, and when it was saved (ms since epoch).
 */
export type BasemapDownloadRecord = { key: 'basemapDownload'; url: string; version: string | null; bytes: number; savedAt: number }

/**
 * Bookkeeping of this device, by key: `matchKeys` is the recipe version of the people's search
 * keys; `basemap` the server's last word on the maps' basemap (GET /api/config/map), so the maps
 * draw the same basemap offline; `basemapDownload` the archive saved for offline use.
 */
export type DeviceMetaRecord =
  | { key: 'matchKeys'; version: string }
  | { key: 'basemap'; basemap: Basemap }
  | BasemapDownloadRecord

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
  declare deviceMeta: Table<DeviceMetaRecord, DeviceMetaRecord['key']>
  declare notes: EntityTable<NoteRecord, 'id'>
  declare noteChunks: Table<NoteChunkRecord, [string, number]>
  declare curfewChecks: EntityTable<CurfewCheckRecord, 'id'>
  declare promptLog: EntityTable<PromptLogRecord, 'seq'>
  declare trendCells: EntityTable<TrendCellRow, 'cell'>

  constructor() {
    super(kestrelDatabaseName)
    // Versions 1 to 8 are folded into 9: Dexie 4 upgrades from the schema a device actually holds,
    // so only a version with an upgrade need be declared, and declaring nine cost a slow phone
    // about 100 ms of every start.
    this.version(9)
      .stores({
        account: 'key',
        pin: 'key',
        people: 'id, surname, areaId, *yearKeys',
        vehicles: 'id, vrm, keeperPersonId',
        addresses: 'id, postcode',
        briefingItems: 'id, priority, validFrom, validTo',
        markerTypes: 'code',
        areas: 'id',
        meta: 'key',
        outbox: '++seq, &id, kind, state, ref',
        claimSnapshot: 'key',
        checkReasons: 'code',
        deviceMeta: 'key',
        promptLog: '++seq, at',
        curfewChecks: 'id, personId, conditionId, checkedAt',
        notes: 'id, recordedAt, attachedKey, stage',
        noteChunks: '[noteId+index], noteId',
        trendCells: 'cell, trend',
      })
      .upgrade(async (tx) => {
        // Version 4's fields go; the keys are remade at start (lib/match-keys-refresh.ts), which
        // keeps the matching code out of the start of the app.
        await tx
          .table<PersonRecord & { matchKeys?: string[]; birthYear?: number }, string>('people')
          .toCollection()
          .modify((person) => {
            delete person.matchKeys
            delete person.birthYear
          })
        await tx.table<DeviceMetaRecord, string>('deviceMeta').delete('matchKeys')
      })
  }
}

/** The tables the briefing package fills; a full sync replaces all of them. */
export const packageTableNames = ['people', 'vehicles', 'addresses', 'briefingItems', 'markerTypes', 'areas', 'meta', 'trendCells'] as const

export const db = new KestrelDatabase()
