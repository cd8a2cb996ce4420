/**
 * The demo-force seed at a small scale, on SQLite always and on PostgreSQL when TEST_DATABASE_URL is
 * set (in a fresh schema, dropped afterwards): sizes, determinism, geography, photos and documents,
 * the shared demo password, the wanted priority mix, a planted rising hotspot, and the wipe.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { verify } from 'argon2'
import pg from 'pg'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest, openStore, type Store } from '../store/db.ts'
import { demoAreas, pointInArea } from './areas.ts'
import { curfewPatterns } from './conditions.ts'
import { demoAccounts, demoForceSize, isEmpty, seedDemoForce, wipeDemoForce, type SeedSummary } from './index.ts'

const scale = 0.02
const now = new Date('2026-11-25T09:30:00Z')
const demoPassword = 'correct horse battery staple'
const pgUrl = process.env.TEST_DATABASE_URL

type Opened = { store: Store; close: () => Promise<void> }

async function openSqlite(): Promise<Opened> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kestrel-seed-'))
  const store = openStore({ kind: 'sqlite', path: path.join(dir, 'kestrel.db') })
  await migrateToLatest(store)
  return { store, close: async () => { await store.destroy(); await fs.rm(dir, { recursive: true, force: true }) } }
}

async function openPostgres(url: string): Promise<Opened> {
  const schema = `seed_test_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema "${schema}"`)
  const store = openStore({ kind: 'postgres', url, schema })
  await migrateToLatest(store)
  return {
    store,
    close: async () => {
      await store.destroy()
      await admin.query(`drop schema "${schema}" cascade`)
      await admin.end()
    },
  }
}

const peopleRows = (store: Store) => store.db.selectFrom('people').selectAll().orderBy('id').execute()

/** Wheeler's test: latest month (C) against the three months before, scaled to one month (E). */
function wheelerZ(recent: number, baseline: number, baselineMonths: number): number {
  return 2 * (Math.sqrt(recent) - Math.sqrt(baseline / baselineMonths))
}

const backends: [string, () => Promise<Opened>][] = [['SQLite', openSqlite]]
if (pgUrl) backends.push(['PostgreSQL', () => openPostgres(pgUrl)])

