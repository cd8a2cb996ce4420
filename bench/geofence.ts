/**
 * `npm run bench -- geofence`: the geofence engine's cost per position fix (issue 7), in this
 * process, with 1,000 / 10,000 / 100,000 fences spread over a 40 x 30 km force area around
 * Birmingham: four in five wanted-style circles (100 to 300 m), one in five concave briefing-style
 * polygons (8 to 14 points, up to 500 m across). One patrol trace of 20,000 fixes a second (walking,
 * then driving, with GPS jitter, a few poor and teleporting fixes) is fed to each engine; each
 * `update` is timed. Goal: under 0.2 ms per fix at 10,000 fences. Seeded: the same fences and trace
 * every run. `BENCH_GEOFENCE_FENCES=5000,50000` measures other counts.
 */
import os from 'node:os'
import { createGeofenceEngine, type Fence, type Fix, type LatLng } from '../src/shared/geofence/engine.ts'
import type { Figure } from './figures.ts'

const centre: LatLng = { lat: 52.48, lng: -1.9 }
const areaWidthM = 40_000
const areaHeightM = 30_000
const fixCount = 20_000
const goalMs = 0.2
const goalFences = 10_000
const metresPerDegree = (6_371_008.8 * Math.PI) / 180

function at(east: number, north: number): LatLng {
  return { lat: centre.lat + north / metresPerDegree, lng: centre.lng + east / (metresPerDegree * Math.cos((centre.lat * Math.PI) / 180)) }
}

function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function makeFences(count: number, random: () => number): Fence[] {
  return Array.from({ length: count }, (_, i): Fence => {
    const east = (random() - 0.5) * areaWidthM
    const north = (random() - 0.5) * areaHeightM
    const priority = (1 + Math.floor(random() * 3)) as 1 | 2 | 3
    if (random() < 0.8) {
      return { id: `c${i}`, priority, label: `circle ${i}`, reason: 'wanted', shape: { kind: 'circle', center: at(east, north), radiusM: 100 + random() * 200 } }
    }
    const points = 8 + Math.floor(random() * 7)
    const ring = Array.from({ length: points }, (_, k) => {
      const angle = (2 * Math.PI * k) / points
      const r = (k % 2 === 0 ? 150 : 60) + random() * 100
      return at(east + Math.cos(angle) * r, north + Math.sin(angle) * r)
    })
    return { id: `p${i}`, priority, label: `area ${i}`, reason: 'briefing', shape: { kind: 'polygon', ring } }
  })
}

/** A patrol: a random walk on foot (1.4 m/s), then driving (13 m/s), a fix a second, jittered. */
function makeTrace(random: () => number): Fix[] {
  const fixes: Fix[] = []
  let east = 0
  let north = 0
  let heading = random() * 2 * Math.PI
  for (let i = 0; i < fixCount; i += 1) {
    const speed = i < fixCount / 2 ? 1.4 : 13
    if (random() < 0.02) heading += (random() - 0.5) * Math.PI
    east = Math.max(-areaWidthM / 2, Math.min(areaWidthM / 2, east + Math.cos(heading) * speed))
    north = Math.max(-areaHeightM / 2, Math.min(areaHeightM / 2, north + Math.sin(heading) * speed))
    const glitch = random()
    const accuracyM = glitch < 0.01 ? 120 : 5 + random() * 15
    const jump = glitch > 0.995 ? 3_000 : 0
    fixes.push({ ...at(east + (random() - 0.5) * 10 + jump, north + (random() - 0.5) * 10), accuracyM, timestamp: i * 1000 })
  }
  return fixes
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

const ms = (x: number) => x.toFixed(4)

export async function geofenceBenchmark(): Promise<Figure[]> {
  const counts = (process.env.BENCH_GEOFENCE_FENCES ?? '1000,10000,100000').split(',').map(Number)
  const trace = makeTrace(seededRandom(7))
  const rows: Record<string, string | number>[] = []
  const figures: Figure[] = []
  for (const count of counts) {
    const fences = makeFences(count, seededRandom(count))
    // Warm the JIT on a small engine so the first count does not pay for it.
    const warm = createGeofenceEngine(fences.slice(0, 500))
    for (const fix of trace.slice(0, 2_000)) warm.update(fix)

    const buildStart = performance.now()
    const engine = createGeofenceEngine(fences)
    const buildMs = performance.now() - buildStart

    const times = new Float64Array(trace.length)
    let events = 0
    for (let i = 0; i < trace.length; i += 1) {
      const start = performance.now()
      events += engine.update(trace[i]!).length
      times[i] = performance.now() - start
    }
    const total = times.reduce((sum, t) => sum + t, 0)
    times.sort()
    const p95 = percentile(times, 0.95)
    if (count === goalFences) figures.push({ figure: `p95 per position fix, ${count.toLocaleString('en-GB')} fences`, value: `${ms(p95)} ms`, goal: `< ${goalMs} ms`, met: p95 < goalMs })
    rows.push({
      fences: count,
      'index build ms': Math.round(buildMs),
      fixes: trace.length,
      'mean ms/fix': ms(total / trace.length),
      'p50 ms/fix': ms(percentile(times, 0.5)),
      'p95 ms/fix': ms(p95),
      'p99 ms/fix': ms(percentile(times, 0.99)),
      'max ms/fix': ms(times[times.length - 1]!),
      events,
      goal: count === goalFences ? `p95 < ${goalMs} ms: ${p95 < goalMs ? 'ok' : 'MISSED'}` : '',
    })
  }
  // The max is one fix's wall time: on a busy machine it includes the process being descheduled.
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ')
  console.log(`geofence engine, ${trace.length} fixes a second apart (half walking, half driving), Node ${process.version}, load average ${load} on ${os.cpus().length} CPUs`)
  console.table(rows)
  return figures
}
