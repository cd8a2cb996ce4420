/**
 * The demo force's accounts: 200 officers, 10 supervisors, 5 analysts and an admin, identified by
 * collar number and spread evenly over the areas (the admin has none). Every demo account shares
 * the one published demo password, so the seed hashes it once with argon2id and gives every account
 * that hash: hashing 216 times would cost about 20 seconds and protect nothing, since the password
 * is the same and public. Accounts are not scaled down: end-to-end tests sign in as any of them.
 */
import { randomBytes } from 'node:crypto'
import { argon2id, hash } from 'argon2'
import type { Insertable } from 'kysely'
import type { Role } from '../../shared/api/auth.ts'
import type { UserTable } from '../store/schema.ts'
import { demoAreas } from './areas.ts'
import { randomName } from './names.ts'
import { chance, type Random } from './random.ts'

export type DemoAccountRange = { range: string; role: Role; count: number; first: number; title: string; hasArea: boolean }

const ranges: readonly DemoAccountRange[] = [
  { range: '1001-1200', role: 'officer', count: 200, first: 1001, title: 'PC', hasArea: true },
  { range: '2001-2010', role: 'supervisor', count: 10, first: 2001, title: 'Sgt', hasArea: true },
  { range: '3001-3005', role: 'analyst', count: 5, first: 3001, title: 'Analyst', hasArea: true },
  { range: '4001', role: 'admin', count: 1, first: 4001, title: 'Admin', hasArea: false },
]

/** For printing the demo logins. */
export const demoAccounts: { range: string; role: Role; count: number }[] = ranges.map(({ range, role, count }) => ({ range, role, count }))

/**
 * Starts hashing on the thread pool at once. The salt is made here, synchronously: left to argon2,
 * it is made asynchronously first, and the hash would not start until the seed next yields.
 */
export function hashDemoPassword(password: string): Promise<string> {
  return hash(password, { type: argon2id, salt: randomBytes(16) })
}

/** The accounts without their password hash, which `hashDemoPassword` makes meanwhile. */
export function generateAccounts(r: Random, createdAt: string): Omit<Insertable<UserTable>, 'passwordHash'>[] {
  return ranges.flatMap(({ role, count, first, title, hasArea }) => Array.from({ length: count }, (_, i) => {
    const { forenames, surname } = randomName(r, chance(r, 0.6) ? 'M' : 'F')
    return {
      collarNumber: String(first + i),
      name: `${title} ${forenames.split(' ')[0]} ${surname}`,
      role,
      areaId: hasArea ? demoAreas[i % demoAreas.length].id : null,
      isDemo: 1,
      createdAt,
    }
  }))
}
