/**
 * The device's Kestrel database (IndexedDB through Dexie), named `kestrel`. It is a cache of what
 * this officer needs on this device, never the source of truth, and the device erase deletes it.
 *
 * Offline behaviour: everything here is readable with no network. The last `/api/me` answer is kept
 * so that a reload while offline opens the signed-in app (behind the lock screen rules) instead of
 * the sign-in page. The app PIN's verifier lives here too and nowhere else: it never leaves the
 * device. Features add their own tables in later schema versions.
 */
import { Dexie } from 'dexie'
import type { EntityTable } from 'dexie'
import type { User } from '../../shared/api/auth.ts'

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

export class KestrelDatabase extends Dexie {
  // `declare` rather than a class field: a field initialiser would overwrite the tables Dexie
  // attaches in its constructor (ES2022 class-field semantics).
  declare account: EntityTable<AccountRecord, 'key'>
  declare pin: EntityTable<PinRecord, 'key'>

  constructor() {
    super(kestrelDatabaseName)
    this.version(1).stores({
      account: 'key',
      pin: 'key',
    })
  }
}

export const db = new KestrelDatabase()
