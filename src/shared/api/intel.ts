/**
 * The intelligence records a device holds: people (with their warning markers, wanted status, bail
 * and curfew conditions, contacts and documents), vehicles, addresses and briefing items. The
 * server builds them, the sync package carries them, and the device stores them in Dexie as they
 * are, so a profile opened offline shows exactly what it would show online.
 */
import { z } from 'zod'

export const latLngSchema = z.object({ lat: z.number(), lng: z.number() })
export type LatLng = z.infer<typeof latLngSchema>

export const markerTypeSchema = z.object({
  code: z.string(),
  label: z.string(),
  severity: z.number().int(),
  officerSafety: z.boolean(),
})
export type MarkerType = z.infer<typeof markerTypeSchema>

export const areaSchema = z.object({ id: z.string(), name: z.string() })

export const wantedSchema = z.object({
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  offence: z.string(),
  warrantType: z.string().nullable(),
  since: z.string(),
  reviewDate: z.string(),
  harm: z.number(),
  lastKnown: z.object({ place: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable() }).nullable(),
})
export type Wanted = z.infer<typeof wantedSchema>

export const conditionSchema = z.object({
  id: z.string(),
  kind: z.string(),
  details: z.record(z.string(), z.unknown()),
  addressId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
})
export type Condition = z.infer<typeof conditionSchema>

export const documentRefSchema = z.object({ id: z.string(), title: z.string(), contentType: z.string(), url: z.string() })

export const personRecordSchema = z.object({
  id: z.string(),
  surname: z.string(),
  forenames: z.string(),
  dob: z.string().nullable(),
  sex: z.string().nullable(),
  description: z.record(z.string(), z.unknown()),
  aliases: z.array(z.object({ surname: z.string(), forenames: z.string() })),
  warningMarkers: z.array(z.string()),
  areaId: z.string().nullable(),
  addressId: z.string().nullable(),
  photoUrl: z.string().nullable(),
  wanted: wantedSchema.nullable(),
  conditions: z.array(conditionSchema),
  contacts: z.array(z.object({ at: z.string(), type: z.string(), place: z.string(), summary: z.string() })),
  documents: z.array(documentRefSchema),
  links: z.array(z.object({ kind: z.enum(['address', 'vehicle', 'associate']), id: z.string(), relation: z.string().nullable() })),
  updatedAt: z.string(),
})
export type PersonRecord = z.infer<typeof personRecordSchema>

export const vehicleRecordSchema = z.object({
  id: z.string(),
  vrm: z.string(),
  make: z.string(),
  model: z.string(),
  colour: z.string(),
  keeperPersonId: z.string().nullable(),
  markers: z.array(z.object({ code: z.string(), label: z.string() })),
  updatedAt: z.string(),
})
export type VehicleRecord = z.infer<typeof vehicleRecordSchema>

export const addressRecordSchema = z.object({
  id: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  town: z.string(),
  postcode: z.string(),
  lat: z.number(),
  lng: z.number(),
  areaId: z.string().nullable(),
  warnings: z.array(z.object({ code: z.string(), label: z.string() })),
  occupantIds: z.array(z.string()),
  updatedAt: z.string(),
})
export type AddressRecord = z.infer<typeof addressRecordSchema>

export const subjectKindSchema = z.enum(['person', 'vehicle', 'address'])
export type SubjectKind = z.infer<typeof subjectKindSchema>

export const taskSchema = z.object({
  type: z.enum(['patrol', 'arrest', 'visit', 'other']),
  assignee: z.object({ kind: z.enum(['officer', 'team', 'area']), id: z.string() }),
  status: z.enum(['open', 'accepted', 'done']),
  result: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
})
export type Task = z.infer<typeof taskSchema>

/**
 * A fence an analyst draws on a briefing item (issue 7): 'area' is the item's drawn polygon, a
 * 'circle' has its own centre and radius. The message is spoken on entering ("Caution: <message>.");
 * active hours are London wall-clock times, and `end <= start` runs past midnight.
 */
export const briefingFenceSchema = z.object({
  shape: z.enum(['area', 'circle']),
  center: latLngSchema.optional(),
  radiusM: z.number().optional(),
  message: z.string(),
  activeHours: z.object({ start: z.string(), end: z.string() }).optional(),
})
export type BriefingFence = z.infer<typeof briefingFenceSchema>

export const briefingItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  areaIds: z.array(z.string()),
  polygon: z.array(latLngSchema).nullable(),
  /** Absent on items a device stored before fences were written. */
  fence: briefingFenceSchema.nullable().optional(),
  validFrom: z.string(),
  validTo: z.string(),
  author: z.object({ collarNumber: z.string(), name: z.string() }),
  links: z.array(z.object({ kind: subjectKindSchema, id: z.string() })),
  task: taskSchema.nullable(),
  readAt: z.string().nullable(),
  updatedAt: z.string(),
})
export type BriefingItem = z.infer<typeof briefingItemSchema>
