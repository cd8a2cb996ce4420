/**
 * A real Kestrel app over a real store for integration tests, with one account per role (password
 * `kestrel-demo`) and a sign-in helper that returns the session cookie.
 */
import argon2 from 'argon2'
import type { Role } from '../../shared/api/auth.ts'
import { buildApp } from '../app.ts'
import { loadConfig, type Config } from '../config.ts'
import { createTestStore, type TestStore } from './stores.ts'

export const TEST_PASSWORD = 'kestrel-demo'
export const testAccounts: { collarNumber: string; role: Role; name: string; isDemo: number }[] = [
  { collarNumber: '1001', role: 'officer', name: 'PC Test One', isDemo: 1 },
  { collarNumber: '1002', role: 'officer', name: 'PC Test Two', isDemo: 1 },
  { collarNumber: '2001', role: 'supervisor', name: 'Sgt Test', isDemo: 1 },
  { collarNumber: '3001', role: 'analyst', name: 'Analyst Test', isDemo: 1 },
  { collarNumber: '4001', role: 'admin', name: 'Admin Test', isDemo: 1 },
  { collarNumber: '5001', role: 'officer', name: 'PC Real Account', isDemo: 0 },
]
export const collarFor = (role: Role) => testAccounts.find((a) => a.role === role)!.collarNumber

let passwordHash: Promise<string> | undefined
/** A cheap argon2id hash for fixture accounts: tests sign in hundreds of times; real hashes keep the defaults. */
export const testPasswordHash = () => argon2.hash(TEST_PASSWORD, { memoryCost: 4096, timeCost: 1, parallelism: 1 })

export async function createTestApp(kind: 'sqlite' | 'postgres', overrides: Partial<Config> = {}) {
  const testStore: TestStore = await createTestStore(kind)
  const { store } = testStore
  passwordHash ??= testPasswordHash()
  const hash = await passwordHash
  await store.db.insertInto('areas').values({ id: 'test-area', name: 'Test Area', boundary: '[]' }).execute()
  await store.db.insertInto('users').values(testAccounts.map((a) => ({
    collarNumber: a.collarNumber, name: a.name, role: a.role, areaId: 'test-area', passwordHash: hash,
    isDemo: a.isDemo, lockedUntil: null, createdAt: new Date().toISOString(),
  }))).execute()
  // The role matrix signs in hundreds of times from one address; the rate-limit test sets its own limit.
  const config: Config = { ...loadConfig({ NODE_ENV: 'test' }), clientDir: '/nonexistent-client', loginRateLimitPerMinute: 100_000, ...overrides, store: testStore.config }
  const app = await buildApp({ config, store, closeStore: false, logger: false })
  await app.ready()

  async function signIn(collarNumber: string, password = TEST_PASSWORD) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber, password } })
    const cookie = response.cookies.find((c) => c.name === 'kestrel_session')
    if (response.statusCode !== 200 || !cookie) throw new Error(`sign-in of ${collarNumber} failed: ${response.statusCode} ${response.body}`)
    return { kestrel_session: cookie.value }
  }

  return {
    app,
    store,
    config,
    signIn,
    close: async () => {
      await app.close()
      await testStore.cleanup()
    },
  }
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>
