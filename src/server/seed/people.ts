/**
 * The demo population: fictional people with a name, date of birth (aged 16 to 80, skewed young, as
 * police records are), a description an officer can recognise someone by, aliases for about one in
 * ten, and an address (about 1 % have no fixed abode). Warning markers are drawn for about one in
 * eight people here; `addMarkers` raises the rate for people who are wanted or on conditions, which
 * brings the whole population to about 15 %.
 */
import type { PersonImport } from '../importers/people.ts'
import type { NewAddress } from './addresses.ts'
import { daysOfAge, isoDate } from './calendar.ts'
import { plantedPeople, randomAlias, randomName, type PersonName, type Sex } from './names.ts'
import { chance, gaussian, pick, weighted, zeroPad, type Random, type Weighted } from './random.ts'
import { randomMarkers } from './warning-markers.ts'

export type Description = { heightCm: number; build: string; hair: string; eyes: string; marks: string[] }

export type Person = {
  id: string
  name: PersonName
  dob: string
  description: Description
  aliases: { forenames: string; surname: string }[]
  markers: string[]
  areaId: string
  address: NewAddress | null
  photoMediaId: string | null
}

const ageBands: Weighted<readonly [number, number]> = [[[16, 25], 35], [[26, 40], 40], [[41, 60], 20], [[61, 80], 5]]
const builds = [['slim', 25], ['medium', 35], ['stocky', 15], ['heavy', 12], ['athletic', 13]] as const
const eyeColours = [['brown', 45], ['blue', 28], ['hazel', 10], ['green', 9], ['grey', 8]] as const
const hairColours = [['black', 25], ['dark brown', 28], ['brown', 18], ['light brown', 10], ['fair', 6],
  ['blonde', 8], ['ginger', 5]] as const
const hairLengths = {
  M: [['short', 50], ['cropped', 20], ['collar-length', 8], ['curly', 7], ['long', 3], ['shaved', 9], ['bald', 3]],
  F: [['long', 45], ['shoulder-length', 30], ['short', 12], ['curly', 8], ['braided', 5]],
} as const
const marks = ['tattoo: swallow, left hand', 'tattoo: "MUM", right forearm', 'tattoo: sleeve, left arm',
  'tattoo: spider web, right elbow', 'tattoo: teardrop, below left eye', 'tattoo: name on neck', 'tattoo: rose, right wrist',
  'tattoo: Aston Villa crest, left calf', 'tattoo: Birmingham City crest, right shoulder', 'tattoo: dots on knuckles',
  'scar: left cheek', 'scar: above right eye', 'scar: across chin', 'scar: on top lip', 'scar: back of right hand',
  'piercing: eyebrow', 'piercing: nose stud', 'piercing: lip ring', 'gold tooth, upper front', 'missing front tooth',
  'birthmark: left side of neck', 'freckles', 'walks with a limp', 'glasses']

function randomDescription(r: Random, sex: Sex, age: number): Description {
  const heightCm = Math.round((sex === 'M' ? 177 : 163) + gaussian(r) * (sex === 'M' ? 7 : 6))
  const length = weighted(r, hairLengths[sex])
  const colour = age > 55 && chance(r, 0.6) ? pick(r, ['grey', 'greying', 'white']) : weighted(r, hairColours)
  const hair = length === 'shaved' || length === 'bald' ? length : `${length} ${colour}`
  const markCount = weighted(r, [[0, 50], [1, 35], [2, 15]])
  const personMarks = new Set<string>()
  while (personMarks.size < markCount) personMarks.add(pick(r, marks))
  return { heightCm, build: weighted(r, builds), hair, eyes: weighted(r, eyeColours), marks: [...personMarks] }
}

export function generatePeople(r: Random, count: number, addresses: readonly NewAddress[], today: number): Person[] {
  return Array.from({ length: count }, (_, i) => {
    const planted = i < plantedPeople.length ? plantedPeople[i] : null
    const sex: Sex = planted?.sex ?? (chance(r, 0.7) ? 'M' : 'F')
    const name = planted ?? randomName(r, sex)
    const [minAge, maxAge] = weighted(r, ageBands)
    const age = planted?.age ?? r.number.int({ min: minAge, max: maxAge })
    const dob = isoDate(today - daysOfAge(age) - r.number.int(364))
    const address = chance(r, 0.01) ? null : pick(r, addresses)
    const aliases = chance(r, 0.1) ? [randomAlias(r, name)] : []
    return {
      id: `person-${zeroPad(i + 1, 6)}`,
      name: { forenames: name.forenames, surname: name.surname, sex },
      dob,
      description: randomDescription(r, sex, age),
      aliases,
      markers: chance(r, 0.12) ? randomMarkers(r) : [],
      // People of no fixed abode are recorded against the area where they were last dealt with.
      areaId: address?.areaId ?? pick(r, addresses).areaId,
      address,
      photoMediaId: null,
    }
  })
}

/** Gives a marker set to `probability` of the people who have none yet. */
export function addMarkers(r: Random, people: readonly Person[], probability: number): void {
  for (const person of people) {
    if (person.markers.length === 0 && chance(r, probability)) person.markers = randomMarkers(r)
  }
}

/** A person in the import format, so the seed loads people through the importer's own path. */
export function personImport(person: Person): PersonImport & { photoMediaId: string | null } {
  return {
    id: person.id,
    surname: person.name.surname,
    forenames: person.name.forenames,
    dob: person.dob,
    sex: person.name.sex,
    description: person.description,
    aliases: person.aliases,
    warningMarkers: person.markers,
    areaId: person.areaId,
    addressId: person.address?.id ?? null,
    photoMediaId: person.photoMediaId,
  }
}

export function fullName(person: Person): string {
  return `${person.name.forenames} ${person.name.surname}`
}

/** "178 cm, medium build, short dark brown hair, brown eyes" */
export function descriptionText({ heightCm, build, hair, eyes }: Description): string {
  return `${heightCm} cm, ${build} build, ${hair === 'bald' ? 'bald' : `${hair} hair`}, ${eyes} eyes`
}
