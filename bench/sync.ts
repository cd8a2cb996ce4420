/**
 * The briefing package benchmark: the full package for one officer of the demo force (bytes on
 * the wire with and without gzip, and time), then a delta after 10 changes made through the API.
 * Goals (issue 3): full package under 5 MB gzip and under 5 s on loopback; a delta under 10 kB.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { migrateToLatest, openStore } from '../src/server/store/db.ts'
import { seedDemoForce } from '../src/server/seed/index.ts'
import { upsertPeople } from '../src/server/importers/people.ts'
import { goalFigures, type Figure, type GoalRow } from './figures.ts'

type Row = GoalRow

async function signIn(base: string, collarNumber: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ collarNumber, password: 'kestrel-demo' }),
  })
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`)
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
}

async function timedSync(base: string, cookie: string, cursor?: string) {
  const started = performance.now()
  const response = await fetch(`${base}/api/sync${cursor ? `?cursor=${cursor}` : ''}`, { headers: { cookie, 'accept-encoding': 'identity' } })
  const body = Buffer.from(await response.arrayBuffer())
  const ms = performance.now() - started
  const startedGzip = performance.now()
  const gzipped = await fetch(`${base}/api/sync${cursor ? `?cursor=${cursor}` : ''}`, { headers: { cookie, 'accept-encoding': 'gzip' } })
  await gzipped.arrayBuffer()
  const gzipMs = performance.now() - startedGzip
  return { ms, gzipMs, bytes: body.length, gzipBytes: gzipSync(body).length, json: JSON.parse(body.toString()) as { cursor: string; put: Record<string, unknown[]>; media: string[] } }
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`

export async function syncBenchmark(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-bench-'))
  const config = { ...loadConfig({ NODE_ENV: 'production', DEMO: '1', LOG_LEVEL: 'silent' }), store: { kind: 'sqlite' as const, path: path.join(dir, 'bench.db') }, loginRateLimitPerMinute: 10_000 }
  const store = openStore(config.store)
  try {
    await migrateToLatest(store)
    const seedStarted = performance.now()
    await seedDemoForce(store, { demoPassword: 'kestrel-demo' })
    const seedMs = performance.now() - seedStarted
    const app = await buildApp({ config, store, closeStore: false, logger: false })
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const officer = await signIn(base, '1001')
      const analyst = await signIn(base, '3001')
      const full = await timedSync(base, officer)
      let mediaBytes = 0
      for (const url of full.json.media) mediaBytes += (await (await fetch(`${base}${url}`, { headers: { cookie: officer } })).arrayBuffer()).byteLength

      // Ten changes: five new briefing items, three edits of people, two withdrawals.
      const people = full.json.put.people as { id: string; surname: string; forenames: string; dob: string | null; areaId: string | null; addressId: string | null }[]
      const created: string[] = []
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${base}/api/briefing/items`, {
          method: 'POST', headers: { cookie: analyst, 'content-type': 'application/json' },
          body: JSON.stringify({
            title: `Bench item ${i}`, body: 'Seen in the area this morning; approach with care.', priority: 2, areaIds: [],
            validFrom: new Date(Date.now() - 60_000).toISOString(), validTo: new Date(Date.now() + 8 * 3_600_000).toISOString(),
            links: [{ kind: 'person', id: people[i]!.id }],
          }),
        })
        created.push(((await response.json()) as { id: string }).id)
      }
      await upsertPeople(store.db, store.dialect, people.slice(10, 13).map((p) => ({
        id: p.id, surname: p.surname, forenames: `${p.forenames} Jr`, dob: p.dob ?? '1990-01-01', areaId: p.areaId, addressId: p.addressId,
      })))
      for (const id of created.slice(0, 2)) await fetch(`${base}/api/briefing/items/${id}`, { method: 'DELETE', headers: { cookie: analyst } })
      const delta = await timedSync(base, officer, full.json.cursor)

      const rows: Row[] = [
        { measure: 'demo force seed (SQLite)', value: `${(seedMs / 1000).toFixed(1)} s`, goal: '-', ok: '' },
        { measure: 'full package records', value: Object.entries(full.json.put).map(([k, v]) => `${v.length} ${k}`).join(', '), goal: '-', ok: '' },
        { measure: 'full package size', value: kB(full.bytes), goal: '-', ok: '' },
        { measure: 'full package size, gzip', value: kB(full.gzipBytes), goal: '< 5 MB', ok: full.gzipBytes < 5 * 1024 * 1024 ? 'yes' : 'NO' },
        { measure: 'full package time (loopback)', value: `${full.ms.toFixed(0)} ms (gzip ${full.gzipMs.toFixed(0)} ms)`, goal: '< 5 s', ok: full.gzipMs < 5000 ? 'yes' : 'NO' },
        { measure: 'photos and documents', value: `${full.json.media.length} files, ${kB(mediaBytes)}`, goal: '-', ok: '' },
        { measure: 'delta after 10 changes', value: `${kB(delta.bytes)} (gzip ${kB(delta.gzipBytes)}), ${delta.ms.toFixed(0)} ms`, goal: '< 10 kB', ok: delta.bytes < 10 * 1024 ? 'yes' : 'NO' },
      ]
      console.table(rows)
      return goalFigures(rows)
    } finally {
      await app.close()
    }
  } finally {
    await store.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
