/**
 * Writing briefing items and tasks. Every write records the item in the change log in the same
 * transaction, so the next delta sync carries it and brings linked people, vehicles and addresses
 * onto (or off) officers' devices.
 */
import { randomUUID } from 'node:crypto'
import { booleanIntersects } from '@turf/boolean-intersects'
import { polygon } from '@turf/helpers'
import type { Kysely, Transaction } from 'kysely'
import type { BriefingItemInput } from '../../shared/api/briefing.ts'
import type { BriefingFence, LatLng, Task } from '../../shared/api/intel.ts'
import { lockChangeLog, recordChanges } from './changes.ts'
import type { DialectName } from './dialect.ts'
import type { Database } from './schema.ts'

type Links = { subjectKind: 'person' | 'vehicle' | 'address'; subjectId: string }[]

/**
 * Records a written item in the change log. Its current links need no entries (delta sync follows
 * a changed item's links); subjects an edit unlinked do, so a device can drop them if nothing else
 * keeps them there.
 */
async function recordItemChanges(trx: Transaction<Database>, itemId: string, unlinked: Links = []) {
  await recordChanges(trx, 'briefing_item', [itemId])
  await recordChanges(trx, 'person', unlinked.filter((l) => l.subjectKind === 'person').map((l) => l.subjectId))
  await recordChanges(trx, 'vehicle', unlinked.filter((l) => l.subjectKind === 'vehicle').map((l) => l.subjectId))
  await recordChanges(trx, 'address', unlinked.filter((l) => l.subjectKind === 'address').map((l) => l.subjectId))
}

/** The links that do not resolve to a record, so an author is told rather than a device surprised. */
export async function missingLinks(db: Kysely<Database>, links: BriefingItemInput['links']): Promise<string[]> {
  const missing: string[] = []
  const tables = { person: 'people', vehicle: 'vehicles', address: 'addresses' } as const
  for (const kind of ['person', 'vehicle', 'address'] as const) {
    const ids = [...new Set(links.filter((l) => l.kind === kind).map((l) => l.id))]
    if (ids.length === 0) continue
    const found = new Set((await db.selectFrom(tables[kind]).select('id').where('id', 'in', ids).execute()).map((r) => r.id))
    for (const id of ids) if (!found.has(id)) missing.push(`${kind} ${id}`)
  }
  return missing
}

/** The fence as stored: a circle keeps its centre and radius, an area only what the polygon lacks. */
function fenceFrom(input: BriefingItemInput): BriefingFence | null {
  const fence = input.fence
  if (!fence) return null
  const hours = fence.activeHours ? { activeHours: fence.activeHours } : {}
  if (fence.shape === 'area') return { shape: 'area', message: fence.message, ...hours }
  return { shape: 'circle', center: fence.center, radiusM: fence.radiusM, message: fence.message, ...hours }
}

function rowFrom(input: BriefingItemInput) {
  const fence = fenceFrom(input)
  const task: Task | null = input.task
    ? { type: input.task.type, assignee: input.task.assignee, status: 'open', result: null, updatedBy: null, updatedAt: null }
    : null
  return {
    title: input.title,
    body: input.body,
    priority: input.priority,
    areaIds: JSON.stringify(input.areaIds),
    polygon: input.polygon ? JSON.stringify(input.polygon) : null,
    fence: fence ? JSON.stringify(fence) : null,
    validFrom: new Date(input.validFrom).toISOString(),
    validTo: new Date(input.validTo).toISOString(),
    task: task ? JSON.stringify(task) : null,
  }
}

const linkRows = (itemId: string, input: BriefingItemInput) =>
  [...new Map(input.links.map((l) => [`${l.kind}:${l.id}`, { itemId, subjectKind: l.kind, subjectId: l.id }])).values()]

/**
 * The local policing areas a drawn area reaches. An item given only a drawn area is delivered to
 * the officers of those areas (not to the whole force); the drawing itself is kept and shown.
 */
