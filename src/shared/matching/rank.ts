/**
 * Ranking the candidates of a person check: how well each recorded identity (the person's own name
 * and every alias) agrees with what the officer was told, as a score from 0 to 1 and the reasons.
 * A name and full date of birth that match exactly score 1, so that person always ranks first;
 * among people with the same name the date of birth decides. Runs on the server and the device.
 */
import { jaroWinkler } from '@skyra/jaro-winkler'
import { compareDob, parseGivenDob, type DobAgreement, type GivenDob } from './dates.ts'
import type { NameRecord, PersonQuery } from './keys.ts'
import { nameParts, normaliseName, phoneticCodes } from './names.ts'
import { sameGivenName } from './nicknames.ts'

export type MatchReason =
  | 'surname' | 'surname-part' | 'surname-sounds-alike' | 'surname-spelling'
  | 'forename' | 'forename-short-form' | 'forename-sounds-alike' | 'forename-spelling'
  | 'alias' | 'names-swapped'
  | 'dob' | 'dob-day-month-swapped' | 'dob-year-off-by-one' | 'birth-year' | 'birth-year-off-by-one'

type Part = { score: number; reason: MatchReason | null }
const NONE: Part = { score: 0, reason: null }

function soundsAlike(a: string, b: string): boolean {
  const codes = phoneticCodes(b)
  return phoneticCodes(a).some((code) => codes.includes(code))
}

/** A name as the officer gave it, read once per check rather than once per candidate. */
type GivenSurname = { whole: string; parts: readonly string[] }
type GivenForename = { first: string }

function givenSurname(text: string): GivenSurname {
  return { whole: normaliseName(text), parts: nameParts(text) }
}
function givenForename(text: string): GivenForename {
  return { first: normaliseName(text.split(/\s+/)[0] ?? '') }
}

/** How well a given surname agrees with a recorded one (either may be double-barrelled). */
function surnameAgreement(given: GivenSurname, recorded: string): Part {
  const g = given.whole
  const r = normaliseName(recorded)
  if (!g || !r) return NONE
  if (g === r) return { score: 1, reason: 'surname' }
  const gParts = given.parts
  const rParts = nameParts(recorded)
  if (gParts.some((p) => rParts.includes(p))) return { score: 0.95, reason: 'surname-part' }
  if (soundsAlike(g, r) || gParts.some((gp) => rParts.some((rp) => soundsAlike(gp, rp)))) return { score: 0.9, reason: 'surname-sounds-alike' }
  let spelling = 0
  for (const gp of gParts) for (const rp of rParts) spelling = Math.max(spelling, jaroWinkler(gp, rp))
  return spelling >= 0.8 ? { score: 0.85 * spelling, reason: 'surname-spelling' } : { score: 0.6 * spelling, reason: null }
}

/** How well given forenames agree with recorded ones: the first forename decides. */
function forenameAgreement(given: GivenForename, recorded: string): Part {
  const g = given.first
  const r = normaliseName(recorded.split(/\s+/)[0] ?? '')
  if (!g || !r) return NONE
  if (g === r) return { score: 1, reason: 'forename' }
  if (sameGivenName(g, r)) return { score: 0.95, reason: 'forename-short-form' }
  if (soundsAlike(g, r)) return { score: 0.9, reason: 'forename-sounds-alike' }
  const spelling = jaroWinkler(g, r)
  if (spelling >= 0.85) return { score: 0.85 * spelling, reason: 'forename-spelling' }
  // An initial or a name's opening letters ("J" for John) agree a little.
  if (r.startsWith(g) && g.length <= 2) return { score: 0.5, reason: null }
  return { score: 0.5 * spelling, reason: null }
}

const DOB_SCORE: Record<DobAgreement, Part> = {
  exact: { score: 1, reason: 'dob' },
  'day-month-swapped': { score: 0.85, reason: 'dob-day-month-swapped' },
  'year-off-by-one': { score: 0.8, reason: 'dob-year-off-by-one' },
  year: { score: 0.9, reason: 'birth-year' },
  'year-off-by-one-only': { score: 0.65, reason: 'birth-year-off-by-one' },
  unknown: { score: 0.4, reason: null },
  different: { score: 0.1, reason: null },
}

export type RankedCandidate<P> = { person: P; score: number; matchedOn: MatchReason[] }

/** The query's names read both ways round (the surname as given, and the forenames as the surname), once per check. */
type GivenNames = { surname: GivenSurname; forename: GivenForename | null; swappedSurname: GivenSurname | null; swappedForename: GivenForename | null }

function givenNames(query: PersonQuery): GivenNames {
  const forenames = query.forenames?.trim() ?? ''
  return {
    surname: givenSurname(query.surname),
    forename: forenames ? givenForename(forenames) : null,
    swappedSurname: forenames ? givenSurname(forenames) : null,
    swappedForename: forenames ? givenForename(query.surname) : null,
  }
}

/** Score one identity (own name or an alias) against the query; `swapped` reads the query the other way round. */
function scoreIdentity(given: GivenNames, identity: { surname: string; forenames: string }, dob: GivenDob | null, recordedDob: string | null) {
  const straight = { surname: surnameAgreement(given.surname, identity.surname), forename: given.forename ? forenameAgreement(given.forename, identity.forenames) : null, swapped: false }
  let best = straight
  if (given.swappedSurname && given.swappedForename) {
    const swapped = { surname: surnameAgreement(given.swappedSurname, identity.surname), forename: forenameAgreement(given.swappedForename, identity.forenames), swapped: true }
    const total = (p: typeof straight) => p.surname.score + (p.forename?.score ?? 0)
    // Reading the names the other way round costs a little, so a straight reading wins a tie.
    if (total(swapped) * 0.97 > total(straight)) best = swapped
  }
  const dobPart = dob ? DOB_SCORE[compareDob(dob, recordedDob)] : null
  const weights = { surname: 0.45, forename: 0.25, dob: 0.3 }
  let total = weights.surname * best.surname.score
  let weight = weights.surname
  if (best.forename) { total += weights.forename * best.forename.score; weight += weights.forename }
  if (dobPart) { total += weights.dob * dobPart.score; weight += weights.dob }
  const score = (total / weight) * (best.swapped ? 0.97 : 1)
  const matchedOn: MatchReason[] = []
  for (const part of [best.surname, best.forename, dobPart]) if (part?.reason) matchedOn.push(part.reason)
  if (best.swapped) matchedOn.push('names-swapped')
  return { score, matchedOn }
}

/** Ranks candidates best first (ties by id so both stores agree), at most `limit`. */
export function rankCandidates<P extends NameRecord & { id: string }>(query: PersonQuery, people: readonly P[], limit: number): RankedCandidate<P>[] {
  const dob = parseGivenDob(query.dob)
  const given = givenNames(query)
  const ranked = people.map((person) => {
    let best = scoreIdentity(given, person, dob, person.dob)
    for (const alias of person.aliases ?? []) {
      const viaAlias = scoreIdentity(given, alias, dob, person.dob)
      // An alias counts a shade below the recorded name.
      viaAlias.score *= 0.98
      if (viaAlias.score > best.score) best = { score: viaAlias.score, matchedOn: [...viaAlias.matchedOn, 'alias'] }
    }
    return { person, score: Math.round(best.score * 1000) / 1000, matchedOn: best.matchedOn }
  })
  ranked.sort((a, b) => b.score - a.score || (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0))
  return ranked.slice(0, limit)
}