describe.each(backends)('seedDemoForce on %s', (_name, open) => {
  let opened: Opened
  let store: Store
  let summary: SeedSummary
  const lines: string[] = []

  beforeAll(async () => {
    opened = await open()
    store = opened.store
    expect(await isEmpty(store)).toBe(true)
    summary = await seedDemoForce(store, { demoPassword, scale, now, log: (line) => lines.push(line) })
  })
  afterAll(async () => opened?.close())

  it('writes the sizes the scale asks for, and every account at any scale', async () => {
    expect(summary).toMatchObject({
      areas: demoAreas.length,
      warningMarkerTypes: 12,
      users: demoAccounts.reduce((sum, a) => sum + a.count, 0),
      addresses: Math.round(demoForceSize.addresses * scale),
      people: Math.round(demoForceSize.people * scale),
      wanted: Math.round(demoForceSize.wanted * scale),
      vehicles: Math.round(demoForceSize.vehicles * scale),
    })
    const conditioned = await store.db.selectFrom('conditions').select('personId').distinct().execute()
    expect(conditioned).toHaveLength(Math.round(demoForceSize.conditioned * scale))
    const { n } = await store.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(n)).toBe(summary.people)
    const months = await store.db.selectFrom('crimes').select('month').distinct().orderBy('month').execute()
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05',
      '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'])
    expect(summary.crimes).toBeGreaterThan(500)
    expect(lines.some((line) => line.startsWith('planted rising hotspot'))).toBe(true)
  })

  it('places every address, and so every person, inside their area', async () => {
    const addresses = await store.db.selectFrom('addresses').select(['areaId', 'lat', 'lng']).execute()
    for (const a of addresses) expect(pointInArea(a.areaId ?? '', a)).toBe(true)
    const people = await store.db.selectFrom('people')
      .innerJoin('addresses', 'addresses.id', 'people.addressId')
      .select(['people.id', 'people.areaId', 'addresses.lat', 'addresses.lng'])
      .execute()
    expect(people.length).toBeGreaterThan(summary.people * 0.9)
    for (const p of people) expect(pointInArea(p.areaId ?? '', p), p.id).toBe(true)
  })

  it('gives every wanted person a small demo drawing, and priority 1 and 2 a PDF summary', async () => {
    const wanted = await store.db.selectFrom('wanted')
      .innerJoin('people', 'people.id', 'wanted.personId')
      .leftJoin('media', 'media.id', 'people.photoMediaId')
      .select(['wanted.personId', 'wanted.priority', 'media.contentType', 'media.bytes'])
      .execute()
    for (const w of wanted) {
      expect(w.contentType, w.personId).toBe('image/webp')
      const picture = await sharp(Buffer.from(w.bytes ?? [])).metadata()
      expect([picture.format, picture.width, picture.height], w.personId).toEqual(['webp', 160, 200])
      expect(w.bytes?.length, w.personId).toBeLessThan(4096)
    }
    const documents = await store.db.selectFrom('media').select(['personId', 'contentType', 'bytes']).where('kind', '=', 'document').execute()
    expect(documents).toHaveLength(wanted.filter((w) => w.priority <= 2).length)
    for (const d of documents) {
      expect(d.contentType).toBe('application/pdf')
      expect(Buffer.from(d.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    }
  })

  it('hashes the shared demo password with argon2id', async () => {
    const users = await store.db.selectFrom('users').select(['collarNumber', 'role', 'areaId', 'passwordHash', 'isDemo']).orderBy('id').execute()
    expect(users.map((u) => u.collarNumber)).toContain('1200')
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1)
    expect(users[0].passwordHash).toMatch(/^\$argon2id\$/)
    expect(await verify(users[0].passwordHash, demoPassword)).toBe(true)
    expect(users.find((u) => u.collarNumber === '4001')).toMatchObject({ role: 'admin', areaId: null, isDemo: 1 })
    expect(users.find((u) => u.collarNumber === '2010')).toMatchObject({ role: 'supervisor' })
  })

  it('grades the wanted 15 / 35 / 50 % by priority, with harm highest for priority 1', async () => {
    const wanted = await store.db.selectFrom('wanted').select(['priority', 'harm']).execute()
    const share = (p: number) => wanted.filter((w) => w.priority === p).length / wanted.length
    expect(share(1)).toBeCloseTo(0.15, 1)
    expect(share(2)).toBeCloseTo(0.35, 1)
    expect(share(3)).toBeCloseTo(0.5, 1)
    const minHarm1 = Math.min(...wanted.filter((w) => w.priority === 1).map((w) => w.harm))
    const maxHarm3 = Math.max(...wanted.filter((w) => w.priority === 3).map((w) => w.harm))
    expect(minHarm1).toBeGreaterThan(maxHarm3)
  })

  it('plants hotspots that are rising by the Wheeler test in the latest month', async () => {
    const rows = await store.db.selectFrom('crimes')
      .select(['lat', 'lng', 'month', (eb) => eb.fn.countAll<number>().as('n')])
      .where('lat', 'is not', null)
      .where('month', 'in', ['2026-07', '2026-08', '2026-09', '2026-10'])
      .groupBy(['lat', 'lng', 'month'])
      .execute()
    const points = new Map<string, { recent: number; baseline: number }>()
    for (const row of rows) {
      const key = `${row.lat},${row.lng}`
      const point = points.get(key) ?? { recent: 0, baseline: 0 }
      if (row.month === '2026-10') point.recent += Number(row.n)
      else point.baseline += Number(row.n)
      points.set(key, point)
    }
    const rising = [...points.values()].filter((p) => p.recent >= 3 && wheelerZ(p.recent, p.baseline, 3) >= 3)
    expect(rising.length).toBeGreaterThanOrEqual(4)
    expect(rising.length).toBeLessThan(points.size / 10)
  })

  it('refuses a store that already has accounts, and the wipe empties it but keeps imported crime', async () => {
    await expect(seedDemoForce(store, { demoPassword, scale })).rejects.toThrow(/already has accounts/)
    await store.db.insertInto('crimes').values({
      id: 'police-uk-1', source: 'police.uk', month: '2026-09', date: null, precision: 'month', category: 'burglary',
      lat: null, lng: null, location: 'No Location', lsoaCode: null, lsoaName: null, outcome: null, force: null,
    }).execute()
    await wipeDemoForce(store)
    expect(await isEmpty(store)).toBe(true)
    expect(await store.db.selectFrom('people').select('id').execute()).toEqual([])
    expect(await store.db.selectFrom('crimes').select('id').execute()).toEqual([{ id: 'police-uk-1' }])
  })
})

