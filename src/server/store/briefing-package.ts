/**
 * The briefing package: what one officer's device should hold, and the delta since its last sync.
 *
 * Scope: the current and coming briefing items for the officer's area and the tasks assigned to
 * them, everyone and everything those items link to, every wanted person in the force, the people
 * with bail or curfew conditions in the officer's area, and those people's addresses and vehicles.
 *
 * Delta: the cursor is "<change seq>.<time ms>". The change log names the records written since the
 * seq; items whose validity window opened or closed since the time are added. Each named record is
 * then judged against the scope as it is now: inside it is sent to put, outside it is sent to
 * remove. So inserts, updates, deletions and expiries each reach the device in exactly one delta.
 *
 * Crime-trend cells of the officer's area (store/crime-trends.ts) are not records: they go in full
 * with a full package and with the first delta after crime was imported (a 'crime_trends' change).
 */
import type { Kysely } from 'kysely'
import type { SyncResponse } from '../../shared/api/sync.ts'
import { changesSince, latestChangeSeq } from './changes.ts'
import { packageTrends } from './crime-trends.ts'
import { chunks, loadAddresses, loadBriefingItems, loadPeople, loadVehicles } from './intel.ts'
import type { Database, UserRow } from './schema.ts'

export type PackageUser = Pick<UserRow, 'id' | 'collarNumber' | 'role' | 'areaId'>
export type PackageOptions = { lookaheadHours: number; staleHours: number }
type Ids = { people: Set<string>; vehicles: Set<string>; addresses: Set<string>; briefingItems: Set<string> }

const emptyIds = (): Ids => ({ people: new Set(), vehicles: new Set(), addresses: new Set(), briefingItems: new Set() })

export function parseCursor(cursor: string | undefined): { seq: number; time: number } | null {
  if (!cursor) return null
  const [seq, time] = cursor.split('.').map(Number)
  return Number.isSafeInteger(seq) && Number.isSafeInteger(time) ? { seq: seq!, time: time! } : null
}

function itemConcernsUser(item: { areaIds: string; task: string | null }, user: PackageUser): boolean {
  const areas = JSON.parse(item.areaIds) as string[]
  if (areas.length === 0 || user.areaId === null || areas.includes(user.areaId)) return true
  if (!item.task) return false
  const { assignee } = JSON.parse(item.task) as { assignee: { kind: string; id: string } }
  return (assignee.kind === 'officer' && assignee.id === user.collarNumber) || (assignee.kind === 'area' && assignee.id === user.areaId)
}

/**
 * Everything the officer's device should hold now, as ids (`all`), and the part that does not
 * depend on briefing items (`base`: the wanted, the people on conditions in the area, and what
 * comes with them).
 */
export async function scopeFor(db: Kysely<Database>, user: PackageUser, now: Date, options: PackageOptions): Promise<{ all: Ids; base: Ids }> {
  const base = emptyIds()
  const wanted = await db.selectFrom('wanted').select('personId').execute()
  for (const w of wanted) base.people.add(w.personId)
  const today = now.toISOString().slice(0, 10)
  let conditioned = db.selectFrom('conditions').innerJoin('people', 'people.id', 'conditions.personId')
    .select(['conditions.personId', 'conditions.addressId']).where('conditions.validTo', '>=', today)
  if (user.areaId !== null) conditioned = conditioned.where('people.areaId', '=', user.areaId)
  for (const c of await conditioned.execute()) {
    base.people.add(c.personId)
    if (c.addressId) base.addresses.add(c.addressId)
  }
  await addDependents(db, base)

  const briefed = emptyIds()
  const horizon = new Date(now.getTime() + options.lookaheadHours * 3_600_000).toISOString()
  const items = await db.selectFrom('briefingItems').select(['id', 'areaIds', 'task'])
    .where('deletedAt', 'is', null).where('validTo', '>', now.toISOString()).where('validFrom', '<=', horizon)
    .execute()
  for (const item of items) if (itemConcernsUser(item, user)) briefed.briefingItems.add(item.id)
  await addLinked(db, briefed.briefingItems, briefed)
  await addDependents(db, briefed)

  const all = emptyIds()
  for (const key of Object.keys(all) as (keyof Ids)[]) all[key] = new Set([...base[key], ...briefed[key]])
  return { all, base }
}

/** Adds the people, vehicles and addresses that the briefing items in `itemIds` link to. */
async function addLinked(db: Kysely<Database>, itemIds: Set<string>, into: Ids): Promise<void> {
  for (const batch of chunks([...itemIds])) {
    const links = await db.selectFrom('briefingLinks').selectAll().where('itemId', 'in', batch).execute()
    for (const link of links) {
      const target = link.subjectKind === 'person' ? into.people : link.subjectKind === 'vehicle' ? into.vehicles : into.addresses
      target.add(link.subjectId)
    }
  }
}

/** Adds the addresses and vehicles that come with the people in `ids`. */
async function addDependents(db: Kysely<Database>, ids: Ids): Promise<void> {
  for (const batch of chunks([...ids.people])) {
    const [people, links, kept] = await Promise.all([
      db.selectFrom('people').select(['id', 'addressId']).where('id', 'in', batch).execute(),
      db.selectFrom('personLinks').select(['kind', 'targetId']).where('personId', 'in', batch).where('kind', '!=', 'associate').execute(),
      db.selectFrom('vehicles').select('id').where('keeperPersonId', 'in', batch).execute(),
    ])
    for (const p of people) if (p.addressId) ids.addresses.add(p.addressId)
    for (const l of links) (l.kind === 'address' ? ids.addresses : ids.vehicles).add(l.targetId)
    for (const v of kept) ids.vehicles.add(v.id)
  }
}

