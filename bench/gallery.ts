/**
 * The wanted gallery benchmark (issue 4: "smooth with 5,000 entries on a phone"): the real server
 * on a temporary SQLite database with the demo force and at least 5,000 wanted people, and real
 * Chromium with a phone's screen (390 × 844, touch) and its CPU slowed four times (CDP
 * `Emulation.setCPUThrottlingRate`). An officer signs in, the device saves the package's photos,
 * then the gallery is opened and scrolled from top to bottom, every frame's interval read with
 * requestAnimationFrame. Prints entries, cards in the page, time to the first card, frame
 * intervals, dropped frames (over 50 ms), frames painted with part of the list still blank (a card
 * not yet made when the scroll reached it) and the JS heap.
 *
 * The scroll moves a quarter of a screen (211 px) every frame: 12,700 px/s at 60 frames a second,
 * faster than an officer's hardest fling keeps up, so a new card enters the page every other frame.
 *
 * Needs the built client (`npm run build`) and a Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH).
 * `BENCH_GALLERY_WANTED` (default 5000) sets the number of wanted people, `BENCH_GALLERY_CPU` (4)
 * the slow-down, `BENCH_GALLERY_STEP` (0.25) how many screens a frame scrolls; to look into jank,
 * `BENCH_GALLERY_MAX_FRAMES` stops early, `BENCH_GALLERY_FROM` (0 to 1) starts the timed scroll that far
 * down the page, `BENCH_GALLERY_PROFILE=FILE` writes a CPU profile of the scroll
 * and `BENCH_GALLERY_TRACE=FILE` a Chromium trace of it (style, layout, paint and raster included).
 *
 * The machine's own floor comes last: the same scroll, in the same browser slowed the same way, of a
 * plain page of as many cards (photo, name, five lines and a button), all in the page at once,
 * with no script but the timing loop. What the plain page drops is what this machine drops whatever the app does; figures from
 * two runs can be compared only beside their floors. `BENCH_GALLERY_FLOOR=0` leaves it out.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { HomePage } from '../e2e/pages/home-page.ts'
import { PinSetupPage } from '../e2e/pages/pin-setup-page.ts'
import { SignInPage } from '../e2e/pages/sign-in-page.ts'
import { WantedGalleryPage } from '../e2e/pages/wanted-gallery-page.ts'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { seedDemoForce } from '../src/server/seed/index.ts'
import { migrateToLatest, openStore } from '../src/server/store/db.ts'
import { goalFigures, type Figure, type GoalRow } from './figures.ts'
import { addWantedPeople } from './gallery-seed.ts'

type Row = GoalRow

const WANTED = Number(process.env.BENCH_GALLERY_WANTED ?? 5000)
const CPU_SLOWDOWN = Number(process.env.BENCH_GALLERY_CPU ?? 4)
const SCREENS_PER_FRAME = Number(process.env.BENCH_GALLERY_STEP ?? 0.25)
/** For finding the cause of jank: stop after this many frames, and write a CPU profile of the scroll. */
const MAX_FRAMES = Number(process.env.BENCH_GALLERY_MAX_FRAMES ?? Number.POSITIVE_INFINITY)
const PROFILE = process.env.BENCH_GALLERY_PROFILE
const TRACE = process.env.BENCH_GALLERY_TRACE
const FLOOR = process.env.BENCH_GALLERY_FLOOR !== '0'
/** Where the timed scroll starts, as a fraction of the page's height (0, the top, unless set). */
const FROM = Number(process.env.BENCH_GALLERY_FROM ?? 0)
const SEED_SCALE = 0.5
const DROPPED_MS = 50
/**
 * Frame intervals come in whole vsyncs (16.7, 33.3, 50 ms at 60 Hz), so a frame is late when it took
 * more than one: anything over 25 ms. The p95 goal is one vsync: at least 95 % of frames on time.
 */
const LATE_MS = 25
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const

/** What the page measured while scrolling. */
type ScrollResult = { intervals: number[]; maxCards: number; cardsAtEnd: number; lastCardShown: boolean; scrolledPx: number; ms: number; blankFrames: number; widestBlankPx: number }

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const ms = (n: number) => `${n.toFixed(1)} ms`
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const yes = (ok: boolean) => (ok ? 'yes' : 'NO')

/** Waits until the device's photo and document cache stops growing; returns how many it holds. */
async function mediaSaved(page: Page): Promise<number> {
  let previous = -1
  let steady = 0
  for (const deadline = Date.now() + 600_000; Date.now() < deadline;) {
    const count = await page.evaluate(async () => ((await caches.has('kestrel-media')) ? (await (await caches.open('kestrel-media')).keys()).length : 0))
    steady = count === previous && count > 0 ? steady + 1 : 0
    if (steady >= 4) return count
    previous = count
    await page.waitForTimeout(1_000)
  }
  throw new Error('the photos and documents were still downloading after 10 minutes')
}

