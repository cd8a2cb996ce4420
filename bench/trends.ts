/**
 * The crime-trend benchmark (issue 6): 1,000,000 crimes over 12 months written as a police.uk CSV
 * file and loaded through the real importer (rows per second), then 50 trend queries through the
 * API on loopback (`app.inject`, so routing, validation, statistics and JSON are all counted),
 * varying month, baseline, category and resolution. Goal: p95 under 200 ms. Wall time and this
 * process's CPU time are both shown: on a shared machine the first includes waiting for a core.
 * Temporary SQLite database; prints a table and removes its files. TRENDS_BENCH_CRIMES=N for a
 * smaller run. `BENCH_TRENDS_DB=FILE` keeps the imported database in FILE and reuses it on the next
 * run (importing 1,000,000 crimes takes minutes); a reused database has no import figures.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import argon2 from 'argon2'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { importCrimeFile, policeUkColumns } from '../src/server/importers/crimes.ts'
import { migrateToLatest, openStore } from '../src/server/store/db.ts'
import { crimeCategories } from '../src/shared/domain/crime-categories.ts'
import type { Figure } from './figures.ts'

const totalCrimes = Number(process.env.TRENDS_BENCH_CRIMES ?? 1_000_000)
const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`)
const queries = 50

/** mulberry32: the same file every run. */
function seeded(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A West-Midlands-sized force: 40,000 anonymous snap points over about 30 x 30 km, crime
 * concentrated on a fifth of them (half of all crime), 2 % without a location, a Crime ID on
 * everything but anti-social behaviour, as police.uk publishes.
 */
async function writeCsv(file: string): Promise<void> {
  const random = seeded(6)
  const points = Array.from({ length: 40_000 }, (_, i) => ({
    lat: (52.35 + random() * 0.3).toFixed(6), lng: (-2.15 + random() * 0.45).toFixed(6), location: `On or near Street ${i}`,
  }))
  const hot = points.slice(0, 8_000)
  const out = fs.createWriteStream(file)
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())))
  await write(`${policeUkColumns.join(',')}\n`)
  let lines: string[] = []
  for (let i = 0; i < totalCrimes; i++) {
    const month = months[Math.floor((i / totalCrimes) * months.length)]!
    const category = crimeCategories[Math.floor(random() ** 1.5 * crimeCategories.length)]!
    const pool = random() < 0.5 ? hot : points
    const point = pool[Math.floor(random() * pool.length)]!
    const located = random() >= 0.02
    const crimeId = category.slug === 'anti-social-behaviour' ? '' : `${i.toString(16).padStart(16, '0')}${'b'.repeat(48)}`
    lines.push([crimeId, month, 'Bench Police', 'Bench Police', located ? point.lng : '', located ? point.lat : '', located ? point.location : 'No Location',
      'E01000001', 'Bench 001A', category.name, category.slug === 'anti-social-behaviour' ? '' : 'Under investigation', ''].join(','))
    if (lines.length === 10_000) {
      await write(`${lines.join('\n')}\n`)
      lines = []
    }
  }
  await write(lines.length > 0 ? `${lines.join('\n')}\n` : '')
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const ms = (x: number) => `${x.toFixed(1)} ms`
const rate = (x: number) => Math.round(x).toLocaleString('en-GB')
/** CPU time this process spent since `since` (user + system): what the work costs, whatever else the machine runs. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

export async function trendsBenchmark(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-bench-trends-'))
  const kept = process.env.BENCH_TRENDS_DB
  const file = kept ? path.resolve(kept) : path.join(dir, 'bench.db')
  const reused = kept !== undefined && fs.existsSync(file)
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }), store: { kind: 'sqlite' as const, path: file }, loginRateLimitPerMinute: 10_000 }
  const store = openStore(config.store)
  try {
    await migrateToLatest(store)
    let cpu = process.cpuUsage()
    let imported: { rowsPerSecond: number; seconds: number; perCpuSecond: number; reimportPerSecond: number; unchanged: number; added: number } | null = null
    if (reused) {
      console.log(`reusing the crimes imported into ${file} (no import figures this run)`)
    } else {
      const csv = path.join(dir, 'crimes.csv')
      let started = performance.now()
      await writeCsv(csv)
      const generateMs = performance.now() - started
      console.log(`generated ${totalCrimes.toLocaleString('en-GB')} rows (${(fs.statSync(csv).size / 1e6).toFixed(0)} MB) in ${(generateMs / 1000).toFixed(1)} s; importing...`)
      started = performance.now()
      cpu = process.cpuUsage()
      const report = await importCrimeFile(store.db, store.dialect, csv)
      const importMs = performance.now() - started
      const importCpuMs = cpuMs(cpu)
      if (report.rejected.length > 0 || report.added !== totalCrimes) throw new Error(`import: ${report.added} added, ${report.rejected.length} rejected`)
      started = performance.now()
      const again = await importCrimeFile(store.db, store.dialect, csv)
      const reimportMs = performance.now() - started
      fs.rmSync(csv)
      imported = {
        rowsPerSecond: totalCrimes / (importMs / 1000), seconds: importMs / 1000, perCpuSecond: totalCrimes / (importCpuMs / 1000),
        reimportPerSecond: totalCrimes / (reimportMs / 1000), unchanged: again.unchanged, added: again.added,
      }
    }

    const hash = await argon2.hash('bench-password', { memoryCost: 4096, timeCost: 1, parallelism: 1 })
    await store.db.deleteFrom('users').where('collarNumber', '=', '3999').execute()
    await store.db.insertInto('users').values({ collarNumber: '3999', name: 'Bench Analyst', role: 'analyst', areaId: null, passwordHash: hash, isDemo: 0, lockedUntil: null, createdAt: new Date().toISOString() }).execute()
    const app = await buildApp({ config, store, closeStore: false, logger: false })
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber: '3999', password: 'bench-password' } })
      const cookie = login.cookies.find((c) => c.name === 'kestrel_session')!
      const random = seeded(7)
      const times: number[] = []
      const cpuTimes: number[] = []
      const cellCounts: number[] = []
      for (let i = 0; i < queries + 3; i++) {
        const month = months[3 + Math.floor(random() * 9)]!
        const params = new URLSearchParams({ month, baselineMonths: String(1 + Math.floor(random() * 3)), resolution: String(6 + Math.floor(random() * 4)) })
        if (random() < 0.5) params.set('category', crimeCategories[Math.floor(random() * crimeCategories.length)]!.slug)
        const t0 = performance.now()
        cpu = process.cpuUsage()
        const response = await app.inject({ method: 'GET', url: `/api/crime/trends?${params}`, cookies: { kestrel_session: cookie.value } })
        const elapsed = performance.now() - t0
        const cpuElapsed = cpuMs(cpu)
        if (response.statusCode !== 200) throw new Error(`trends ${params}: ${response.statusCode} ${response.body}`)
        if (i < 3) continue // warm-up
        times.push(elapsed)
        cpuTimes.push(cpuElapsed)
        cellCounts.push((JSON.parse(response.body) as { cells: unknown[] }).cells.length)
      }
      const r9 = performance.now()
      cpu = process.cpuUsage()
      const full = await app.inject({ method: 'GET', url: `/api/crime/trends?month=2025-12&baselineMonths=3&resolution=9`, cookies: { kestrel_session: cookie.value } })
      const r9Ms = performance.now() - r9
      const r9Cpu = cpuMs(cpu)
      times.sort((a, b) => a - b)
      cpuTimes.sort((a, b) => a - b)
      const p95 = percentile(times, 95)
      console.table([
        ...(imported ? [
          { measure: 'import (police.uk CSV, new rows)', value: `${rate(imported.rowsPerSecond)} rows/s`, detail: `${imported.seconds.toFixed(1)} s for ${totalCrimes.toLocaleString('en-GB')}; ${rate(imported.perCpuSecond)} rows per CPU-second`, goal: '' },
          { measure: 're-import (nothing changes)', value: `${rate(imported.reimportPerSecond)} rows/s`, detail: `${imported.unchanged.toLocaleString('en-GB')} unchanged, ${imported.added} added`, goal: '' },
        ] : []),
        { measure: `trend query p50 (${queries} queries)`, value: ms(percentile(times, 50)), detail: `CPU ${ms(percentile(cpuTimes, 50))}; cells per answer ${Math.min(...cellCounts)} to ${Math.max(...cellCounts)}`, goal: '' },
        { measure: 'trend query p95', value: ms(p95), detail: `CPU ${ms(percentile(cpuTimes, 95))}; month, 1-3 baseline months, category or all, resolution 6-9`, goal: p95 < 200 ? '< 200 ms: met' : '< 200 ms: NOT met' },
        { measure: 'trend query max', value: ms(times.at(-1)!), detail: `CPU ${ms(cpuTimes.at(-1)!)}`, goal: '' },
        { measure: 'all categories, resolution 9', value: ms(r9Ms), detail: `CPU ${ms(r9Cpu)}; ${(JSON.parse(full.body) as { cells: unknown[] }).cells.length} cells, ${(full.body.length / 1024).toFixed(0)} kB`, goal: '' },
      ])
      console.log(`load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`)
      return [
        { figure: `trend query p95 (${queries} queries, ${totalCrimes.toLocaleString('en-GB')} crimes)`, value: `${ms(p95)} (CPU ${ms(percentile(cpuTimes, 95))})`, goal: '< 200 ms', met: p95 < 200 },
        { figure: 'crime import (police.uk CSV, new rows)', value: imported ? `${rate(imported.rowsPerSecond)} rows/s` : 'not measured (BENCH_TRENDS_DB reused)', goal: '-', met: null },
      ]
    } finally {
      await app.close()
    }
  } finally {
    await store.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
