/**
 * The database as Kysely sees it. Columns are snake_case in SQL and camelCase here (CamelCasePlugin).
 * Times are ISO-8601 UTC strings and flags are 0/1 integers in both SQLite and PostgreSQL, so the
 * same queries and comparisons run on both.
 */
import type { Generated, Insertable, Selectable } from 'kysely'
import type { Role } from '../../shared/api/auth.ts'

export type AreaTable = {
  id: string
  name: string
  /** GeoJSON-style ring [[lng, lat], ...] as JSON text */
  boundary: string
}

export type UserTable = {
  id: Generated<number>
  collarNumber: string
  name: string
  role: Role
  areaId: string | null
  passwordHash: string
  isDemo: number
  failedLogins: Generated<number>
  lockedUntil: string | null
  createdAt: string
}

export type SessionTable = {
  /** sha256 of the cookie token: a leaked database does not leak live sessions */
  id: string
  userId: number
  createdAt: string
  expiresAt: string
  lastSeenAt: string
  revokedAt: string | null
  userAgent: string | null
}

/** Search keys for person checks (src/shared/matching/keys.ts), kept by upsertPeople. */
export type PersonMatchKeyTable = {
  key: string
  birthYear: number | null
  personId: string
}

/** Facts about the store itself, such as which recipe made the person check keys. */
export type StoreMetaTable = {
  key: string
  value: string
}

export type AuditTable = {
  id: Generated<number>
  at: string
  userId: number | null
  collarNumber: string | null
  action: string
  subjectKind: string | null
  subjectId: string | null
  reasonCode: string | null
  reasonText: string | null
  detail: string | null
  online: number
  /** the client-made id of an audit record queued on a device, so a replay is stored once */
  opId: Generated<string | null>
  prevHash: string
  hash: string
}

export type WarningMarkerTypeTable = {
  code: string
  label: string
  severity: number
  officerSafety: number
}

export type AddressTable = {
  id: string
  line1: string
  line2: string | null
  town: string
  postcode: string
  lat: number
  lng: number
  areaId: string | null
  /** JSON array of { code, label } */
  warnings: string
  updatedAt: string
}

export type PersonTable = {
  id: string
  surname: string
  forenames: string
  dob: string | null
  sex: string | null
  /** JSON { heightCm, build, hair, eyes, marks: string[] } */
  description: string
  /** JSON array of { surname, forenames } */
  aliases: string
  /** JSON array of warning-marker codes */
  warningMarkers: string
  areaId: string | null
  addressId: string | null
  photoMediaId: string | null
  updatedAt: string
}

export type WantedTable = {
  personId: string
  priority: number
  offence: string
  warrantType: string | null
  since: string
  reviewDate: string
  harm: number
  lastKnownPlace: string | null
  lastKnownLat: number | null
  lastKnownLng: number | null
  updatedAt: string
}

export type ConditionTable = {
  id: string
  personId: string
  kind: string
  /** JSON: kind-specific details (curfew windows, exclusion polygons, doorstep, tag, ...) */
  details: string
  addressId: string | null
  validFrom: string
  validTo: string
  updatedAt: string
}

export type VehicleTable = {
  id: string
  vrm: string
  make: string
  model: string
  colour: string
  keeperPersonId: string | null
  /** JSON array of { code, label } */
  markers: string
  updatedAt: string
}

export type ContactTable = {
  id: string
  personId: string
  at: string
  type: string
  place: string
  summary: string
}

export type MediaTable = {
  id: string
  personId: string | null
  kind: 'photo' | 'document'
  title: string
  contentType: string
  bytes: Buffer
  /** The content version, part of the file's URL (store/media.ts) */
  version: string
  createdAt: string
}

export type CrimeTable = {
  /** the dedupe key (store/crimes.ts): the police.uk Crime ID, or a hash of the row and its occurrence */
  id: string
  /** 'police.uk', 'demo', ... */
  source: string
  /** the police.uk Crime ID, when the file gives one (anti-social behaviour never has one) */
  crimeId: Generated<string | null>
  /** H3 cell at resolution 9, or null without coordinates */
  cell: Generated<string | null>
  month: string
  date: string | null
  precision: 'month' | 'day'
  category: string
  lat: number | null
  lng: number | null
  location: string
  lsoaCode: string | null
  lsoaName: string | null
  outcome: string | null
  force: string | null
}

