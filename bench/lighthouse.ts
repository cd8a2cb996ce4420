/**
 * Lighthouse on Kestrel's main screens (issue 10): the built client served by the real server
 * (`e2e/serve.ts`: a temporary SQLite database seeded with the demo force) in its own process,
 * Chromium started by chrome-launcher, Lighthouse 12 (the last line that runs on Node 20) with its
 * default mobile profile (a mid-range phone, simulated slow 4G, CPU slowed 4×).
 *
 * The sign-in screen is audited first, from a clean profile. Then an officer signs in and sets the
 * app PIN in the same browser (Playwright over the DevTools Protocol, through the e2e page models),
 * the briefing package and its photos are saved on the device, and Briefing, Wanted, Checks and
 * the crime map are audited with the device's storage kept (`disableStorageReset`): the screens as
 * a signed-in officer opens them, the app shell from the service worker.
 *
 * Lighthouse 12 has no PWA category any more, so "installable" is Chromium's own verdict:
 * `Page.getInstallabilityErrors` on the served app once its service worker controls the page
 * (no errors = Chromium offers to install it), with the manifest Chromium parsed.
 *
 * Goals: performance >= 90, accessibility 100, best practices 100, installable. Audits that keep a
 * screen from its goal are listed by id and title. Needs `npm run build` (or CLIENT_DIR) and a
 * Chromium (/usr/bin/chromium or CHROMIUM_PATH). `BENCH_LIGHTHOUSE_PORT` picks the server's port.
 *
 * The basemap: this machine cannot reach OpenStreetMap's tile servers (the default), and every
 * tile that fails is a console error, which Lighthouse counts against best practices. So the
 * server is given a force's own basemap, as a force running Kestrel offline would: a raster
 * PMTiles archive over the demo force (MAP_PMTILES_PATH, the archive the e2e tests use).
 * `BENCH_LIGHTHOUSE_BASEMAP=osm` audits the default, OpenStreetMap's tiles, instead.
 * `BENCH_LIGHTHOUSE_REPORTS=DIR` writes each screen's full Lighthouse report (JSON) into DIR, with the
 * page's trace beside it (`crime-map.trace.json`, for Chromium's DevTools); `BENCH_LIGHTHOUSE_PROFILE=1`
 * adds JavaScript samples to the trace (a little slower: for looking into long tasks, not for scores).
 * `BENCH_LIGHTHOUSE_SCREENS=/map,/map` audits only the screens at those paths, in that order, and
 * as often as named; /login is the sign-in screen, audited once.
 *
 * Lighthouse's figures vary from run to run, so each screen is audited `BENCH_LIGHTHOUSE_RUNS`
 * times (default 5) and judged by the median run, as Lighthouse's own guidance on variability
 * advises (docs/variability.md: five runs, the median run picked by `computeMedianRun`, which takes
 * the run nearest the median first paint and time to interactive). Every run's performance score is
 * printed beside it, so a run under the goal is never hidden.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { Flags, Result } from 'lighthouse'
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js'
import { HomePage } from '../e2e/pages/home-page.ts'
import { PinSetupPage } from '../e2e/pages/pin-setup-page.ts'
import { SignInPage } from '../e2e/pages/sign-in-page.ts'
import { loadConfig } from '../src/server/config.ts'
import { writeRasterArchive } from '../src/server/testing/pmtiles-archive.ts'
import type { Figure } from './figures.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const categories = ['performance', 'accessibility', 'best-practices'] as const
type Category = (typeof categories)[number]
const goals: Record<Category, number> = { performance: 90, accessibility: 100, 'best-practices': 100 }
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const allScreens = [
  { name: 'Briefing', path: '/briefing' },
  { name: 'Wanted gallery', path: '/wanted' },
  { name: 'Checks', path: '/checks' },
  { name: 'Crime map', path: '/map' },
] as const
/** `BENCH_LIGHTHOUSE_SCREENS=/login,/map` audits only those paths (the sign-in screen is /login). */
const chosenPaths = process.env.BENCH_LIGHTHOUSE_SCREENS?.split(',').map((p) => p.trim()).filter(Boolean) ?? null
const chosen = (screenPath: string) => chosenPaths === null || chosenPaths.includes(screenPath)
/** How many times each screen is audited; the median run is the one judged. */
const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5)
if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_LIGHTHOUSE_RUNS must be a whole number of runs, 1 or more, not ${process.env.BENCH_LIGHTHOUSE_RUNS}`)
/** `BENCH_LIGHTHOUSE_PROFILE=1`: each trace kept (BENCH_LIGHTHOUSE_REPORTS) carries JavaScript samples. */
const profileTraces = process.env.BENCH_LIGHTHOUSE_PROFILE === '1'
const screens = chosenPaths === null ? allScreens : chosenPaths.flatMap((p) => allScreens.filter((screen) => screen.path === p))

/** The timings behind a performance score, in ms (Lighthouse's simulated slow phone). */
type Timings = { fcp: number; lcp: number; tbt: number }
type ScreenResult = {
  screen: string; url: string; scores: Record<Category, number>; timings: Timings; failing: string[]; benchmarkIndex: number | null; warnings: string[]
  /** Every run's performance score, in the order run. */
  performanceRuns: number[]
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function startServer(port: number, basemapFile: string | null): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DEMO: '1', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000' }
  delete env.DATABASE_URL
  if (basemapFile) env.MAP_PMTILES_PATH = basemapFile
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(here, '../e2e/serve.ts')], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  for (const deadline = Date.now() + 300_000; ;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return server
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('the server did not start within 5 minutes')
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Waits until the device's photo and document cache stops growing (as bench/gallery.ts does). */
async function mediaSaved(page: Page): Promise<number> {
  let previous = -1
  let steady = 0
  for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
    const count = await page.evaluate(async () => ((await caches.has('kestrel-media')) ? (await (await caches.open('kestrel-media')).keys()).length : 0))
    steady = count === previous && count > 0 ? steady + 1 : 0
    if (steady >= 3) return count
    previous = count
    await page.waitForTimeout(1_000)
  }
  throw new Error('the photos and documents were still downloading after 5 minutes')
}

/** The first few rows of an audit's details (which script, which console error, which issue), shortened. */
function detailText(audit: Result['audits'][string]): string {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined
  const items = details?.items ?? []
  if (items.length === 0) return ''
  const shown = items.slice(0, 3).map((item) => {
    const fields = Object.entries(item)
      .filter(([key, value]) => key !== 'subItems' || typeof value === 'object')
      .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    return fields.join(' ').slice(0, 300)
  })
  return `\n      ${shown.join('\n      ')}`
}

/** What keeps a screen from its goals: every scored audit of a category below its goal that did not pass. */
function failingAudits(lhr: Result, scores: Record<Category, number>): string[] {
  const failing: string[] = []
  for (const category of categories) {
    if (scores[category] >= goals[category]) continue
    for (const ref of lhr.categories[category]!.auditRefs) {
      const audit = lhr.audits[ref.id]!
      const passed = audit.score === null || audit.score >= (category === 'performance' ? 0.9 : 1)
      if (passed || !['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue
      if (category === 'performance' && ref.weight === 0 && audit.scoreDisplayMode !== 'metricSavings') continue
      failing.push(`${category}: ${audit.id} "${audit.title}"${audit.displayValue ? ` (${audit.displayValue})` : ''}${ref.weight > 0 ? ` weight ${ref.weight}` : ''}${detailText(audit)}`)
    }
  }
  return failing
}

const scoresOf = (lhr: Result) => Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>

/** One screen audited `runs` times, judged by the median run. */
async function audit(screen: string, url: string, port: number, keepStorage: boolean): Promise<ScreenResult> {
  const all: Result[] = []
  for (let run = 0; run < runs; run++) all.push(await auditOnce(screen, url, port, keepStorage))
  const lhr = computeMedianRun(filterToValidRuns(all))
  const scores = scoresOf(lhr)
  const ms = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN)
  const timings = { fcp: ms('first-contentful-paint'), lcp: ms('largest-contentful-paint'), tbt: ms('total-blocking-time') }
  return {
    screen, url: lhr.finalDisplayedUrl, scores, timings, failing: failingAudits(lhr, scores), benchmarkIndex: lhr.environment.benchmarkIndex ?? null, warnings: lhr.runWarnings,
    performanceRuns: all.map((run) => scoresOf(run).performance),
  }
}

async function auditOnce(screen: string, url: string, port: number, keepStorage: boolean): Promise<Result> {
  const flags: Flags = {
    port, output: 'json', logLevel: 'error', onlyCategories: [...categories], disableStorageReset: keepStorage,
    // JavaScript samples in the trace (BENCH_LIGHTHOUSE_PROFILE=1), for finding what a long task runs.
    ...(profileTraces ? { additionalTraceCategories: 'disabled-by-default-v8.cpu_profiler' } : {}),
  }
  let result = await lighthouse(url, flags)
  // Now and then the trace misses the page's start; Lighthouse's own advice is to run it again.
  if (result?.lhr.runtimeError?.code === 'NO_NAVSTART') {
    console.log(`${screen}: Lighthouse recorded no navigation start (NO_NAVSTART); auditing once more`)
    result = await lighthouse(url, flags)
  }
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`)
  const { lhr } = result
  const reports = process.env.BENCH_LIGHTHOUSE_REPORTS
  if (reports) {
    fs.mkdirSync(reports, { recursive: true })
    // A screen audited more than once (BENCH_LIGHTHOUSE_SCREENS=/map,/map) keeps every report: crime-map.json, crime-map-2.json…
    const name = screen.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    let file = path.join(reports, `${name}.json`)
    for (let n = 2; fs.existsSync(file); n++) file = path.join(reports, `${name}-${n}.json`)
    fs.writeFileSync(file, JSON.stringify(lhr))
    // The page's trace beside it (crime-map.trace.json), which Chromium's DevTools opens (Performance).
    const trace = (result.artifacts as { Trace?: unknown }).Trace
    if (trace) fs.writeFileSync(file.replace(/\.json$/, '.trace.json'), JSON.stringify(trace))
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  return lhr
}

