/**
 * Server settings, read once from the environment. The server, `npm run seed`, `npm run migrate`
 * and every import command read the same settings, so a command always acts on the database the
 * server uses.
 */
import path from 'node:path'

export type StoreConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema?: string }

export type Config = {
  port: number
  host: string
  production: boolean
  demoAllowed: boolean
  demoPassword: string
  store: StoreConfig
  sessionHours: number
  idleLockMinutes: number
  maxPinAttempts: number
  loginRateLimitPerMinute: number
  lockoutAttempts: number
  lockoutMinutes: number
  trustProxy: boolean
  cookieSecure: boolean | 'auto'
  clientDir: string
  bodyLimitBytes: number
  logLevel: string
  /** how far ahead the briefing package reaches for items that start later in the shift */
  packageLookaheadHours: number
  /** cached briefing data is not shown this long after its sync without a fresh one */
  staleHours: number
  /** a claim lapses this long after it was made or last renewed */
  claimTtlMinutes: number
  /** how often the server lapses expired claims */
  lapseCheckSeconds: number
  /** how long the event log keeps events for streams to replay */
  eventRetentionDays: number
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

export function storeConfigFrom(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const url = env.DATABASE_URL
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
    return { kind: 'postgres', url }
  }
  return { kind: 'sqlite', path: path.resolve(env.DATABASE_PATH ?? 'data/kestrel.db') }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production'
  return {
    port: numberFrom(env, 'PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    production,
    demoAllowed: !production || env.DEMO === '1',
    demoPassword: env.DEMO_PASSWORD ?? 'kestrel-demo',
    store: storeConfigFrom(env),
    sessionHours: Math.min(numberFrom(env, 'SESSION_HOURS', 12), 12),
    idleLockMinutes: Math.min(numberFrom(env, 'IDLE_LOCK_MINUTES', 30), 30),
    maxPinAttempts: 5,
    loginRateLimitPerMinute: numberFrom(env, 'LOGIN_RATE_LIMIT', 30),
    lockoutAttempts: 5,
    lockoutMinutes: 10,
    trustProxy: env.TRUST_PROXY === '1',
    cookieSecure: env.COOKIE_SECURE === '1' ? true : env.COOKIE_SECURE === '0' ? false : 'auto',
    clientDir: path.resolve(env.CLIENT_DIR ?? 'dist'),
    bodyLimitBytes: numberFrom(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    packageLookaheadHours: numberFrom(env, 'PACKAGE_LOOKAHEAD_HOURS', 12),
    staleHours: numberFrom(env, 'STALE_HOURS', 14),
    claimTtlMinutes: numberFrom(env, 'CLAIM_TTL_MINUTES', 120),
    lapseCheckSeconds: numberFrom(env, 'LAPSE_CHECK_SECONDS', 15),
    eventRetentionDays: numberFrom(env, 'EVENT_RETENTION_DAYS', 7),
  }
}
