/**
 * On-the-spot checks against the store. Person checks find candidates through the shared search
 * keys (src/shared/matching/keys.ts) in one indexed query, picking them exactly as the device's
 * `pickCandidates` does (most distinct keys hit, then id), and rank them with the shared
 * `rankCandidates`, so a check answers the same online and offline on the same data. Vehicle
 * checks read the plate as typed and with its usual misreads; address checks take a postcode or
 * street text.
 */
import { sql, type Kysely } from 'kysely'
import type { AddressCheckResponse, LinkedPerson, PersonCandidate, VehicleCheckResponse } from '../../shared/api/checks.ts'
import { CANDIDATE_LIMIT, queryMatchKeys, RESULT_LIMIT, UNKNOWN_BIRTH_YEAR, type PersonQuery } from '../../shared/matching/keys.ts'
import { rankCandidates } from '../../shared/matching/rank.ts'
import { normaliseVrm, vrmReadings } from '../../shared/matching/vrm.ts'
import { loadPeople } from './intel.ts'
import type { Database } from './schema.ts'

const parse = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback)

/**
 * The candidates for a person check, as `pickCandidates` would choose them (most distinct keys
 * hit, then id), with the names and dates the ranking reads: one indexed query.
 */
export async function personCandidates(db: Kysely<Database>, query: PersonQuery) {
  const lookup = queryMatchKeys(query)
  // A person holds each key once (`replaceMatchKeys` stores a set), so counting rows counts the
  // distinct keys hit, and saves the database a second sort per check: a quarter of the time of a
  // check with no date of birth, whose common surnames hit tens of thousands of rows.
  let hits = db.selectFrom('personMatchKeys')
    .select((eb) => ['personId', eb.fn.countAll<number>().as('hits')])
    .where('key', 'in', lookup.keys)
  const years = lookup.years
  // One list for "these years or not known", so the index serves key and year together.
  if (years) hits = hits.where('birthYear', 'in', [...years, UNKNOWN_BIRTH_YEAR])
  // Ids are ASCII, which both databases order the same way as the device does.
  const picked = hits.groupBy('personId').orderBy('hits', 'desc').orderBy('personId').limit(CANDIDATE_LIMIT)
  const rows = await db.selectFrom(picked.as('picked')).innerJoin('people', 'people.id', 'picked.personId')
    .select(['people.id', 'people.surname', 'people.forenames', 'people.dob', 'people.aliases']).execute()
  return rows.map((p) => ({ ...p, aliases: parse<{ surname: string; forenames: string }[]>(p.aliases, []) }))
}

/** A person check: candidates best first, at most 20, with what confirms identity. */
export async function checkPerson(db: Kysely<Database>, query: PersonQuery): Promise<PersonCandidate[]> {
  const ranked = rankCandidates(query, await personCandidates(db, query), RESULT_LIMIT)
  if (ranked.length === 0) return []
  const records = new Map((await loadPeople(db, ranked.map((r) => r.person.id), { identityOnly: true })).map((p) => [p.id, p]))
  return ranked.flatMap(({ person, score, matchedOn }) => {
    const p = records.get(person.id)
    if (!p) return []
    return [{
      personId: p.id, score, surname: p.surname, forenames: p.forenames, dob: p.dob, matchedOn,
      warningMarkers: p.warningMarkers, wanted: p.wanted, conditions: p.conditions, photoUrl: p.photoUrl,
      description: p.description, aliases: p.aliases,
    }]
  })
}

async function linkedPeople(db: Kysely<Database>, links: { personId: string; relation: string }[]): Promise<LinkedPerson[]> {
  if (links.length === 0) return []
  const ids = [...new Set(links.map((l) => l.personId))]
  const [people, wanted] = await Promise.all([
    db.selectFrom('people').select(['id', 'surname', 'forenames', 'dob', 'warningMarkers']).where('id', 'in', ids).execute(),
    db.selectFrom('wanted').select('personId').where('personId', 'in', ids).execute(),
  ])
  const byId = new Map(people.map((p) => [p.id, p]))
  const isWanted = new Set(wanted.map((w) => w.personId))
  return links.flatMap((l) => {
    const p = byId.get(l.personId)
    return p ? [{ personId: p.id, surname: p.surname, forenames: p.forenames, dob: p.dob, relation: l.relation, warningMarkers: parse<string[]>(p.warningMarkers, []), wanted: isWanted.has(p.id) }] : []
  })
}