/** Located crimes per category (or '*' for all), month and H3 cell at resolution 9 (store/crimes.ts). */
export type CrimeCellCountTable = { category: string; month: string; cell: string; n: number }

export type PersonLinkTable = {
  personId: string
  kind: 'address' | 'vehicle' | 'associate'
  targetId: string
  relation: string | null
}

export type BriefingItemTable = {
  id: string
  title: string
  body: string
  priority: number
  /** JSON array of area ids; empty means the whole force */
  areaIds: string
  /** JSON array of { lat, lng }, or null */
  polygon: string | null
  /** JSON BriefingFence (shared/api/intel.ts), or null: the item makes no fence of its own */
  fence: string | null
  validFrom: string
  validTo: string
  authorId: number
  /** JSON Task, or null for an information item */
  task: string | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export type BriefingLinkTable = { itemId: string; subjectKind: 'person' | 'vehicle' | 'address'; subjectId: string }
export type BriefingReadTable = { itemId: string; userId: number; readAt: string }
export type ChangeTable = { seq: Generated<number>; entity: string; entityId: string; op: 'put' | 'remove'; at: string }

export type ClaimStatus = 'active' | 'released' | 'closed' | 'lapsed' | 'cancelled' | 'reassigned'
export type ClaimTable = {
  id: string
  personId: string
  officerId: number
  status: ClaimStatus
  outcome: string | null
  note: string | null
  opId: string | null
  createdAt: string
  expiresAt: string
  endedAt: string | null
  endedBy: number | null
}
export type ClaimAssistTable = { claimId: string; officerId: number; joinedAt: string }
export type EventTable = {
  id: Generated<number>
  type: string
  personId: string | null
  /** 'all', 'supervisors', or 'user:<id>' */
  audience: string
  payload: string
  createdAt: string
}

/** A curfew door-knock, stored once by the id the device made. */
export type CurfewCheckTable = {
  id: string
  conditionId: string
  personId: string
  officerId: number
  result: 'present' | 'absent' | 'no_answer' | 'refused'
  checkedAt: string
  lat: number | null
  lng: number | null
  accuracy: number | null
  note: string | null
  answeredBy: string | null
  /** 0/1: made inside the curfew hours */
  inWindow: number
  /** 0/1: absent or refused inside the curfew hours */
  breach: number
  createdAt: string
}
/** The visit in progress at a curfew address: one row per condition, taken over once expired. */
export type CurfewVisitTable = { conditionId: string; officerId: number; startedAt: string; expiresAt: string }

/** An audio note, stored once by the id the device made (store/notes.ts). */
export type NoteTable = {
  id: string
  officerId: number
  text: string
  recordedAt: string
  attachedKind: string | null
  attachedId: string | null
  lat: number | null
  lng: number | null
  accuracyM: number | null
  createdAt: string
  updatedAt: string
  /** the device's time of the last transcript correction applied, so an older one never wins */
  textEditedAt: string | null
  /** SHA-256 of the body the note was created with: a replay must match it */
  bodyHash: string
}
/** A note's recording: `received` bytes of `total` so far; `sha256` once complete. */
export type NoteAudioTable = {
  noteId: string
  contentType: string
  total: number
  received: number
  bytes: Buffer
  sha256: string | null
  updatedAt: string
}

export type Database = {
  claims: ClaimTable
  claimAssists: ClaimAssistTable
  events: EventTable
  personLinks: PersonLinkTable
  briefingItems: BriefingItemTable
  briefingLinks: BriefingLinkTable
  briefingReads: BriefingReadTable
  changes: ChangeTable
  areas: AreaTable
  users: UserTable
  sessions: SessionTable
  auditLog: AuditTable
  warningMarkerTypes: WarningMarkerTypeTable
  addresses: AddressTable
  people: PersonTable
  personMatchKeys: PersonMatchKeyTable
  storeMeta: StoreMetaTable
  wanted: WantedTable
  conditions: ConditionTable
  vehicles: VehicleTable
  contacts: ContactTable
  media: MediaTable
  crimes: CrimeTable
  crimeCellCounts: CrimeCellCountTable
  curfewChecks: CurfewCheckTable
  curfewVisits: CurfewVisitTable
  notes: NoteTable
  noteAudio: NoteAudioTable
}

export type UserRow = Selectable<UserTable>
export type NewPerson = Insertable<PersonTable>
