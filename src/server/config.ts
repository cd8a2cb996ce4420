/**
 * Server settings, read once from the environment. The server, `npm run seed`, `npm run migrate`
 * and every import command read the same settings, so a command always acts on the database the
 * server uses.
 */
import fs from 'node:fs'
import path from 'node:path'
import { defaultBasemap, httpOrigin, tileTemplateProblem } from '../shared/map-tiles.ts'

export type StoreConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema?: string }

/**
 * The basemap every map draws (src/shared/map-tiles.ts): an XYZ tile server, or a PMTiles archive
 * at an https URL or in a file this server serves itself (`file`, at `url` = /basemap/<file name>).
 */
export type BasemapConfig =
  | { kind: 'xyz'; url: string; attribution: string; maxZoom: number }
  | { kind: 'pmtiles'; url: string; attribution: string; maxZoom: number; file: string | null }

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
  basemap: BasemapConfig
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

/** The path a PMTiles file named by MAP_PMTILES_PATH is served at. */
export function basemapFileUrl(file: string): string {
  return `/basemap/${encodeURIComponent(path.basename(file))}`
}

/** Refuses a file that is not a PMTiles version 3 archive: the map could not read it. */
function checkPmtilesFile(file: string): void {
  let bytes: Buffer
  try {
    if (!fs.statSync(file).isFile()) throw new Error('not a file')
    const handle = fs.openSync(file, 'r')
    try {
      bytes = Buffer.alloc(8)
      fs.readSync(handle, bytes, 0, 8, 0)
    } finally {
      fs.closeSync(handle)
    }
  } catch (error) {
    throw new Error(`MAP_PMTILES_PATH must name a readable PMTiles file: ${file} (${error instanceof Error ? error.message : String(error)})`)
  }
  if (bytes.toString('latin1', 0, 7) !== 'PMTiles' || bytes[7] !== 3) {
    throw new Error(`MAP_PMTILES_PATH must name a PMTiles version 3 archive; ${file} is not one`)
  }
}

/**
 * MAP_TILE_URL, MAP_TILE_ATTRIBUTION, MAP_TILE_MAX_ZOOM, MAP_PMTILES_URL and MAP_PMTILES_PATH.
 * Nothing set: OpenStreetMap's standard tiles. Every mistake stops the server with what to fix.
 */
export function basemapConfigFrom(env: NodeJS.ProcessEnv = process.env): BasemapConfig {
  const value = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name])
  const tileUrl = value('MAP_TILE_URL')
  const pmtilesUrl = value('MAP_PMTILES_URL')
  const pmtilesPath = value('MAP_PMTILES_PATH')
  const attribution = value('MAP_TILE_ATTRIBUTION')
  const rawZoom = value('MAP_TILE_MAX_ZOOM')
  const maxZoom = rawZoom === undefined ? defaultBasemap.maxZoom : Number(rawZoom)
  if (!Number.isInteger(maxZoom) || maxZoom < 0 || maxZoom > 24) throw new Error(`MAP_TILE_MAX_ZOOM must be a whole number from 0 to 24, got "${rawZoom}"`)
  const chosen = [tileUrl && 'MAP_TILE_URL', pmtilesUrl && 'MAP_PMTILES_URL', pmtilesPath && 'MAP_PMTILES_PATH'].filter(Boolean)
  if (chosen.length > 1) throw new Error(`set only one basemap: ${chosen.join(' and ')} are both set`)
  if (tileUrl) {
    const problem = tileTemplateProblem(tileUrl)
    if (problem) throw new Error(`MAP_TILE_URL ${problem}, got "${tileUrl}"`)
    // A tile server's licence almost always asks for attribution: never drop it silently.
    if (!attribution) throw new Error('MAP_TILE_ATTRIBUTION is required with MAP_TILE_URL: the attribution the tile server\'s licence asks for')
    return { kind: 'xyz', url: tileUrl, attribution, maxZoom }
  }
  if (pmtilesUrl) {
    if (!httpOrigin(pmtilesUrl)) throw new Error(`MAP_PMTILES_URL must be an absolute https:// URL, got "${pmtilesUrl}"`)
    return { kind: 'pmtiles', url: pmtilesUrl, attribution: attribution ?? defaultBasemap.attribution, maxZoom, file: null }
  }
  if (pmtilesPath) {
    const file = path.resolve(pmtilesPath)
    checkPmtilesFile(file)
    return { kind: 'pmtiles', url: basemapFileUrl(file), attribution: attribution ?? defaultBasemap.attribution, maxZoom, file }
  }
  return { kind: 'xyz', url: defaultBasemap.url, attribution: attribution ?? defaultBasemap.attribution, maxZoom }
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
    basemap: basemapConfigFrom(env),
  }
}
