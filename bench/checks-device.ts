/**
 * Offline person checks on the device (issue 5): 50,000 cached people in real Chromium, 200
 * varied checks through the app's own `deviceCheckPerson` (Dexie's `yearKeys` index, then the
 * shared pick and rank). The page is the app's offline-check module and Dexie
 * database, built with Vite and served from a local origin (IndexedDB needs one); people get their
 * search keys in the page as sync gives them (`withMatchFields`). Names come from the demo force's
 * generator (power-law common surnames, so Smith and Khan are as common as in a real population),
 * with aliases, descriptions and contacts so records have a realistic size. Before timing, 20
 * checks warm the page up; afterwards every check's answer is compared with the shared functions
 * run directly in Node over the same people, so the figures are of a correct search.
 * Goal: p95 < 50 ms.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import type { PersonRecord } from '../src/shared/api/intel.ts'
import { birthYearOf, personMatchKeys, pickCandidates, queryMatchKeys, rankCandidates, RESULT_LIMIT, type PersonQuery } from '../src/shared/matching/index.ts'
import { randomAlias, randomName } from '../src/server/seed/names.ts'
import { chance, createRandom } from '../src/server/seed/random.ts'
import type { DeviceBench } from './checks-device-page.ts'
import { goalFigures, type Figure } from './figures.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const PEOPLE = Number(process.env.BENCH_DEVICE_PEOPLE ?? 50_000)
const CHECKS = 200
const WARM_UP = 20
const GOAL_P95_MS = 50

const pad = (n: number) => String(n).padStart(2, '0')
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
const ms = (n: number) => `${n.toFixed(1)} ms`

function generatePeople(count: number): PersonRecord[] {
  const r = createRandom(55)
  const people: PersonRecord[] = []
  const updatedAt = new Date().toISOString()
  for (let i = 0; i < count; i++) {
    const sex = chance(r, 0.5) ? 'M' : 'F'
    const name = randomName(r, sex)
    const dob = chance(r, 0.02) ? null : `${r.number.int({ min: 1945, max: 2008 })}-${pad(r.number.int({ min: 1, max: 12 }))}-${pad(r.number.int({ min: 1, max: 28 }))}`
    people.push({
      id: `D${String(i).padStart(6, '0')}`,
      surname: name.surname,
      forenames: name.forenames,
      dob,
      sex,
      description: { heightCm: r.number.int({ min: 150, max: 200 }), build: 'medium', hair: 'brown', eyes: 'blue', marks: chance(r, 0.3) ? ['scar: left forearm'] : [] },
      aliases: chance(r, 0.1) ? [randomAlias(r, name)] : [],
      warningMarkers: chance(r, 0.15) ? ['VI'] : [],
      areaId: 'A1',
      addressId: null,
      photoUrl: `/api/media/photo-${i}?v=1`,
      wanted: null,
      conditions: [],
      contacts: chance(r, 0.5) ? [{ at: updatedAt, type: 'Stop and account', place: 'High Street', summary: 'Spoken to near the shops; gave details readily.' }] : [],
      documents: [],
      links: [],
      updatedAt,
    })
  }
  return people
}

/** 200 checks as officers make them: exact, sloppy typing, a slip, a swapped date, a year, no date, names the wrong way round. */
function makeQueries(people: readonly PersonRecord[], count: number): PersonQuery[] {
  const r = createRandom(77)
  const queries: PersonQuery[] = []
  for (let i = 0; queries.length < count; i++) {
    const p = people[r.number.int({ min: 0, max: people.length - 1 })]
    if (!p) continue
    const first = p.forenames.split(' ')[0] ?? p.forenames
    const dob = p.dob ?? '1980-01-01'
    const [y, m, d] = dob.split('-')
    switch (i % 7) {
      case 0: queries.push({ surname: p.surname, forenames: p.forenames, dob }); break
      case 1: queries.push({ surname: `  ${p.surname.toLowerCase()} `, forenames: first.toUpperCase(), dob }); break
      case 2: {
        const s = p.surname
        const j = 1 + (i % Math.max(1, s.length - 2))
        queries.push({ surname: s.length > 3 ? `${s.slice(0, j)}${s[j + 1] ?? ''}${s[j] ?? ''}${s.slice(j + 2)}` : s, forenames: first, dob })
        break
      }
      case 3: queries.push({ surname: p.surname, forenames: first, dob: Number(d) <= 12 ? `${y}-${d}-${m}` : dob }); break
      case 4: queries.push({ surname: p.surname, forenames: first, dob: y }); break
      case 5: queries.push({ surname: p.surname, forenames: first }); break
      default: queries.push({ surname: first, forenames: p.surname, dob }); break
    }
  }
  return queries
}

/** The shared functions run directly over every person's keys: what the device must answer. */
function reference(people: readonly PersonRecord[]) {
  const byKey = new Map<string, { personId: string; key: string; birthYear: number | null }[]>()
  for (const person of people) {
    const birthYear = birthYearOf(person.dob)
    for (const key of personMatchKeys(person)) {
      let list = byKey.get(key)
      if (!list) byKey.set(key, (list = []))
      list.push({ personId: person.id, key, birthYear })
    }
  }
  const byId = new Map(people.map((p) => [p.id, p]))
  return (query: PersonQuery) => {
    const lookup = queryMatchKeys(query)
    const ids = pickCandidates(lookup.keys.flatMap((key) => byKey.get(key) ?? []), lookup)
    return rankCandidates(query, ids.flatMap((id) => byId.get(id) ?? []), RESULT_LIMIT)
  }
}

