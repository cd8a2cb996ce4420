/** Identity matching for checks: one module for the server and the device (see keys.ts, rank.ts). */
export { compareDob, parseGivenDob, type GivenDob } from './dates.ts'
export { birthYearOf, CANDIDATE_LIMIT, personMatchKeys, pickCandidates, queryMatchKeys, RESULT_LIMIT, yearKey, type KeyLookup, type NameRecord, type PersonQuery } from './keys.ts'
export { nameParts, normaliseName, phoneticCodes } from './names.ts'
export { rankCandidates, type MatchReason, type RankedCandidate } from './rank.ts'
export { normaliseVrm, vrmReadings } from './vrm.ts'