export async function lighthouseBenchmark(): Promise<Figure[]> {
  const clientDir = loadConfig(process.env).clientDir
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) throw new Error(`no built client in ${clientDir}: run npm run build first (or set CLIENT_DIR)`)
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const port = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 0) || await freePort()
  const base = `http://127.0.0.1:${port}`
  const basemapChoice = process.env.BENCH_LIGHTHOUSE_BASEMAP ?? 'pmtiles'
  if (basemapChoice !== 'pmtiles' && basemapChoice !== 'osm') throw new Error(`BENCH_LIGHTHOUSE_BASEMAP must be pmtiles or osm, not ${basemapChoice}`)
  const basemapDir = basemapChoice === 'pmtiles' ? fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-lighthouse-')) : null
  const basemapFile = basemapDir ? path.join(basemapDir, 'demo-force.pmtiles') : null
  if (basemapFile) fs.writeFileSync(basemapFile, writeRasterArchive({ maxZoom: 14 }))
  const seedStarted = performance.now()
  const server = await startServer(port, basemapFile)
  console.log(`server on ${base} (client ${clientDir}, demo force seeded and started in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s); `
    + `basemap: ${basemapFile ? 'a raster PMTiles archive served by Kestrel (BENCH_LIGHTHOUSE_BASEMAP=osm for OpenStreetMap)' : "OpenStreetMap's tile servers"}`)
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags })
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`)
  try {
    const results: ScreenResult[] = []
    // The sign-in screen from a clean profile, as a new device first opens Kestrel.
    if (chosen('/login')) results.push(await audit('Sign-in', `${base}/login`, chrome.port, false))

    const context = browser.contexts()[0]!
    const page = await context.newPage()
    await page.goto(`${base}/login`)
    // Installable: Chromium's verdict once the service worker controls the page.
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.ready
      return registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null
    }, undefined, { timeout: 60_000 }).catch(async () => page.reload())
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 })
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    const manifest = await cdp.send('Page.getAppManifest')
    const installable = installabilityErrors.length === 0
    const installProblems = installabilityErrors.map((e) => `${e.errorId}${e.errorArguments.length ? ` (${e.errorArguments.map((a) => `${a.name}=${a.value}`).join(', ')})` : ''}`)
    await cdp.detach()

    await new SignInPage(page).signIn('1001', 'kestrel-demo')
    const pinSetup = new PinSetupPage(page)
    await pinSetup.heading.waitFor({ timeout: 60_000 })
    await pinSetup.setPin('2468')
    await new HomePage(page).heading.waitFor({ timeout: 60_000 })
    const media = await mediaSaved(page)
    // Out of the way: only Lighthouse's own tab runs the app while it measures.
    await page.goto('about:blank')
    console.log(`signed in as 1001, PIN set, ${media} photos and documents saved on the device`)

    for (const screen of screens) results.push(await audit(screen.name, `${base}${screen.path}`, chrome.port, true))
    await page.close()

    const load = os.loadavg().map((l) => l.toFixed(1)).join(' ')
    console.log(`\nLighthouse 12 (mobile: simulated slow 4G, CPU 4× slower), ${runs} run${runs === 1 ? '' : 's'} a screen, the median run's figures; Chromium ${browser.version()}; this machine's benchmark index `
      + `${results.map((r) => r.benchmarkIndex ?? '?').join(' / ')}; ${os.cpus().length} CPUs, load average ${load}`)
    const ok = (score: number, category: Category) => (score >= goals[category] ? '' : ' (NO)')
    console.table(results.map((r) => ({
      screen: r.screen,
      'performance (goal >= 90)': `${r.scores.performance}${ok(r.scores.performance, 'performance')}`,
      'every run': r.performanceRuns.join(' '),
      'FCP / LCP / TBT ms': `${r.timings.fcp} / ${r.timings.lcp} / ${r.timings.tbt}`,
      'accessibility (goal 100)': `${r.scores.accessibility}${ok(r.scores.accessibility, 'accessibility')}`,
      'best practices (goal 100)': `${r.scores['best-practices']}${ok(r.scores['best-practices'], 'best-practices')}`,
      'installable (goal yes)': installable ? 'yes' : 'NO',
    })))
    console.log(`installable: ${installable ? 'yes' : 'NO'}: Page.getInstallabilityErrors ${installable ? 'returned none' : `returned ${installProblems.join('; ')}`}, `
      + `service worker controlling the page, manifest ${manifest.url}${manifest.errors.length ? ` (manifest errors: ${manifest.errors.map((e) => e.message).join('; ')})` : ''}`)
    for (const r of results) {
      if (r.failing.length > 0) console.log(`\n${r.screen}: audits below the goal\n  ${r.failing.join('\n  ')}`)
      for (const warning of r.warnings) console.log(`${r.screen}: Lighthouse warning: ${warning}`)
    }

    const figures: Figure[] = results.flatMap((r) => categories.map((category): Figure => ({
      figure: `${r.screen}: ${category}${category === 'performance' ? ` (median of ${runs} runs)` : ''}`, value: category === 'performance' ? `${r.scores.performance} (runs: ${r.performanceRuns.join(' ')})` : String(r.scores[category]), goal: category === 'performance' ? '>= 90' : '100', met: r.scores[category] >= goals[category],
    })))
    figures.push({ figure: 'installable (Chromium Page.getInstallabilityErrors)', value: installable ? 'yes' : `no: ${installProblems.join('; ')}`, goal: 'yes', met: installable })
    return figures
  } finally {
    await browser.close().catch(() => {})
    chrome.kill()
    server.kill('SIGTERM')
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)))
    if (basemapDir) fs.rmSync(basemapDir, { recursive: true, force: true })
  }
}
