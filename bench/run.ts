/**
 * `npm run bench -- <name>`: Kestrel's benchmarks. Each one starts what it measures on this machine
 * (a temporary database, the real server on loopback), prints a table, and stops by itself.
 * With no name, runs them all.
 */
import { checksBenchmark } from './checks.ts'
import { fanoutBenchmark } from './fanout.ts'
import { galleryBenchmark } from './gallery.ts'
import { geofenceBenchmark } from './geofence.ts'
import { syncBenchmark } from './sync.ts'
import { trendsBenchmark } from './trends.ts'

const benchmarks: Record<string, () => Promise<void>> = {
  sync: syncBenchmark,
  fanout: fanoutBenchmark,
  gallery: galleryBenchmark,
  checks: checksBenchmark,
  geofence: geofenceBenchmark,
  trends: trendsBenchmark,
}

const name = process.argv[2]
const selected = name ? benchmarks[name] : undefined
if (name && !selected) {
  console.error(`unknown benchmark "${name}"; choose one of: ${Object.keys(benchmarks).join(', ')}`)
  process.exit(2)
}
for (const [benchName, run] of Object.entries(benchmarks)) {
  if (selected && run !== selected) continue
  console.log(`\n== ${benchName} ==`)
  await run()
}