async function buildPage(dir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(here, '..'),
    build: {
      outDir: dir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: path.join(here, 'checks-device-page.ts'), formats: ['es'], fileName: () => 'page.js' },
    },
  })
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="/page.js"></script>')
}

function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((request, response) => {
    const name = request.url === '/page.js' ? 'page.js' : 'index.html'
    response.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html' })
    response.end(fs.readFileSync(path.join(dir, name)))
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() })
    })
  })
}

export async function deviceCheckBenchmark(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-bench-device-'))
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const browser = await chromium.launch({ executablePath: fs.existsSync(executablePath) ? executablePath : undefined, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  let server: { url: string; close: () => void } | null = null
  try {
    await buildPage(dir)
    server = await serve(dir)
    const people = generatePeople(PEOPLE)
    const queries = makeQueries(people, WARM_UP + CHECKS)
    const page = await browser.newPage()
    await page.goto(server.url)
    await page.waitForFunction(() => document.title === 'ready')

    await page.evaluate(() => (window as unknown as { kestrelBench: DeviceBench }).kestrelBench.clear())
    let fillMs = 0
    for (let i = 0; i < people.length; i += 5_000) {
      const chunk = people.slice(i, i + 5_000)
      fillMs += await page.evaluate((rows) => (window as unknown as { kestrelBench: DeviceBench }).kestrelBench.fill(rows), chunk)
    }
    const held = await page.evaluate(() => (window as unknown as { kestrelBench: DeviceBench }).kestrelBench.count())

    await page.evaluate((warm) => (window as unknown as { kestrelBench: DeviceBench }).kestrelBench.run(warm), queries.slice(0, WARM_UP))
    const timed = queries.slice(WARM_UP)
    const { ms: latencies, results } = await page.evaluate((checks) => (window as unknown as { kestrelBench: DeviceBench }).kestrelBench.run(checks), timed)

    const stages = await page.evaluate((checks) => (window as unknown as { kestrelBench: DeviceBench }).kestrelBench.stages(checks), timed)
    const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50)
    const p95of = (values: number[]) => percentile([...values].sort((a, b) => a - b), 95)
    const stageText = (pick: (s: (typeof stages)[number]) => number) => `${ms(median(stages.map(pick)))} / ${ms(p95of(stages.map(pick)))}`

    const expected = reference(people)
    let mismatches = 0
    timed.forEach((query, index) => {
      const want = expected(query)
      const got = results[index]
      const same = got !== undefined && got.ids.length === want.length && want.every((w, j) => got.ids[j] === w.person.id && got.scores[j] === w.score)
      if (!same) mismatches += 1
    })
    const found = results.filter((result) => result.ids.length > 0).length

    const sorted = [...latencies].sort((a, b) => a - b)
    const p95 = percentile(sorted, 95)
    const rows = [
      { measure: 'people cached in Dexie', value: held.toLocaleString('en-GB'), goal: PEOPLE.toLocaleString('en-GB'), ok: held === PEOPLE ? 'yes' : 'NO' },
      { measure: 'storing them with their search keys', value: `${(fillMs / 1000).toFixed(1)} s`, goal: '', ok: '' },
      { measure: `offline person checks (after ${WARM_UP} to warm up)`, value: String(latencies.length), goal: String(CHECKS), ok: '' },
      { measure: 'latency p50', value: ms(percentile(sorted, 50)), goal: '', ok: '' },
      { measure: 'latency p95', value: ms(p95), goal: `< ${GOAL_P95_MS} ms`, ok: p95 < GOAL_P95_MS ? 'yes' : 'NO' },
      { measure: 'latency p99', value: ms(percentile(sorted, 99)), goal: '', ok: '' },
      { measure: 'latency max', value: ms(sorted[sorted.length - 1] ?? NaN), goal: '', ok: '' },
      { measure: 'key hits a check reads, p50 / p95', value: `${median(stages.map((s) => s.hits))} / ${p95of(stages.map((s) => s.hits))}`, goal: '', ok: '' },
      { measure: 'of which: key lookups (in the years searched) p50 / p95', value: stageText((s) => s.keys), goal: '', ok: '' },
      { measure: 'picking candidates p50 / p95', value: stageText((s) => s.pick), goal: '', ok: '' },
      { measure: 'reading candidates p50 / p95', value: stageText((s) => s.load), goal: '', ok: '' },
      { measure: 'ranking p50 / p95', value: stageText((s) => s.rank), goal: '', ok: '' },
      { measure: 'checks with at least one candidate', value: `${found} of ${timed.length}`, goal: '', ok: '' },
      { measure: 'answers equal to the shared functions run directly', value: `${timed.length - mismatches} of ${timed.length}`, goal: 'all', ok: mismatches === 0 ? 'yes' : 'NO' },
    ]
    console.log(`\nOffline person checks in Chromium (${executablePath}), ${PEOPLE.toLocaleString('en-GB')} cached people`)
    console.table(rows)
    return goalFigures(rows, 'offline on the device: ')
  } finally {
    server?.close()
    await browser.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

// Run on its own: `node --import tsx bench/checks-device.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await deviceCheckBenchmark()
}
