/**
 * Police contact history for the people a briefing is about (the wanted and those on conditions):
 * none to three records each over the past year (stop and account, stop and search, arrest,
 * intelligence report, victim, witness, traffic stop), at a street in their area, with a one-line
 * summary in the register officers write in.
 */
import type { Insertable } from 'kysely'
import type { ContactTable } from '../store/schema.ts'
import { placeName, randomStreet, type Gazetteer } from './addresses.ts'
import { isoTime, type Calendar } from './calendar.ts'
import type { Person } from './people.ts'
import { pick, weighted, zeroPad, type Random, type Weighted } from './random.ts'

type Summaries = (place: string) => readonly string[]

const contactTypes: Weighted<readonly [string, Summaries]> = [
  [['Stop and account', (place) => [
    `Stopped on foot near ${place} and asked to account for presence. Gave details readily; no further action.`,
    `Stopped with two associates near ${place}; evasive about where they were going.`,
    'Stopped late at night; said they were walking home from a friend\'s address. Details checked, no trace.']], 25],
  [['Stop and search', () => [
    'Searched under s.1 PACE for stolen property: nothing found.',
    'Searched under s.23 Misuse of Drugs Act: small quantity of cannabis, community resolution.',
    'Searched under s.60 authority after disorder: nothing found. Receipt given.']], 15],
  [['Arrest', (place) => [
    `Arrested near ${place} on suspicion of theft; released under investigation.`,
    'Arrested on suspicion of assault; charged and bailed to court.',
    'Arrested on a warrant; taken before the court the next morning.']], 15],
  [['Intelligence report', (place) => [
    `Intelligence suggests the subject is staying with a partner near ${place}.`,
    `Seen regularly in the evenings near ${place} with known drug users.`,
    'Believed to be using a dark-coloured hatchback borrowed from a relative.',
    'Reported to be carrying a knife for protection after a dispute with another group.']], 25],
  [['Victim', (place) => [
    'Reported the theft of a mobile phone; declined to support a prosecution.',
    `Victim of an assault outside licensed premises near ${place}.`]], 8],
  [['Witness', (place) => [`Gave a statement about a disorder near ${place}.`]], 5],
  [['Traffic stop', (place) => [
    `Stopped driving near ${place}; documents in order, words of advice about a defective light.`,
    'Stopped as a passenger in a vehicle with no insurance; vehicle seized under s.165.']], 7],
]

export function generateContacts(r: Random, people: readonly Person[], gazetteer: Gazetteer, cal: Calendar): Insertable<ContactTable>[] {
  const rows: Insertable<ContactTable>[] = []
  for (const person of people) {
    const count = weighted(r, [[0, 2], [1, 4], [2, 3], [3, 1]])
    for (let i = 0; i < count; i++) {
      const [type, summaries] = weighted(r, contactTypes)
      const place = placeName(randomStreet(r, gazetteer, person.areaId))
      rows.push({
        id: `contact-${zeroPad(rows.length + 1, 6)}`,
        personId: person.id,
        at: isoTime(cal.today - r.number.int({ min: 1, max: 365 }), r.number.int(1439)),
        type,
        place,
        summary: pick(r, summaries(place)),
      })
    }
  }
  return rows
}