export async function areasReachedBy(db: Kysely<Database>, drawn: readonly LatLng[]): Promise<string[]> {
  if (drawn.length < 3) return []
  const ring = drawn.map((p) => [p.lng, p.lat])
  const shape = polygon([[...ring, ring[0]!]])
  const areas = await db.selectFrom('areas').select(['id', 'boundary']).orderBy('id').execute()
  return areas.filter((a) => {
    const boundary = JSON.parse(a.boundary) as [number, number][]
    return boundary.length >= 4 && booleanIntersects(shape, polygon([boundary]))
  }).map((a) => a.id)
}

/** An item with a drawn area and no areas named reaches the areas under the drawing. */
async function withReach(db: Kysely<Database>, input: BriefingItemInput): Promise<BriefingItemInput> {
  if (input.areaIds.length > 0 || !input.polygon) return input
  return { ...input, areaIds: await areasReachedBy(db, input.polygon) }
}

export async function createBriefingItem(db: Kysely<Database>, dialect: DialectName, authorId: number, input: BriefingItemInput, id: string = randomUUID()) {
  const now = new Date().toISOString()
  input = await withReach(db, input)
  await db.transaction().execute(async (trx) => {
    await lockChangeLog(trx, dialect)
    await trx.insertInto('briefingItems').values({ id, ...rowFrom(input), authorId, createdAt: now, updatedAt: now, deletedAt: null }).execute()
    const links = linkRows(id, input)
    if (links.length) await trx.insertInto('briefingLinks').values(links).execute()
    await recordItemChanges(trx, id)
  })
  return id
}

export async function updateBriefingItem(db: Kysely<Database>, dialect: DialectName, id: string, input: BriefingItemInput): Promise<boolean> {
  input = await withReach(db, input)
  return db.transaction().execute(async (trx) => {
    await lockChangeLog(trx, dialect)
    const before = await trx.selectFrom('briefingLinks').select(['subjectKind', 'subjectId']).where('itemId', '=', id).execute()
    const result = await trx.updateTable('briefingItems').set({ ...rowFrom(input), updatedAt: new Date().toISOString() })
      .where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) return false
    await trx.deleteFrom('briefingLinks').where('itemId', '=', id).execute()
    const links = linkRows(id, input)
    if (links.length) await trx.insertInto('briefingLinks').values(links).execute()
    const kept = new Set(links.map((l) => `${l.subjectKind}:${l.subjectId}`))
    await recordItemChanges(trx, id, before.filter((l) => !kept.has(`${l.subjectKind}:${l.subjectId}`)))
    return true
  })
}

export async function deleteBriefingItem(db: Kysely<Database>, dialect: DialectName, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await lockChangeLog(trx, dialect)
    const now = new Date().toISOString()
    const result = await trx.updateTable('briefingItems').set({ deletedAt: now, updatedAt: now })
      .where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) return false
    // The item's links stay in place, so delta sync can still follow them to what leaves with it.
    await recordItemChanges(trx, id)
    return true
  })
}

/** Acknowledges an item once; later acknowledgements keep the first time. */
export async function markRead(db: Kysely<Database>, itemId: string, userId: number, at: string): Promise<void> {
  await db.insertInto('briefingReads').values({ itemId, userId, readAt: at })
    .onConflict((oc) => oc.columns(['itemId', 'userId']).doNothing()).execute()
}

export async function readReceipts(db: Kysely<Database>, itemId: string) {
  return db.selectFrom('briefingReads').innerJoin('users', 'users.id', 'briefingReads.userId')
    .select(['users.collarNumber', 'users.name', 'briefingReads.readAt'])
    .where('briefingReads.itemId', '=', itemId).orderBy('briefingReads.readAt').execute()
}

export async function findLiveItem(db: Kysely<Database>, id: string) {
  return db.selectFrom('briefingItems').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
}

export async function updateTask(db: Kysely<Database>, dialect: DialectName, id: string, task: Task): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockChangeLog(trx, dialect)
    await trx.updateTable('briefingItems').set({ task: JSON.stringify(task), updatedAt: new Date().toISOString() }).where('id', '=', id).execute()
    await recordChanges(trx, 'briefing_item', [id])
  })
}
