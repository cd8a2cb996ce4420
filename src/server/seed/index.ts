/**
 * The deterministic demo force: areas, accounts, warning-marker types, addresses, people, the wanted,
 * bail and curfew conditions, vehicles, contact history, demo photos and documents, and twelve months
 * of street-level crime with planted trends. All of it is fictional.
 *
 * Determinism: every random choice comes from one seeded Faker stream, drawn in a fixed order, and
 * never depends on the clock. Dates are those random day offsets added to the reference time (now,
 * or `options.now`), so the data is current whenever it is seeded; the same seed on the same day (or
 * with the same `now`) gives byte-identical rows, apart from the password hash's random salt.
 * Accounts are drawn first, so their names do not change with the scale.
 */
import type { Insertable } from 'kysely'
import type { Store } from '../store/db.ts'
import { mediaVersion } from '../store/media.ts'
import type { Database, MediaTable } from '../store/schema.ts'
import { generateAccounts, hashDemoPassword } from './accounts.ts'
import { buildGazetteer, generateAddresses } from './addresses.ts'
import { seedBriefing } from './briefing.ts'
import { closedRing, demoAreas } from './areas.ts'
import { insertRows } from './bulk-insert.ts'
import { calendarAt } from './calendar.ts'
import { generateConditions } from './conditions.ts'
import { generateContacts } from './contacts.ts'
import { generateCrimes } from './crimes.ts'
import { briefingPdf } from './documents.ts'
import { plantedPeople } from './names.ts'
import { upsertPeople } from '../importers/people.ts'
import { storeCrimes } from '../store/crimes.ts'
import { addMarkers, descriptionText, fullName, generatePeople, personImport, type Person } from './people.ts'
import { demoPhotos, demoPhotoSvg, demoPhotoType } from './photos.ts'
import { createRandom } from './random.ts'
import { generateVehicles } from './vehicles.ts'
import { demoMarkerTypes, markerTypeRows } from './warning-markers.ts'
import { generateWanted, type Wanted } from './wanted.ts'

export { demoAccounts } from './accounts.ts'
export { wipeDemoForce } from './bulk-insert.ts'

export type SeedOptions = {
  /** Default 20261125. */
  seed?: number
  demoPassword: string
  /** 1 = the full demo force; tests use 0.02 to 0.05. Accounts are never scaled. */
  scale?: number
  log?: (line: string) => void
  /** The reference time the data is laid out around; default now. Tests pin it. */
  now?: Date
}

export type SeededTable = 'areas' | 'warningMarkerTypes' | 'users' | 'addresses' | 'people' | 'wanted' | 'conditions'
  | 'vehicles' | 'contacts' | 'media' | 'crimes' | 'briefingItems'
/** Rows written, per table. */
export type SeedSummary = Record<SeededTable, number>

export const defaultSeed = 20261125

/** Sizes at scale 1; crime is about 5,000 a month for twelve months. */
export const demoForceSize = { addresses: 10_000, people: 20_000, wanted: 600, conditioned: 1_500, vehicles: 5_000 } as const

/** Share of the wanted who are also on bail conditions (wanted for breaching them). */
const wantedOnConditions = 0.1

export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) === undefined
}

function sized(base: number, scale: number, minimum: number): number {
  return Math.max(minimum, Math.round(base * scale))
}

