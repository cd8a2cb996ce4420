/**
 * The demo force's current briefing: for each local policing area a few items written by the
 * analysts and supervisors — look-outs for its most harmful wanted people, a curfew reminder, a
 * vehicle of interest — some of them tasks assigned to an officer or to the area, plus a couple of
 * force-wide items. Items are written through the same store function the API uses, so they reach
 * devices by the same path. They stay valid for days, so a freshly seeded demo has a briefing.
 */
import type { Store } from '../store/db.ts'
import { createBriefingItem } from '../store/briefing.ts'
import { demoAreas } from './areas.ts'
import type { Random } from './random.ts'

const DAY = 86_400_000

export async function seedBriefing(store: Store, r: Random, nowMs: number): Promise<number> {
  const { db, dialect } = store
  const authors = await db.selectFrom('users').select(['id', 'role', 'collarNumber', 'areaId'])
    .where('role', 'in', ['analyst', 'supervisor']).orderBy('collarNumber').execute()
  const officers = await db.selectFrom('users').select(['collarNumber', 'areaId']).where('role', '=', 'officer').orderBy('collarNumber').execute()
  if (authors.length === 0) return 0
  let count = 0
  const window = (fromDays: number, toDays: number) => ({
    validFrom: new Date(nowMs + fromDays * DAY).toISOString(),
    validTo: new Date(nowMs + toDays * DAY).toISOString(),
  })
  const write = async (id: string, input: Parameters<typeof createBriefingItem>[3]) => {
    const author = authors[r.number.int(authors.length - 1)]!
    await createBriefingItem(db, dialect, author.id, input, id)
    count += 1
  }

  for (const area of demoAreas) {
    const wanted = await db.selectFrom('wanted').innerJoin('people', 'people.id', 'wanted.personId')
      .select(['people.id', 'people.surname', 'people.forenames', 'people.addressId', 'wanted.offence', 'wanted.priority', 'wanted.lastKnownPlace'])
      .where('people.areaId', '=', area.id).orderBy('wanted.priority').orderBy('wanted.harm', 'desc').limit(2).execute()
    const officer = officers.find((o) => o.areaId === area.id)
    for (const [i, w] of wanted.entries()) {
      await write(`demo-brief-${area.id}-wanted-${i + 1}`, {
        title: `Wanted: ${w.forenames} ${w.surname} (${w.offence})`,
        body: `Priority ${w.priority}. Outstanding for ${w.offence.toLowerCase()}. ${w.lastKnownPlace ? `Last seen around ${w.lastKnownPlace}. ` : ''}Check the warning markers before approaching. If seen, reserve with Click & Collect and request back-up.`,
        priority: w.priority === 1 ? 1 : 2,
        areaIds: [area.id],
        ...window(-r.number.int({ min: 0, max: 3 }), r.number.int({ min: 5, max: 14 })),
        links: [{ kind: 'person', id: w.id }, ...(w.addressId ? [{ kind: 'address' as const, id: w.addressId }] : [])],
        task: i === 0 && officer ? { type: 'arrest', assignee: { kind: 'officer', id: officer.collarNumber } } : null,
      })
    }
    const curfew = await db.selectFrom('conditions').innerJoin('people', 'people.id', 'conditions.personId')
      .select(['people.id', 'people.surname', 'people.forenames', 'conditions.addressId'])
      .where('people.areaId', '=', area.id).where('conditions.kind', '=', 'curfew').orderBy('people.id').limit(3).execute()
    if (curfew.length > 0) {
      await write(`demo-brief-${area.id}-curfews`, {
        title: `Curfew checks tonight in ${area.name}`,
        body: `${curfew.length} people on curfew in the area need a door-knock tonight: ${curfew.map((c) => `${c.forenames} ${c.surname}`).join(', ')}. Record each result, including no answer.`,
        priority: 3,
        areaIds: [area.id],
        ...window(0, 7),
        links: curfew.flatMap((c) => [{ kind: 'person' as const, id: c.id }, ...(c.addressId ? [{ kind: 'address' as const, id: c.addressId }] : [])]),
        task: { type: 'visit', assignee: { kind: 'area', id: area.id } },
      })
    }
    const vehicle = await db.selectFrom('vehicles').innerJoin('people', 'people.id', 'vehicles.keeperPersonId')
      .select(['vehicles.id', 'vehicles.vrm', 'vehicles.make', 'vehicles.model', 'vehicles.colour'])
      .where('people.areaId', '=', area.id).where('vehicles.markers', '!=', '[]').orderBy('vehicles.vrm').limit(1).executeTakeFirst()
    if (vehicle) {
      await write(`demo-brief-${area.id}-vehicle`, {
        title: `Vehicle of interest: ${vehicle.vrm}`,
        body: `${vehicle.colour} ${vehicle.make} ${vehicle.model}, ${vehicle.vrm}. Stop and check the occupants if seen; note who is in it.`,
        priority: 2,
        areaIds: [area.id],
        ...window(-1, 10),
        links: [{ kind: 'vehicle', id: vehicle.id }],
        task: null,
      })
    }
  }
  await write('demo-brief-force-1', {
    title: 'Force-wide: rise in vehicle crime after dark',
    body: 'Reports of thefts from vehicles are up across the force this month. Patrol car parks and residential streets between 18:00 and 02:00 and give crime-prevention advice.',
    priority: 3,
    areaIds: [],
    ...window(-2, 12),
    links: [],
    task: { type: 'patrol', assignee: { kind: 'team', id: 'all' } },
  })
  await write('demo-brief-force-2', {
    title: 'Reminder: justify every check',
    body: 'Every person or vehicle check records who ran it and why. Choose the reason that applies; use free text when none fits.',
    priority: 3,
    areaIds: [],
    ...window(-5, 30),
    links: [],
    task: null,
  })
  return count
}
