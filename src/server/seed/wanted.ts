/**
 * Wanted people, graded red / amber / green as priority 1 / 2 / 3 in fixed shares (15 / 35 / 50 %),
 * with the offence or warrant, when they became wanted, the next review date (a few overdue), a harm
 * score that ranks "most wanted" (priority 1 scores highest) and, for most, a last known place on a
 * street in their area. People who are also on bail conditions are wanted for breaching them.
 */
import type { Insertable } from 'kysely'
import type { WantedTable } from '../store/schema.ts'
import { placeName, pointOnStreet, randomStreet, type Gazetteer } from './addresses.ts'
import { isoDate, type Calendar } from './calendar.ts'
import type { Person } from './people.ts'
import { chance, weighted, type Random } from './random.ts'

export type Priority = 1 | 2 | 3
export type Wanted = {
  person: Person
  priority: Priority
  offence: string
  warrantType: string | null
  harm: number
  row: Insertable<WantedTable>
}

const prioritySharesInOrder = [[1, 0.15], [2, 0.35], [3, 0.5]] as const

type Offence = readonly [offence: string, warrantType: string | null]
const offences: Record<Priority, readonly (readonly [Offence, number])[]> = {
  1: [[['Robbery', null], 5], [['Wounding with intent (GBH s.18)', null], 5], [['Recall to prison', 'Recall notice (licence revoked)'], 4],
    [['Possession of a firearm with intent', null], 2], [['Aggravated burglary', null], 2], [['Kidnap', null], 1],
    [['Attempted murder', null], 1]],
  2: [[['Burglary (dwelling)', null], 5], [['Assault occasioning ABH', null], 4], [['GBH (s.20)', null], 3],
    [['Possession with intent to supply (Class A)', null], 3], [['Recall to prison', 'Recall notice (licence revoked)'], 3],
    [['Breach of non-molestation order', null], 3], [['Failure to appear (warrant)', 'Bench warrant not backed for bail'], 3],
    [['Robbery', null], 2]],
  3: [[['Failure to appear (warrant)', 'Bench warrant not backed for bail'], 6], [['Breach of bail', null], 4],
    [['Shoplifting', null], 4], [['Criminal damage', null], 3], [['Theft of a motor vehicle', null], 2],
    [['Breach of community order', 'Breach warrant'], 3], [['Fraud by false representation', null], 2],
    [['Common assault', null], 2], [['Harassment', null], 2], [['Non-payment of fine', 'Commitment warrant'], 2]],
}
const harmRange: Record<Priority, readonly [number, number]> = { 1: [65, 100], 2: [35, 70], 3: [5, 40] }

function priorityQuotas(count: number): Priority[] {
  const quotas: Priority[] = []
  let assigned = 0
  for (const [priority, share] of prioritySharesInOrder) {
    const n = priority === 3 ? count - assigned : Math.round(count * share)
    quotas.push(...Array.from({ length: n }, () => priority))
    assigned += n
  }
  return quotas
}

export function generateWanted(r: Random, people: readonly Person[], onConditions: ReadonlySet<Person>,
  gazetteer: Gazetteer, cal: Calendar): Wanted[] {
  const quotas = r.helpers.shuffle(priorityQuotas(people.length))
  return people.map((person, i) => {
    const priority = quotas[i]
    const [offence, warrantType] = onConditions.has(person) ? ['Breach of bail conditions', null] as const : weighted(r, offences[priority])
    const [minHarm, maxHarm] = harmRange[priority]
    const harm = r.number.int({ min: minHarm, max: maxHarm })
    const since = cal.today - r.number.int({ min: 1, max: priority === 1 ? 60 : 240 })
    const review = cal.today + r.number.int({ min: -5, max: 28 })
    const lastKnown = chance(r, 0.85) ? randomStreet(r, gazetteer, person.areaId) : null
    const point = lastKnown ? pointOnStreet(r, lastKnown) : null
    return {
      person,
      priority,
      offence,
      warrantType,
      harm,
      row: {
        personId: person.id,
        priority,
        offence,
        warrantType,
        since: isoDate(since),
        reviewDate: isoDate(review),
        harm,
        lastKnownPlace: lastKnown ? placeName(lastKnown) : null,
        lastKnownLat: point?.lat ?? null,
        lastKnownLng: point?.lng ?? null,
        updatedAt: cal.nowIso,
      },
    }
  })
}
