/**
 * The messages bench/fanout.ts exchanges over IPC with its two child processes: the server
 * (bench/fanout-server.ts) and the load generator (bench/fanout-load.ts).
 */

export type ServerStats = {
  /** resident set size, bytes */
  rss: number
  /** user + system CPU time since the process started, microseconds */
  cpuMicros: number
  /** performance.eventLoopUtilization() totals, milliseconds */
  eluIdle: number
  eluActive: number
  /** streams subscribed to the event hub */
  streams: number
  /** the event-loop thread's time on a CPU and waiting for one (runnable, not running), ns; null off Linux */
  schedRunNs: number | null
  schedWaitNs: number | null
}
export type ServerMessage = { type: 'ready'; port: number; seedMs: number } | { type: 'stats'; stats: ServerStats }
export type ServerCommand = { type: 'stats' } | { type: 'stop' }

export type OpenResult = { requested: number; opened: number; failed: number; firstError: string | null; ms: number }
export type ClaimResult = {
  claims: number
  /** claims answered 201 */
  created: number
  streams: number
  delivered: number
  expected: number
  /** claim.created frames a stream saw twice, or after a later event (must be 0) */
  duplicates: number
  outOfOrder: number
  /** claim-to-delivery latencies over every (stream, claim) delivered, milliseconds */
  latency: { p50: number; p95: number; p99: number; max: number; min: number }
  /** POST /api/wanted/:personId/claim response times, milliseconds */
  post: { p50: number; max: number }
  /** from the first POST to the last delivery (or the settle timeout), milliseconds */
  phaseMs: number
  /** the load generator's own CPU time over the phase, milliseconds */
  loadCpuMs: number
}
/** The soak (bench/soak.ts): checks and claims on a schedule while the streams stay open. */
export type SoakCommand = {
  type: 'soak'
  seconds: number
  checksPerSecond: number
  claimsPerSecond: number
  /** how long after a claim is granted it is released */
  releaseAfterMs: number
  /** how long to wait at the end for the last claim events to reach the streams */
  settleMs: number
  /** people of the seeded force to check (names and dates of birth) */
  people: { surname: string; forenames: string; dob: string }[]
}
export type EndpointStats = { endpoint: string; count: number; errors: number; firstError: string | null; p50: number; p95: number; p99: number; max: number }
export type SoakResult = {
  seconds: number
  /** per route: requests, errors (network failures, unexpected statuses, requests held back), latency in ms */
  endpoints: EndpointStats[]
  /** claim.created and claim.released frames for the soak's claims, on the streams open at the start */
  events: { delivered: number; expected: number; unexpected: number; outOfOrder: number }
  /** from the claim or release POST being sent to its frame arriving on a stream, ms */
  delivery: { p50: number; p95: number; p99: number; max: number }
  streams: { atStart: number; stillOpen: number }
  wantedRotated: number
  loadCpuMs: number
}
export type LoadCommand =
  | { type: 'init'; port: number; officers: string[]; password: string }
  | SoakCommand
  | { type: 'open'; streams: number; concurrency: number; timeoutMs: number }
  | { type: 'claims'; count: number; intervalMs: number; settleMs: number }
  | { type: 'close' }
export type LoadMessage =
  | { type: 'ready'; sessions: number }
  | { type: 'opened'; result: OpenResult }
  | { type: 'claimed'; result: ClaimResult }
  | { type: 'soaked'; result: SoakResult }
  | { type: 'closed' }
  | { type: 'failed'; message: string }

/** The environment of the benchmark server (fanout-server.ts): production, demo accounts, a SQLite file. */
export function benchServerEnv(databasePath: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'production', DEMO: '1', DEMO_PASSWORD: 'kestrel-demo', DATABASE_PATH: databasePath,
    LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: 'warn', BENCH_SEED_SCALE: '0.1',
  }
  delete env.DATABASE_URL
  return env
}