/** Records named by the change log or by the clock since the cursor. */
async function changedSince(db: Kysely<Database>, cursor: { seq: number; time: number }, now: Date, options: PackageOptions) {
  const changed = emptyIds()
  const { byEntity, last } = await changesSince(db, cursor.seq)
  for (const id of byEntity.get('person') ?? []) changed.people.add(id)
  for (const id of byEntity.get('vehicle') ?? []) changed.vehicles.add(id)
  for (const id of byEntity.get('address') ?? []) changed.addresses.add(id)
  for (const id of byEntity.get('briefing_item') ?? []) changed.briefingItems.add(id)

  // Items that expired, or came within the look-ahead, since the last sync.
  const since = new Date(cursor.time).toISOString()
  const until = now.toISOString()
  const ahead = (t: number) => new Date(t + options.lookaheadHours * 3_600_000).toISOString()
  const timed = await db.selectFrom('briefingItems').select('id')
    .where((eb) => eb.or([
      eb.and([eb('validTo', '>', since), eb('validTo', '<=', until)]),
      eb.and([eb('validFrom', '>', ahead(cursor.time)), eb('validFrom', '<=', ahead(now.getTime()))]),
    ]))
    .execute()
  for (const { id } of timed) changed.briefingItems.add(id)
  // A person coming or going brings or takes their address and vehicles.
  await addDependents(db, changed)
  // Links of changed items may bring people, vehicles and addresses in or out of scope; they are
  // judged apart, because most of them are already on the device for other reasons.
  const linked = emptyIds()
  await addLinked(db, changed.briefingItems, linked)
  await addDependents(db, linked)
  return { changed, linked, last, trendsChanged: byEntity.has('crime_trends') }
}

export async function buildSync(
  db: Kysely<Database>, user: PackageUser, cursorText: string | undefined, now: Date, options: PackageOptions,
): Promise<SyncResponse> {
  const cursor = parseCursor(cursorText)
  // Read the change log's head before the scope, so a change made during this sync is sent again next time.
  const head = await latestChangeSeq(db)
  const { all: scope, base } = await scopeFor(db, user, now, options)
  let put: Ids
  const remove = emptyIds()
  let seq = head
  let sendTrends = !cursor
  if (!cursor) {
    put = scope
  } else {
    const { changed, linked, last, trendsChanged } = await changedSince(db, cursor, now, options)
    sendTrends = trendsChanged
    seq = Math.max(head, last)
    put = emptyIds()
    for (const key of Object.keys(changed) as (keyof Ids)[]) {
      for (const id of changed[key]) (scope[key].has(id) ? put[key] : remove[key]).add(id)
      // A record reached only through a changed item's links, and held anyway for reasons that
      // do not depend on items (and unchanged itself), is on the device already.
      for (const id of linked[key]) {
        if (changed[key].has(id) || base[key].has(id)) continue
        ;(scope[key].has(id) ? put[key] : remove[key]).add(id)
      }
    }
  }
  const [people, vehicles, addresses, briefingItems, markerTypes, areas, trends] = await Promise.all([
    loadPeople(db, [...put.people]),
    loadVehicles(db, [...put.vehicles]),
    loadAddresses(db, [...put.addresses]),
    loadBriefingItems(db, [...put.briefingItems], user.id),
    db.selectFrom('warningMarkerTypes').selectAll().orderBy('severity', 'desc').orderBy('code').execute(),
    db.selectFrom('areas').select(['id', 'name']).orderBy('name').execute(),
    // Trend cells go in full, in a full package and after crime was imported; small enough to resend.
    sendTrends ? packageTrends(db, user.areaId) : null,
  ])
  // Records that vanished from the database entirely are removals too.
  const found = { people: new Set(people.map((p) => p.id)), vehicles: new Set(vehicles.map((v) => v.id)), addresses: new Set(addresses.map((a) => a.id)), briefingItems: new Set(briefingItems.map((b) => b.id)) }
  for (const key of Object.keys(put) as (keyof Ids)[]) for (const id of put[key]) if (!found[key].has(id)) remove[key].add(id)

  const media = new Set<string>()
  for (const p of people) {
    if (p.photoUrl) media.add(p.photoUrl)
    for (const d of p.documents) media.add(d.url)
  }
  const sortIds = (set: Set<string>) => [...set].sort()
  return {
    cursor: `${seq}.${now.getTime()}`,
    full: !cursor,
    generatedAt: now.toISOString(),
    staleAfter: new Date(now.getTime() + options.staleHours * 3_600_000).toISOString(),
    put: { people, vehicles, addresses, briefingItems },
    remove: { people: sortIds(remove.people), vehicles: sortIds(remove.vehicles), addresses: sortIds(remove.addresses), briefingItems: sortIds(remove.briefingItems) },
    reference: { markerTypes: markerTypes.map((m) => ({ ...m, officerSafety: m.officerSafety === 1 })), areas },
    media: [...media].sort(),
    ...(sendTrends ? { trendCells: trends?.cells ?? [], ...(trends ? { trendPeriod: trends.period } : {}) } : {}),
  }
}
