/**
 * Reads intelligence records in the shape the device holds them (src/shared/api/intel.ts): a person
 * with markers, wanted status, conditions, contacts, documents and links; vehicles; addresses with
 * their occupants; briefing items with their links, task and the reader's receipt. Loads in batches
 * of ids so a full package is a handful of queries, not one per record.
 */
import type { Kysely } from 'kysely'
import type { AddressRecord, BriefingItem, Condition, PersonRecord, VehicleRecord, Wanted } from '../../shared/api/intel.ts'
import { mediaUrl } from './media.ts'
import type { Database } from './schema.ts'
import { groupBy } from '../../shared/group-by.ts'

const BATCH = 500

export function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const parse = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback)

/**
 * People in the device's shape. `identityOnly` leaves out contacts, documents and links (empty
 * lists), for answers that only need to confirm who someone is, such as a check's candidates.
 */
export async function loadPeople(db: Kysely<Database>, ids: readonly string[], { identityOnly = false } = {}): Promise<PersonRecord[]> {
  const out: PersonRecord[] = []
  for (const batch of chunks([...new Set(ids)])) {
    const [people, wanted, conditions, contacts, documents, links, photos] = await Promise.all([
      db.selectFrom('people').selectAll().where('id', 'in', batch).execute(),
      db.selectFrom('wanted').selectAll().where('personId', 'in', batch).execute(),
      db.selectFrom('conditions').selectAll().where('personId', 'in', batch).execute(),
      identityOnly ? [] : db.selectFrom('contacts').selectAll().where('personId', 'in', batch).orderBy('at', 'desc').execute(),
      identityOnly ? [] : db.selectFrom('media').select(['id', 'personId', 'title', 'contentType', 'version']).where('kind', '=', 'document').where('personId', 'in', batch).execute(),
      identityOnly ? [] : db.selectFrom('personLinks').selectAll().where('personId', 'in', batch).execute(),
      db.selectFrom('people').innerJoin('media', 'media.id', 'people.photoMediaId').select(['media.id', 'media.version'])
        .where('people.id', 'in', batch).execute(),
    ])
    const photoVersion = new Map(photos.map((m) => [m.id, m.version]))
    const wantedBy = new Map(wanted.map((w) => [w.personId, w]))
    const conditionsBy = groupBy(conditions, (c) => c.personId)
    const contactsBy = groupBy(contacts, (c) => c.personId)
    const documentsBy = groupBy(documents, (d) => d.personId)
    const linksBy = groupBy(links, (l) => l.personId)
    for (const p of people) {
      const w = wantedBy.get(p.id)
      out.push({
        id: p.id,
        surname: p.surname,
        forenames: p.forenames,
        dob: p.dob,
        sex: p.sex,
        description: parse(p.description, {}),
        aliases: parse(p.aliases, []),
        warningMarkers: parse(p.warningMarkers, []),
        areaId: p.areaId,
        addressId: p.addressId,
        photoUrl: p.photoMediaId ? mediaUrl(p.photoMediaId, photoVersion.get(p.photoMediaId) ?? '') : null,
        wanted: w ? {
          priority: w.priority as Wanted['priority'],
          offence: w.offence,
          warrantType: w.warrantType,
          since: w.since,
          reviewDate: w.reviewDate,
          harm: w.harm,
          lastKnown: w.lastKnownPlace || w.lastKnownLat !== null ? { place: w.lastKnownPlace, lat: w.lastKnownLat, lng: w.lastKnownLng } : null,
        } : null,
        conditions: (conditionsBy.get(p.id) ?? []).map((c): Condition => ({
          id: c.id, kind: c.kind, details: parse(c.details, {}), addressId: c.addressId, validFrom: c.validFrom, validTo: c.validTo,
        })),
        contacts: (contactsBy.get(p.id) ?? []).map(({ at, type, place, summary }) => ({ at, type, place, summary })),
        documents: (documentsBy.get(p.id) ?? []).map((d) => ({ id: d.id, title: d.title, contentType: d.contentType, url: mediaUrl(d.id, d.version) })),
        links: (linksBy.get(p.id) ?? []).map((l) => ({ kind: l.kind, id: l.targetId, relation: l.relation })),
        updatedAt: p.updatedAt,
      })
    }
  }
  return out
}

export async function loadVehicles(db: Kysely<Database>, ids: readonly string[]): Promise<VehicleRecord[]> {
  const out: VehicleRecord[] = []
  for (const batch of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('vehicles').selectAll().where('id', 'in', batch).execute()
    for (const v of rows) out.push({ ...v, markers: parse(v.markers, []) })
  }
  return out
}

export async function loadAddresses(db: Kysely<Database>, ids: readonly string[]): Promise<AddressRecord[]> {
  const out: AddressRecord[] = []
  for (const batch of chunks([...new Set(ids)])) {
    const [rows, residents, linked] = await Promise.all([
      db.selectFrom('addresses').selectAll().where('id', 'in', batch).execute(),
      db.selectFrom('people').select(['id', 'addressId']).where('addressId', 'in', batch).execute(),
      db.selectFrom('personLinks').select(['personId', 'targetId']).where('kind', '=', 'address').where('targetId', 'in', batch).execute(),
    ])
    const occupants = new Map<string, Set<string>>()
    const add = (addressId: string | null, personId: string) => {
      if (!addressId) return
      if (!occupants.has(addressId)) occupants.set(addressId, new Set())
      occupants.get(addressId)!.add(personId)
    }
    for (const r of residents) add(r.addressId, r.id)
    for (const l of linked) add(l.targetId, l.personId)
    for (const a of rows) {
      out.push({ ...a, warnings: parse(a.warnings, []), occupantIds: [...(occupants.get(a.id) ?? [])].sort() })
    }
  }
  return out
}

export async function loadBriefingItems(db: Kysely<Database>, ids: readonly string[], readerId: number): Promise<BriefingItem[]> {
  const out: BriefingItem[] = []
  for (const batch of chunks([...new Set(ids)])) {
    const [rows, links, reads] = await Promise.all([
      db.selectFrom('briefingItems')
        .innerJoin('users', 'users.id', 'briefingItems.authorId')
        .selectAll('briefingItems')
        .select(['users.collarNumber as authorCollar', 'users.name as authorName'])
        .where('briefingItems.id', 'in', batch)
        .execute(),
      db.selectFrom('briefingLinks').selectAll().where('itemId', 'in', batch).execute(),
      db.selectFrom('briefingReads').selectAll().where('userId', '=', readerId).where('itemId', 'in', batch).execute(),
    ])
    const linksBy = groupBy(links, (l) => l.itemId)
    const readBy = new Map(reads.map((r) => [r.itemId, r.readAt]))
    for (const item of rows) {
      out.push({
        id: item.id,
        title: item.title,
        body: item.body,
        priority: item.priority as BriefingItem['priority'],
        areaIds: parse(item.areaIds, []),
        polygon: parse(item.polygon, null),
        fence: parse(item.fence, null),
        validFrom: item.validFrom,
        validTo: item.validTo,
        author: { collarNumber: item.authorCollar, name: item.authorName },
        links: (linksBy.get(item.id) ?? []).map((l) => ({ kind: l.subjectKind, id: l.subjectId })),
        task: parse(item.task, null),
        readAt: readBy.get(item.id) ?? null,
        updatedAt: item.updatedAt,
      })
    }
  }
  return out
}