/** Scrolls the window from top to bottom, `screens` screens a frame, timing every frame. Runs in the page. */
function scrollToBottom({ screens, maxFrames, from }: { screens: number; maxFrames: number; from: number }): Promise<ScrollResult> {
  return new Promise((resolve) => {
    const intervals: number[] = []
    let maxCards = 0
    let last = 0
    let started = 0
    let stillAtBottom = 0
    let blankFrames = 0
    let widestBlankPx = 0
    const bottom = () => document.documentElement.scrollHeight - window.innerHeight
    /**
     * The widest stretch of the list's part of the screen with no card on it, as the last frame
     * painted it (read before this frame scrolls, so it forces no extra layout): cards not yet in
     * the page when the scroll reached them. Cards are 12 px apart.
     */
    const blankPx = (): number => {
      const list = document.querySelector('li[aria-posinset]')?.parentElement
      if (!list) return 0
      const shown = list.getBoundingClientRect()
      const top = Math.max(0, shown.top)
      const end = Math.min(window.innerHeight, shown.bottom)
      let covered = top
      let widest = 0
      const spans = [...list.children].map((item) => item.getBoundingClientRect()).filter((r) => r.bottom > top && r.top < end).sort((a, b) => a.top - b.top)
      for (const span of spans) {
        widest = Math.max(widest, span.top - covered)
        covered = Math.max(covered, span.bottom)
      }
      return Math.max(widest, end - covered)
    }
    const tick = (time: number) => {
      intervals.push(time - last)
      last = time
      maxCards = Math.max(maxCards, document.querySelectorAll('article').length)
      const blank = blankPx()
      if (blank > 24) blankFrames += 1
      widestBlankPx = Math.max(widestBlankPx, blank)
      // The list's height changes as cards are measured: done when the bottom holds still.
      if (window.scrollY >= bottom() - 1) stillAtBottom += 1
      else stillAtBottom = 0
      if (stillAtBottom >= 10 || intervals.length > maxFrames) {
        const items = [...document.querySelectorAll('li[aria-posinset]')]
        const setSize = Number(items[0]?.getAttribute('aria-setsize'))
        resolve({
          intervals: intervals.slice(1),
          maxCards,
          cardsAtEnd: document.querySelectorAll('article').length,
          lastCardShown: items.some((item) => Number(item.getAttribute('aria-posinset')) === setSize),
          scrolledPx: window.scrollY,
          ms: time - started,
          blankFrames,
          widestBlankPx,
        })
        return
      }
      window.scrollBy(0, window.innerHeight * screens)
      requestAnimationFrame(tick)
    }
    window.scrollTo(0, Math.round(from * bottom()))
    requestAnimationFrame((time) => {
      last = time
      started = time
      requestAnimationFrame(tick)
    })
  })
}