/** The plate with spaces removed and in capitals, as SQL (the index `vehicles_plate_lookup` is on it). */
const vrmKey = sql<string>`replace(upper(vrm), ' ', '')`

export async function checkVehicle(db: Kysely<Database>, vrm: string): Promise<VehicleCheckResponse['candidates']> {
  const typed = normaliseVrm(vrm)
  if (!typed) return []
  const readings = vrmReadings(typed)
  const vehicles = await db.selectFrom('vehicles').selectAll().where(vrmKey, 'in', readings).limit(RESULT_LIMIT).execute()
  const ranked = vehicles.map((v) => ({ v, exact: normaliseVrm(v.vrm) === typed }))
    .sort((a, b) => Number(b.exact) - Number(a.exact) || readings.indexOf(normaliseVrm(a.v.vrm)) - readings.indexOf(normaliseVrm(b.v.vrm)))
  const out: VehicleCheckResponse['candidates'] = []
  for (const { v, exact } of ranked) {
    const links = await db.selectFrom('personLinks').select(['personId', 'relation']).where('kind', '=', 'vehicle').where('targetId', '=', v.id).execute()
    const people = await linkedPeople(db, [
      ...(v.keeperPersonId ? [{ personId: v.keeperPersonId, relation: 'keeper' }] : []),
      ...links.filter((l) => l.personId !== v.keeperPersonId).map((l) => ({ personId: l.personId, relation: l.relation ?? 'linked' })),
    ])
    out.push({
      vehicleId: v.id, vrm: v.vrm, exact, make: v.make, model: v.model, colour: v.colour, markers: parse(v.markers, []),
      keeper: people.find((p) => p.relation === 'keeper') ?? null,
      linkedPeople: people.filter((p) => p.relation !== 'keeper'),
    })
  }
  return out
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)
/** Something that reads as a whole or partial postcode (B1, B1 1AA, B11AA), not a street name. */
const looksLikePostcode = (text: string) => /^[A-Z]{1,2}\d[A-Z\d]?\s*(\d[A-Z]{0,2})?$/i.test(text.trim())

export async function checkAddress(db: Kysely<Database>, query: string): Promise<AddressCheckResponse['candidates']> {
  const text = query.trim()
  const rows = looksLikePostcode(text)
    ? await db.selectFrom('addresses').selectAll()
      .where(sql<string>`replace(upper(postcode), ' ', '')`, 'like', `${likeEscape(text.toUpperCase().replace(/\s+/g, ''))}%`)
      .orderBy('postcode').orderBy('line1').limit(RESULT_LIMIT).execute()
    : await db.selectFrom('addresses').selectAll()
      .where((eb) => eb.and(text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)
        .map((word) => eb(eb.fn('lower', ['line1']), 'like', `%${likeEscape(word)}%`))))
      .orderBy('line1').limit(RESULT_LIMIT).execute()
  const out: AddressCheckResponse['candidates'] = []
  for (const a of rows) {
    const [occupants, links] = await Promise.all([
      db.selectFrom('people').select('id').where('addressId', '=', a.id).execute(),
      db.selectFrom('personLinks').select(['personId', 'relation']).where('kind', '=', 'address').where('targetId', '=', a.id).execute(),
    ])
    const occupantIds = new Set(occupants.map((o) => o.id))
    const people = await linkedPeople(db, [
      ...occupants.map((o) => ({ personId: o.id, relation: 'occupant' })),
      ...links.filter((l) => !occupantIds.has(l.personId)).map((l) => ({ personId: l.personId, relation: l.relation ?? 'linked' })),
    ])
    out.push({
      addressId: a.id, line1: a.line1, line2: a.line2, town: a.town, postcode: a.postcode, warnings: parse(a.warnings, []),
      occupants: people.filter((p) => p.relation === 'occupant'),
      linkedPeople: people.filter((p) => p.relation !== 'occupant'),
    })
  }
  return out
}