export async function seedDemoForce(store: Store, options: SeedOptions): Promise<SeedSummary> {
  const { seed = defaultSeed, scale = 1, demoPassword, log = () => {} } = options
  if (!Number.isInteger(seed)) throw new Error(`the seed must be an integer, got ${seed}`)
  if (!(scale > 0 && scale <= 10)) throw new Error(`the scale must be above 0 and at most 10, got ${scale}`)
  if (!demoPassword) throw new Error('a demo password is required')
  if (!(await isEmpty(store))) throw new Error('the store already has accounts: wipe it first (npm run seed -- --force)')

  const started = performance.now()
  const elapsed = () => `${Math.round(performance.now() - started)} ms`
  // argon2 runs on the libuv thread pool, so the hash is ready by the time the rows are.
  const hashing = hashDemoPassword(demoPassword)
  const r = createRandom(seed)
  const cal = calendarAt(options.now ?? new Date())
  const stamp = cal.nowIso

  const accounts = generateAccounts(r, stamp)
  const gazetteer = buildGazetteer(r)
  const addresses = generateAddresses(r, gazetteer, sized(demoForceSize.addresses, scale, 10), stamp)
  const people = generatePeople(r, sized(demoForceSize.people, scale, plantedPeople.length + 10), addresses, cal.today)

  // Planted wanted lookalikes first, then a shuffled population: the wanted are its head, and the
  // people on conditions follow on, overlapping the last tenth of the wanted.
  const plantedWanted = plantedPeople.flatMap((planted, i) => (planted.wanted ? [people[i]] : []))
  const rest = r.helpers.shuffle(people.filter((person) => !plantedWanted.includes(person)))
  const queue = [...plantedWanted, ...rest]
  const wantedCount = sized(demoForceSize.wanted, scale, plantedWanted.length)
  const overlap = Math.round(wantedCount * wantedOnConditions)
  const wantedPeople = queue.slice(0, wantedCount)
  const conditioned = queue.slice(wantedCount - overlap, wantedCount - overlap + sized(demoForceSize.conditioned, scale, 1))
  addMarkers(r, wantedPeople, 0.5)
  addMarkers(r, conditioned, 0.25)

  const wanted = generateWanted(r, wantedPeople, new Set(conditioned), gazetteer, cal)
  const conditions = generateConditions(r, conditioned, gazetteer, addresses, cal)
  const briefed = [...new Set([...wantedPeople, ...conditioned])]
  const contacts = generateContacts(r, briefed, gazetteer, cal)
  const vehicles = generateVehicles(r, sized(demoForceSize.vehicles, scale, 10), people, wantedPeople, stamp)
  // Drawn in order (the drawing takes random choices), made into pictures after.
  const drawings = briefed.map((person) => demoPhotoSvg(r, person.description))
  const crimes = generateCrimes(r, gazetteer, cal.crimeMonths, scale)
  log(`records generated, ${elapsed()}`)
  const pictures = await demoPhotos(drawings)
  const photos = briefed.map((person, i): Insertable<MediaTable> => {
    person.photoMediaId = `photo-${person.id}`
    return media(person, 'photo', 'Demo drawing, not a photograph', demoPhotoType, pictures[i]!, stamp)
  })
  log(`${photos.length} photos drawn, ${elapsed()}`)

  const documents: Insertable<MediaTable>[] = []
  for (const w of wanted.filter((w) => w.priority <= 2)) documents.push(await briefingDocument(w, stamp))
  log(`${documents.length} documents made, ${elapsed()}`)

  const write = async <T extends SeededTable>(table: T, rows: readonly Insertable<Database[T]>[]): Promise<number> => {
    await insertRows(store, table, rows)
    log(`${table}: ${rows.length} rows, ${elapsed()}`)
    return rows.length
  }
  const hash = await hashing
  log(`password hashed, ${elapsed()}`)
  const summary: SeedSummary = {
    areas: await write('areas', demoAreas.map((area) => ({ id: area.id, name: area.name, boundary: JSON.stringify(closedRing(area.vertices)) }))),
    warningMarkerTypes: await write('warningMarkerTypes', markerTypeRows()),
    users: await write('users', accounts.map((account) => ({ ...account, passwordHash: hash }))),
    addresses: await write('addresses', addresses),
    people: await (async () => {
      // People go through the importer's own path, as a force's nightly extract would.
      await upsertPeople(store.db, store.dialect, people.map(personImport), stamp)
      log(`people: ${people.length} rows, ${elapsed()}`)
      return people.length
    })(),
    wanted: await write('wanted', wanted.map((w) => w.row)),
    conditions: await write('conditions', conditions),
    vehicles: await write('vehicles', vehicles),
    contacts: await write('contacts', contacts),
    media: await write('media', [...photos, ...documents]),
    crimes: await (async () => {
      // Crime goes through the importer's store path: the same keys and H3 cells as police.uk rows.
      const { added } = await storeCrimes(store.db, store.dialect, crimes.rows)
      log(`crimes: ${added} rows, ${elapsed()}`)
      return added
    })(),
    briefingItems: await seedBriefing(store, r, Date.parse(stamp)).then((n) => {
      log(`briefingItems: ${n} rows, ${elapsed()}`)
      return n
    }),
  }
  for (const trend of crimes.planted) log(`planted ${trend.trend} hotspot: ${trend.location} (${trend.areaId})`)
  return summary
}

function media(person: Person, kind: MediaTable['kind'], title: string, contentType: string, bytes: Buffer,
  createdAt: string): Insertable<MediaTable> {
  return { id: `${kind === 'photo' ? 'photo' : 'doc'}-${person.id}`, personId: person.id, kind, title, contentType, bytes, version: mediaVersion(bytes), createdAt }
}

const markerLabels = new Map(demoMarkerTypes.map((m) => [m.code, m.label]))

async function briefingDocument({ person, row, ...w }: Wanted, createdAt: string): Promise<Insertable<MediaTable>> {
  const pdf = await briefingPdf({
    name: fullName(person),
    dob: person.dob,
    sex: person.name.sex,
    offence: w.offence,
    warrantType: w.warrantType,
    priority: w.priority,
    since: row.since,
    reviewDate: row.reviewDate,
    harm: w.harm,
    markers: person.markers.map((code) => markerLabels.get(code) ?? code),
    lastKnownPlace: row.lastKnownPlace ?? null,
    description: descriptionText(person.description),
    marks: person.description.marks.join('; ') || 'None recorded',
    createdAt: new Date(createdAt),
  })
  return media(person, 'document', 'Briefing summary (DEMO, fictional)', 'application/pdf', Buffer.from(pdf), createdAt)
}