/** A page of `count` plain cards shaped like the gallery's, with no script: the floor's page. */
function plainCardsPage(count: number): string {
  const photo = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="120"><rect width="96" height="120" fill="#8aa"/><circle cx="48" cy="45" r="25" fill="#566"/></svg>')}`
  const colours = ['#b00020', '#b35c00', '#1b7a2f']
  const card = (i: number) => `<li><article style="display:flex;gap:12px;margin:0 8px 12px;padding:12px;border:1px solid #ccc;border-left:8px solid ${colours[i % 3]};border-radius:8px;contain:layout paint style">`
    + `<img src="${photo}" width="96" height="120" alt=""><div><p>Priority ${1 + (i % 3)}</p><h2>SURNAME ${i}, Forename</h2><p>Age ${20 + (i % 50)} · Area ${i % 20}</p>`
    + `<p>Wanted for offence ${i}</p><p>Officer safety: violence</p><p>Last known near street ${i}</p><button type="button">Collect</button></div></article></li>`
  return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><style>body{margin:0;font:16px/1.4 sans-serif}ul{list-style:none;margin:0;padding:0}p,h2{margin:0 0 4px}h2{font-size:1.2rem}</style></head>`
    + `<body><ul>${Array.from({ length: count }, (_, i) => card(i)).join('')}</ul></body></html>`
}

const countOver = (intervals: readonly number[], limit: number) => intervals.filter((interval) => interval > limit).length
/** The share of intervals over `limit` ms, as a percentage with one decimal. */
const percentOver = (intervals: readonly number[], limit: number) => `${((countOver(intervals, limit) / Math.max(1, intervals.length)) * 100).toFixed(1)} %`

/** How many intervals are over `limit` ms, and their share. */
const overText = (intervals: readonly number[], limit: number) => `${countOver(intervals, limit)} (${percentOver(intervals, limit)})`

const droppedText = (intervals: readonly number[]) => overText(intervals, DROPPED_MS)

export async function galleryBenchmark(): Promise<Figure[]> {
  const config0 = loadConfig({ NODE_ENV: 'production', DEMO: '1', LOG_LEVEL: 'silent' })
  if (!fs.existsSync(path.join(config0.clientDir, 'index.html'))) throw new Error(`no built client in ${config0.clientDir}: run npm run build first`)
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-gallery-'))
  const config = { ...config0, store: { kind: 'sqlite' as const, path: path.join(dir, 'bench.db') }, loginRateLimitPerMinute: 10_000 }
  const store = openStore(config.store)
  try {
    await migrateToLatest(store)
    const seedStarted = performance.now()
    await seedDemoForce(store, { demoPassword: 'kestrel-demo', scale: SEED_SCALE })
    const { wanted, added } = await addWantedPeople(store, WANTED)
    const seedMs = performance.now() - seedStarted
    const app = await buildApp({ config, store, closeStore: false, logger: false })
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    const browser = await chromium.launch({
      executablePath: fs.existsSync(chromiumPath) ? chromiumPath : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    })
    try {
      const context = await browser.newContext({ baseURL: base, ...phone })
      // tsx keeps function names with a `__name` helper that functions sent to the page call too.
      await context.addInitScript({ content: 'window.__name = (fn) => fn' })
      const page = await context.newPage()
      // Sign in as the officer would, unthrottled: the sign-in is not what is measured.
      await page.goto('/')
      await new SignInPage(page).signIn('1001', 'kestrel-demo')
      const pinSetup = new PinSetupPage(page)
      await pinSetup.heading.waitFor()
      await pinSetup.setPin('2468')
      await new HomePage(page).heading.waitFor()
      const saveStarted = performance.now()
      const media = await mediaSaved(page)
      const saveMs = performance.now() - saveStarted

      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
      await cdp.send('Performance.enable')

      // Time to the first card: from the tap on "Wanted" to the first card in the page, by the page's clock.
      await page.evaluate(() => {
        const bench = { tappedAt: 0, firstCardAt: 0 }
        Object.assign(window, { galleryBench: bench })
        const observer = new MutationObserver(() => {
          if (bench.tappedAt > 0 && document.querySelector('article')) {
            bench.firstCardAt = performance.now()
            observer.disconnect()
          }
        })
        observer.observe(document.body, { childList: true, subtree: true })
        document.addEventListener('click', () => (bench.tappedAt = performance.now()), { capture: true, once: true })
      })
      const gallery = new WantedGalleryPage(page)
      await gallery.navLink.click()
      await gallery.cards().first().waitFor()
      const firstCardMs = await page.evaluate(() => {
        const { tappedAt, firstCardAt } = (window as unknown as { galleryBench: { tappedAt: number; firstCardAt: number } }).galleryBench
        return firstCardAt - tappedAt
      })
      const count = page.getByText(`${wanted} wanted people, highest priority first`, { exact: true })
      await count.waitFor({ timeout: 120_000 })
      // Let the page settle (photos of the first screen, the claim fetch) before scrolling.
      await page.waitForTimeout(2_000)

      if (PROFILE) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'))
      if (TRACE) await browser.startTracing(page, { path: TRACE, screenshots: false })
      const scroll = await page.evaluate(scrollToBottom, { screens: SCREENS_PER_FRAME, maxFrames: MAX_FRAMES, from: FROM })
      if (TRACE) {
        await browser.stopTracing()
        console.log(`Chromium trace of the scroll written to ${TRACE} (open it in Chromium's DevTools, Performance)`)
      }
      if (PROFILE) {
        const { profile } = await cdp.send('Profiler.stop')
        fs.writeFileSync(PROFILE, JSON.stringify(profile))
        console.log(`CPU profile of the scroll written to ${PROFILE} (open it in Chromium's DevTools, Performance)`)
      }
      const { metrics } = await cdp.send('Performance.getMetrics')
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length)

      // The floor: a plain page of as many cards, same browser, same slow-down, same scroll.
      let floor: number[] | null = null
      if (FLOOR) {
        const plain = await context.newPage()
        await plain.setContent(plainCardsPage(wanted))
        // As the context's init script does for the app's pages (setContent may not run it).
        await plain.evaluate('window.__name = (fn) => fn')
        const plainCdp = await context.newCDPSession(plain)
        await plainCdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
        // The same timing loop as the gallery's; it finds no virtual list there, so blank frames stay 0.
        floor = (await plain.evaluate(scrollToBottom, { screens: SCREENS_PER_FRAME, maxFrames: MAX_FRAMES, from: FROM })).intervals
        await plain.close()
      }

      const sorted = [...scroll.intervals].sort((a, b) => a - b)
      const dropped = countOver(scroll.intervals, DROPPED_MS)
      const p95 = percentile(sorted, 95)
      // The scroll in four parts, top to bottom: where in the list the long frames are.
      const quarter = Math.ceil(scroll.intervals.length / 4)
      const parts = [0, 1, 2, 3].map((i) => scroll.intervals.slice(i * quarter, (i + 1) * quarter)).filter((part) => part.length > 0)
      const partText = parts
        .map((part) => `${ms(percentile([...part].sort((a, b) => a - b), 50))}, ${percentOver(part, LATE_MS)}, ${percentOver(part, DROPPED_MS)}`)
        .join(' | ')
      const rows: Row[] = [
        { measure: 'entries (wanted people)', value: `${wanted} (${added} added to the demo force at scale ${SEED_SCALE})`, goal: `>= ${WANTED}`, ok: yes(wanted >= WANTED) },
        { measure: 'cards in the page (most at once / at the end)', value: `${scroll.maxCards} / ${scroll.cardsAtEnd}`, goal: '-', ok: '' },
        { measure: 'reached the last card', value: `${yes(scroll.lastCardShown)} (${(scroll.scrolledPx / 1000).toFixed(0)} k px in ${(scroll.ms / 1000).toFixed(1)} s)`, goal: 'yes', ok: yes(scroll.lastCardShown) },
        { measure: 'time to first card (tap on Wanted)', value: ms(firstCardMs), goal: '-', ok: '' },
        { measure: 'frames', value: `${scroll.intervals.length}`, goal: '-', ok: '' },
        { measure: 'frame interval p50', value: ms(percentile(sorted, 50)), goal: '-', ok: '' },
        { measure: 'frame interval p95', value: ms(p95), goal: `< ${LATE_MS} ms (one vsync)`, ok: yes(p95 < LATE_MS) },
        { measure: 'frame interval p99', value: ms(percentile(sorted, 99)), goal: '-', ok: '' },
        { measure: 'frame interval max', value: ms(sorted.at(-1) ?? Number.NaN), goal: '-', ok: '' },
        { measure: `late frames (over one vsync, > ${LATE_MS} ms)`, value: overText(scroll.intervals, LATE_MS), goal: '-', ok: '' },
        { measure: `dropped frames (> ${DROPPED_MS} ms)`, value: droppedText(scroll.intervals), goal: '< 1 %', ok: yes(dropped < scroll.intervals.length / 100) },
        { measure: 'by quarter of the scroll: p50, late, dropped', value: partText, goal: '-', ok: '' },
        { measure: 'frames with part of the list blank (no card yet), widest', value: `${scroll.blankFrames} (${((scroll.blankFrames / Math.max(1, scroll.intervals.length)) * 100).toFixed(1)} %), ${scroll.widestBlankPx.toFixed(0)} px`, goal: '-', ok: '' },
        { measure: 'JS heap used / total', value: `${MB(metric('JSHeapUsedSize'))} / ${MB(metric('JSHeapTotalSize'))}`, goal: '-', ok: '' },
        { measure: 'elements in the page at the end / DOM nodes held (detached ones until collected)', value: `${elements} / ${metric('Nodes')}`, goal: '-', ok: '' },
      ]
      if (floor) {
        const floorSorted = [...floor].sort((a, b) => a - b)
        rows.push({
          measure: `floor: plain page of ${wanted} cards, no app code (frames; p50 / p95; late; dropped)`,
          value: `${floor.length}; ${ms(percentile(floorSorted, 50))} / ${ms(percentile(floorSorted, 95))}; ${overText(floor, LATE_MS)}; ${droppedText(floor)}`,
          goal: '-',
          ok: '',
        })
      }
      console.log(`Chromium ${browser.version()}, phone 390 × 844 touch, CPU slowed ${CPU_SLOWDOWN}×, scrolling ${Math.round(SCREENS_PER_FRAME * phone.viewport.height)} px a frame; `
        + `seed ${(seedMs / 1000).toFixed(1)} s; ${media} photos and documents saved on the device in ${(saveMs / 1000).toFixed(0)} s; `
        + `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at the end (other work on the machine slows every frame)`)
      console.table(rows)
      return goalFigures(rows)
    } finally {
      await browser.close()
      await app.close()
    }
  } finally {
    await store.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
