/**
 * `npm run bench -- <name>`: Kestrel's benchmarks. Each one starts what it measures on this machine
 * (a temporary database, the real server on loopback), prints a table, and stops by itself.
 * With no name, runs them all and ends with one table of every benchmark's headline figures, each
 * with its goal and whether it was met; the exit code is 1 when a benchmark failed to run.
 */
import os from 'node:os'
import { checksBenchmark } from './checks.ts'
import { fanoutBenchmark } from './fanout.ts'
import type { Figure } from './figures.ts'
import { galleryBenchmark } from './gallery.ts'
import { geofenceBenchmark } from './geofence.ts'
import { lighthouseBenchmark } from './lighthouse.ts'
import { soakBenchmark } from './soak.ts'
import { syncBenchmark } from './sync.ts'
import { trendsBenchmark } from './trends.ts'

const benchmarks: Record<string, () => Promise<Figure[]>> = {
  sync: syncBenchmark,
  fanout: fanoutBenchmark,
  gallery: galleryBenchmark,
  checks: checksBenchmark,
  geofence: geofenceBenchmark,
  trends: trendsBenchmark,
  soak: soakBenchmark,
  lighthouse: lighthouseBenchmark,
}

const name = process.argv[2]
const selected = name ? benchmarks[name] : undefined
if (name && !selected) {
  console.error(`unknown benchmark "${name}"; choose one of: ${Object.keys(benchmarks).join(', ')}`)
  process.exit(2)
}
const summary: ({ benchmark: string } & Figure)[] = []
let failed = 0
for (const [benchName, run] of Object.entries(benchmarks)) {
  if (selected && run !== selected) continue
  console.log(`\n== ${benchName} ==`)
  const started = performance.now()
  try {
    for (const figure of await run()) summary.push({ benchmark: benchName, ...figure })
  } catch (error) {
    // One benchmark that cannot run (no built client, no Chromium) must not hide the others' figures.
    if (selected) throw error
    failed += 1
    console.error(`${benchName} failed:`, error)
    summary.push({ benchmark: benchName, figure: 'ran', value: `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 120), goal: 'runs', met: false })
  }
  if (!selected) console.log(`(${benchName}: ${((performance.now() - started) / 1000).toFixed(0)} s)`)
}
if (!selected) {
  console.log(`\n== summary: every benchmark's figures against their goals (${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}) ==`)
  console.table(summary.map(({ benchmark, figure, value, goal, met }) => ({ benchmark, figure, value, goal, 'met?': met === null ? '' : met ? 'yes' : 'NO' })))
  const withGoal = summary.filter((f) => f.met !== null)
  console.log(`${withGoal.filter((f) => f.met).length} of ${withGoal.length} goals met`)
  if (failed > 0) process.exitCode = 1
}