describe('curfew patterns', () => {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
  it('stay within sentence-curfew limits: 2 to 16 hours a day, at most 112 hours a week', () => {
    for (const windows of curfewPatterns) {
      let weekly = 0
      for (const { days, start, end } of windows) {
        const hours = (((minutes(end) - minutes(start)) + 1440) % 1440) / 60
        expect(hours).toBeGreaterThanOrEqual(2)
        expect(hours).toBeLessThanOrEqual(16)
        weekly += hours * days.length
      }
      expect(weekly).toBeLessThanOrEqual(112)
      expect(new Set(windows.flatMap((w) => w.days)).size).toBe(windows.flatMap((w) => w.days).length)
    }
  })
})

describe('seed determinism', () => {
  const opened: Opened[] = []
  const seedInto = async (open: () => Promise<Opened>, seed?: number) => {
    const o = await open()
    opened.push(o)
    await seedDemoForce(o.store, { demoPassword, scale, now, seed })
    return o.store
  }
  let first: Store

  beforeAll(async () => { first = await seedInto(openSqlite) })
  afterAll(async () => { for (const o of opened) await o.close() })

  it('gives identical rows for the same seed', async () => {
    const second = await seedInto(openSqlite)
    expect(await peopleRows(second)).toEqual(await peopleRows(first))
    for (const table of ['addresses', 'wanted', 'conditions', 'vehicles', 'contacts', 'media', 'crimes'] as const) {
      expect(await second.db.selectFrom(table).selectAll().execute(), table).toEqual(await first.db.selectFrom(table).selectAll().execute())
    }
  })

  it('lays the same choices out around another reference date', async () => {
    const later = new Date('2027-03-10T18:00:00Z')
    const days = Math.round((later.getTime() - now.getTime()) / 86_400_000)
    const o = await openSqlite()
    opened.push(o)
    await seedDemoForce(o.store, { demoPassword, scale, now: later })
    const shifted = (dob: string | null) => (dob ? new Date(Date.parse(dob) + days * 86_400_000).toISOString().slice(0, 10) : null)
    const expected = (await peopleRows(first)).map((p) => ({ ...p, dob: shifted(p.dob), updatedAt: later.toISOString() }))
    expect(await peopleRows(o.store)).toEqual(expected)
  })

  it('gives different people for another seed', async () => {
    const [otherPeople, firstPeople] = [await peopleRows(await seedInto(openSqlite, 7)), await peopleRows(first)]
    const same = otherPeople.filter((p, i) => p.surname === firstPeople[i].surname && p.dob === firstPeople[i].dob)
    expect(same.length).toBeLessThan(firstPeople.length / 10)
  })

  it.skipIf(!pgUrl)('gives the same people on PostgreSQL as on SQLite', async () => {
    const postgres = await seedInto(() => openPostgres(pgUrl ?? ''))
    expect(await peopleRows(postgres)).toEqual(await peopleRows(first))
  })
})
