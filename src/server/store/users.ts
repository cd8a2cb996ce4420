/**
 * Accounts: look-up by collar number, failed-login counting and lockout, and the admin's list.
 */
import type { Kysely } from 'kysely'
import type { Database, UserRow } from './schema.ts'

export function findUserByCollar(db: Kysely<Database>, collarNumber: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('collarNumber', '=', collarNumber).executeTakeFirst()
}

/** Counts one failed sign-in; when it reaches `attempts`, locks the account until `lockUntil`. */
export async function recordFailedLogin(db: Kysely<Database>, userId: number, attempts: number, lockUntil: string): Promise<{ locked: boolean }> {
  const row = await db.updateTable('users')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failedLogins')
    .executeTakeFirstOrThrow()
  if (row.failedLogins < attempts) return { locked: false }
  await db.updateTable('users').set({ lockedUntil: lockUntil, failedLogins: 0 }).where('id', '=', userId).execute()
  return { locked: true }
}

export async function clearFailedLogins(db: Kysely<Database>, userId: number): Promise<void> {
  await db.updateTable('users').set({ failedLogins: 0, lockedUntil: null }).where('id', '=', userId).execute()
}

export async function listUsers(db: Kysely<Database>, query: string | undefined, now: string, limit = 100) {
  let q = db.selectFrom('users')
    .leftJoin('sessions', (join) => join.onRef('sessions.userId', '=', 'users.id')
      .on('sessions.revokedAt', 'is', null)
      .on('sessions.expiresAt', '>', now))
    .select((eb) => [
      'users.collarNumber', 'users.name', 'users.role', 'users.areaId', 'users.lockedUntil',
      eb.fn.count<number>('sessions.id').as('activeSessions'),
    ])
    .groupBy(['users.id', 'users.collarNumber', 'users.name', 'users.role', 'users.areaId', 'users.lockedUntil'])
    .orderBy('users.collarNumber')
    .limit(limit)
  const text = query?.trim()
  if (text) {
    const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) => eb.or([
      eb('users.collarNumber', 'like', like),
      eb(eb.fn('lower', ['users.name']), 'like', like),
    ]))
  }
  const rows = await q.execute()
  return rows.map((r) => ({
    ...r,
    activeSessions: Number(r.activeSessions),
    lockedUntil: r.lockedUntil && r.lockedUntil > now ? r.lockedUntil : null,
  }))
}
