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
export type LoadCommand =
  | { type: 'init'; port: number; officers: string[]; password: string }
  | { type: 'open'; streams: number; concurrency: number; timeoutMs: number }
  | { type: 'claims'; count: number; intervalMs: number; settleMs: number }
  | { type: 'close' }
export type LoadMessage =
  | { type: 'ready'; sessions: number }
  | { type: 'opened'; result: OpenResult }
  | { type: 'claimed'; result: ClaimResult }
  | { type: 'closed' }
  | { type: 'failed'; message: string }
