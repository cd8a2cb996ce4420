/**
 * Server-side sessions. The cookie holds a random token; the database holds only its SHA-256, so a
 * copy of the database cannot be replayed as live sessions. Sessions are revocable and last at most
 * the configured number of hours from sign-in (absolute, not sliding).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from './schema.ts'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createSession(db: Kysely<Database>, userId: number, hours: number, userAgent: string | null) {
  const token = randomBytes(32).toString('base64url')
  const now = new Date()
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString()
  await db.insertInto('sessions').values({
    id: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt,
    lastSeenAt: now.toISOString(),
    revokedAt: null,
    userAgent: userAgent?.slice(0, 300) ?? null,
  }).execute()
  return { token, expiresAt }
}

export type SessionLookup =
  | { status: 'valid'; sessionId: string; expiresAt: string; lastSeenAt: string; user: UserRow }
  | { status: 'missing' | 'expired' | 'revoked' }

export async function findSession(db: Kysely<Database>, token: string, now: string): Promise<SessionLookup> {
  const row = await db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('users')
    .select(['sessions.id as sessionId', 'sessions.expiresAt', 'sessions.revokedAt', 'sessions.lastSeenAt'])
    .where('sessions.id', '=', hashToken(token))
    .executeTakeFirst()
  if (!row) return { status: 'missing' }
  if (row.revokedAt) return { status: 'revoked' }
  if (row.expiresAt <= now) return { status: 'expired' }
  const { sessionId, expiresAt, revokedAt: _revoked, lastSeenAt, ...user } = row
  return { status: 'valid', sessionId, expiresAt, lastSeenAt, user }
}

export async function touchSession(db: Kysely<Database>, sessionId: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', sessionId).execute()
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revokedAt: now }).where('id', '=', sessionId).where('revokedAt', 'is', null).execute()
}

export async function revokeUserSessions(db: Kysely<Database>, userId: number, now: string): Promise<number> {
  const result = await db.updateTable('sessions').set({ revokedAt: now })
    .where('userId', '=', userId).where('revokedAt', 'is', null).where('expiresAt', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
