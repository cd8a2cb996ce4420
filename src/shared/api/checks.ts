/**
 * On-the-spot checks of people, vehicles and addresses, and the audit log supervisors read.
 * Every check carries a reason and leaves one audit record: online the server writes it; offline
 * the device runs the same matching on its synced package and queues the record (`checkId` is the
 * record's op id, so a replay is stored once). The device makes the checkId before it asks the
 * server and sends it along: a check whose answer was lost (the connection cut after the server
 * wrote its record) and then recorded on the device is still one record.
 */
import { z } from 'zod'
import { reasonSchema } from './audit.ts'
import { conditionSchema, wantedSchema } from './intel.ts'

/** The device's id for the check, also its audit record's op id: a check sent again is recorded once. */
const checkIdField = z.uuid().optional()

const dobText = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'a date of birth is YYYY-MM-DD or a year YYYY')

export const personCheckRequestSchema = z.strictObject({
  surname: z.string().trim().min(1).max(80),
  forenames: z.string().trim().max(120).optional(),
  dob: dobText.optional(),
  reason: reasonSchema,
  checkId: checkIdField,
})
export type PersonCheckRequest = z.infer<typeof personCheckRequestSchema>

export const personCandidateSchema = z.object({
  personId: z.string(),
  score: z.number().min(0).max(1),
  surname: z.string(),
  forenames: z.string(),
  dob: z.string().nullable(),
  matchedOn: z.array(z.string()),
  warningMarkers: z.array(z.string()),
  wanted: wantedSchema.nullable(),
  conditions: z.array(conditionSchema),
  photoUrl: z.string().nullable(),
  /** height, build, distinguishing marks: what confirms it is the same person */
  description: z.record(z.string(), z.unknown()),
  aliases: z.array(z.object({ surname: z.string(), forenames: z.string() })),
})
export type PersonCandidate = z.infer<typeof personCandidateSchema>

export const personCheckResponseSchema = z.object({ checkId: z.uuid(), candidates: z.array(personCandidateSchema) })
export type PersonCheckResponse = z.infer<typeof personCheckResponseSchema>

export const vehicleCheckRequestSchema = z.strictObject({ vrm: z.string().trim().min(1).max(12), reason: reasonSchema, checkId: checkIdField })
export type VehicleCheckRequest = z.infer<typeof vehicleCheckRequestSchema>

export const linkedPersonSchema = z.object({
  personId: z.string(),
  surname: z.string(),
  forenames: z.string(),
  dob: z.string().nullable(),
  relation: z.string(),
  warningMarkers: z.array(z.string()),
  wanted: z.boolean(),
})
export type LinkedPerson = z.infer<typeof linkedPersonSchema>

export const vehicleCandidateSchema = z.object({
  vehicleId: z.string(),
  vrm: z.string(),
  /** the plate as typed (spacing and case aside); false when found through a misread (0/O, 1/I, 5/S, 8/B) */
  exact: z.boolean(),
  make: z.string(),
  model: z.string(),
  colour: z.string(),
  markers: z.array(z.object({ code: z.string(), label: z.string() })),
  keeper: linkedPersonSchema.nullable(),
  linkedPeople: z.array(linkedPersonSchema),
})
export const vehicleCheckResponseSchema = z.object({ checkId: z.uuid(), candidates: z.array(vehicleCandidateSchema) })
export type VehicleCheckResponse = z.infer<typeof vehicleCheckResponseSchema>

export const addressCheckRequestSchema = z.strictObject({ query: z.string().trim().min(2).max(100), reason: reasonSchema, checkId: checkIdField })
export type AddressCheckRequest = z.infer<typeof addressCheckRequestSchema>

export const addressCandidateSchema = z.object({
  addressId: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  town: z.string(),
  postcode: z.string(),
  warnings: z.array(z.object({ code: z.string(), label: z.string() })),
  occupants: z.array(linkedPersonSchema),
  linkedPeople: z.array(linkedPersonSchema),
})
export const addressCheckResponseSchema = z.object({ checkId: z.uuid(), candidates: z.array(addressCandidateSchema) })
export type AddressCheckResponse = z.infer<typeof addressCheckResponseSchema>

export const checkReasonsResponseSchema = z.object({ reasons: z.array(z.object({ code: z.string(), label: z.string() })) })

/** A check made offline on the device, uploaded later through the outbox. */
export const offlineCheckRecordSchema = z.strictObject({
  checkId: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  kind: z.enum(['person', 'vehicle', 'address']),
  /** what the officer entered: surname/forenames/dob, vrm, or query */
  query: z.record(z.string(), z.string().max(200)),
  reason: reasonSchema,
  resultIds: z.array(z.string().max(64)).max(50),
})
export type OfflineCheckRecord = z.infer<typeof offlineCheckRecordSchema>
export const offlineCheckRecordsRequestSchema = z.strictObject({ records: z.array(offlineCheckRecordSchema).min(1).max(500) })

/** The audit log as supervisors read it (officers read only their own). */
export const auditQuerySchema = z.strictObject({
  officer: z.string().trim().max(20).regex(/^\w+$/, 'an officer is a collar number').optional(),
  subject: z.string().trim().max(64).regex(/^[\w.-]+$/, 'a subject is an id such as P000123').optional(),
  reason: z.string().trim().max(40).optional(),
  action: z.string().trim().max(40).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** records older than this id (for the next page) */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

export const auditRecordSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  collarNumber: z.string().nullable(),
  action: z.string(),
  subjectKind: z.string().nullable(),
  subjectId: z.string().nullable(),
  reasonCode: z.string().nullable(),
  reasonText: z.string().nullable(),
  online: z.boolean(),
  resultCount: z.number().int().nullable(),
  device: z.string().nullable(),
  summary: z.string(),
})
export type AuditRecord = z.infer<typeof auditRecordSchema>
export const auditPageSchema = z.object({ records: z.array(auditRecordSchema), nextBefore: z.number().int().nullable() })
