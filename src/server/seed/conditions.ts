/**
 * Bail and curfew conditions (Bail Act 1976 s.3(6), s.3A(5)) as packages a court would impose:
 * residence, a curfew at that address with doorstep and electronic monitoring requirements, no
 * contact with named people, exclusion zones (a polygon each) and reporting to a police station.
 * Curfew windows are given per weekday (0 = Sunday), start on that day and may run past midnight;
 * every pattern stays within sentence-curfew limits (2 to 16 hours a day, at most 112 hours in 7
 * days). Most conditions are in force today; about 5 % ended in the last fortnight.
 */
import type { Insertable } from 'kysely'
import type { ConditionTable } from '../store/schema.ts'
import { areaById, closedRing, type LatLng, type LngLat } from './areas.ts'
import { placeName, randomStreet, type Gazetteer, type NewAddress } from './addresses.ts'
import { isoDate, type Calendar } from './calendar.ts'
import { randomName } from './names.ts'
import type { Person } from './people.ts'
import { chance, pick, round6, weighted, zeroPad, type Random } from './random.ts'

export type ConditionKind = 'residence' | 'curfew' | 'doorstep' | 'non_contact' | 'exclusion' | 'reporting' | 'electronic_monitoring'
export type CurfewWindow = { days: number[]; start: string; end: string }
type NewCondition = Insertable<ConditionTable> & { id: string }

const everyDay = [0, 1, 2, 3, 4, 5, 6]
export const curfewPatterns: readonly (readonly CurfewWindow[])[] = [
  [{ days: everyDay, start: '19:00', end: '07:00' }],
  [{ days: everyDay, start: '21:00', end: '06:00' }],
  [{ days: everyDay, start: '20:00', end: '06:00' }],
  [{ days: everyDay, start: '22:00', end: '06:00' }],
  [{ days: [0, 1, 2, 3, 4], start: '21:00', end: '06:00' }, { days: [5, 6], start: '19:00', end: '07:00' }],
  [{ days: [1, 2, 3, 4, 5], start: '20:00', end: '07:00' }, { days: [0, 6], start: '18:00', end: '08:00' }],
  [{ days: [5, 6], start: '18:00', end: '06:00' }],
]
const reportingPatterns = [[1, 3, 5], [1, 2, 3, 4, 5], [1], [2, 5], everyDay]
const reportingHours = [['10:00', '12:00'], ['14:00', '18:00'], ['09:00', '17:00']] as const

/** A regular octagon of radius `metres` around `centre`, as a closed [lng, lat] ring. */
function octagon(centre: LatLng, metres: number): LngLat[] {
  const dLat = metres / 111_320
  const dLng = dLat / Math.cos((centre.lat * Math.PI) / 180)
  const vertices = Array.from({ length: 8 }, (_, i): LngLat => {
    const angle = (i * Math.PI) / 4
    return [round6(centre.lng + dLng * Math.cos(angle)), round6(centre.lat + dLat * Math.sin(angle))]
  })
  return closedRing(vertices)
}

export function generateConditions(r: Random, people: readonly Person[], gazetteer: Gazetteer,
  approvedPremises: readonly NewAddress[], cal: Calendar): NewCondition[] {
  const rows: NewCondition[] = []
  for (const person of people) {
    const first = rows.length
    const validFrom = isoDate(cal.today - r.number.int(150))
    const validTo = isoDate(chance(r, 0.05) ? cal.today - r.number.int({ min: 1, max: 14 }) : cal.today + r.number.int({ min: 7, max: 200 }))
    const add = (kind: ConditionKind, details: object, addressId: string | null = null) => rows.push({
      id: `cond-${zeroPad(rows.length + 1, 6)}`, personId: person.id, kind, details: JSON.stringify(details), addressId,
      validFrom, validTo, updatedAt: cal.nowIso,
    })

    // People of no fixed abode are bailed to approved premises.
    const residence = chance(r, 0.75) ? person.address ?? pick(r, approvedPremises) : null
    if (residence) {
      const requirement = `Live and sleep each night at ${person.address ? 'the address' : 'approved premises'}`
      add('residence', { requirement }, residence.id)
    }
    if (residence && chance(r, 0.7)) {
      const doorstep = chance(r, 0.6)
      const tag = chance(r, 0.4)
      add('curfew', { windows: pick(r, curfewPatterns), doorstep, tag }, residence.id)
      if (doorstep) add('doorstep', { requirement: 'Present at the door to a police officer during curfew hours' }, residence.id)
      if (tag) add('electronic_monitoring', { type: weighted(r, [['radio frequency', 4], ['GPS location', 1]]), provider: 'Demo monitoring service' })
    }
    if (chance(r, 0.3)) {
      const persons = Array.from({ length: weighted(r, [[1, 4], [2, 1]]) }, () => {
        const { forenames, surname } = randomName(r, chance(r, 0.7) ? 'F' : 'M')
        return { forenames, surname }
      })
      add('non_contact', { persons, directly: true, indirectly: chance(r, 0.8) })
    }
    if (chance(r, 0.25)) {
      const street = randomStreet(r, gazetteer, person.areaId)
      const metres = 50 * r.number.int({ min: 4, max: 16 })
      add('exclusion', { zones: [{ name: `Within ${metres} m of ${placeName(street)}`, ring: octagon(street.anchor, metres) }] })
    }
    // Everyone here has at least one condition: reporting is the usual minimum.
    if (chance(r, 0.15) || rows.length === first) {
      const [from, to] = pick(r, reportingHours)
      add('reporting', { station: `${areaById(person.areaId).name} police station (demo)`, days: pick(r, reportingPatterns), from, to })
    }
  }
  return rows
}
