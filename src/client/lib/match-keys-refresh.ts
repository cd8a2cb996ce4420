/**
 * Keeping the device's search keys in step with the shared matching module: when the keys' recipe
 * changes (`MATCH_KEYS_VERSION`), a new version of the app remakes every cached person's keys once,
 * at start, so offline checks keep finding the people online checks find. People stored by sync
 * already get keys from the current recipe (lib/person-match-keys.ts).
 *
 * Offline behaviour: needs no network; it runs in one Dexie transaction, so the keys are all old
 * or all new.
 */
import { MATCH_KEYS_VERSION } from '../../shared/matching/keys.ts'
import { db } from './database.ts'
import { matchFieldsOf } from './person-match-keys.ts'

export async function refreshMatchKeys(): Promise<void> {
  await db.transaction('rw', db.people, db.deviceMeta, async () => {
    const state = await db.deviceMeta.get('matchKeys')
    if (state?.key === 'matchKeys' && state.version === MATCH_KEYS_VERSION) return
    await db.people.toCollection().modify((person) => {
      Object.assign(person, matchFieldsOf(person))
    })
    await db.deviceMeta.put({ key: 'matchKeys', version: MATCH_KEYS_VERSION })
  })
}

/** Called once at start; a failure is logged, and the next start tries again. */
export function startMatchKeysRefresh(): void {
  refreshMatchKeys().catch((error: unknown) => console.error('Kestrel: could not refresh the search keys of cached people', error))
}
