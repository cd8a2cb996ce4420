/**
 * Curfew checks: the door-knocks officers make to people on bail or court curfews. The due list
 * says who must be at home in a range of time (windows from src/shared/curfew/windows.ts), with the
 * last check and any visit in progress, so two officers do not knock at the same door; a check
 * result is stored once by its client-made id however often a device replays it; an absent or
 * refused result inside the curfew hours is a possible breach that supervisors hear about at once.
 */
import { z } from 'zod'
import { officerRefSchema } from './claims.ts'
import { addressRecordSchema } from './intel.ts'

const isoInstant = z.iso.datetime({ offset: true })

export const curfewResults = ['present', 'absent', 'no_answer', 'refused'] as const
export type CurfewResult = (typeof curfewResults)[number]
/** Results that may mean the person broke their curfew (when inside the curfew hours). */
export const breachResults: readonly CurfewResult[] = ['absent', 'refused']

/** A curfew condition's details as the store and the package hold them (`kind: 'curfew'`). */
export const curfewDetailsSchema = z.object({
  windows: z.array(z.object({ days: z.array(z.number().int().min(0).max(6)), start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) })),
  doorstep: z.boolean().optional(),
  tag: z.boolean().optional(),
})
export type CurfewDetails = z.infer<typeof curfewDetailsSchema>

export const windowInstantSchema = z.object({ start: z.string(), end: z.string() })

export const positionSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** metres, as the device's geolocation reports it */
  accuracy: z.number().min(0).max(100_000).nullable().optional(),
})
export type CheckPosition = z.infer<typeof positionSchema>

export const curfewCheckSchema = z.object({
  id: z.string(),
  conditionId: z.string(),
  personId: z.string(),
  officer: officerRefSchema,
  result: z.enum(curfewResults),
  checkedAt: z.string(),
  position: z.object({ lat: z.number(), lng: z.number(), accuracy: z.number().nullable() }).nullable(),
  note: z.string().nullable(),
  answeredBy: z.string().nullable(),
  /** whether the check was made inside the curfew hours */
  inWindow: z.boolean(),
  /** an absent or refused result inside the curfew hours */
  breach: z.boolean(),
  createdAt: z.string(),
})
export type CurfewCheck = z.infer<typeof curfewCheckSchema>

export const curfewVisitSchema = z.object({
  conditionId: z.string(),
  officer: officerRefSchema,
  startedAt: z.string(),
  expiresAt: z.string(),
})
export type CurfewVisit = z.infer<typeof curfewVisitSchema>

export const dueItemSchema = z.object({
  conditionId: z.string(),
  personId: z.string(),
  surname: z.string(),
  forenames: z.string(),
  photoUrl: z.string().nullable(),
  warningMarkers: z.array(z.string()),
  areaId: z.string().nullable(),
  address: addressRecordSchema.omit({ occupantIds: true, updatedAt: true }).nullable(),
  /** the curfew's pattern, for saying it in plain words */
  rule: z.object({ windows: curfewDetailsSchema.shape.windows, validFrom: z.string(), validTo: z.string() }),
  /** the windows overlapping the range asked for, as instants */
  windows: z.array(windowInstantSchema),
  doorstep: z.boolean(),
  tag: z.boolean(),
  /** the latest check since the first of these windows started */
  lastCheck: curfewCheckSchema.nullable(),
  /** an officer on their way (expires by itself) */
  visit: curfewVisitSchema.nullable(),
})
export type DueItem = z.infer<typeof dueItemSchema>

export const dueQuerySchema = z.strictObject({
  from: isoInstant,
  to: isoInstant,
  /** supervisors only: another local policing area */
  area: z.string().min(1).max(64).optional(),
})
export const dueResponseSchema = z.object({ areaId: z.string().nullable(), from: z.string(), to: z.string(), items: z.array(dueItemSchema) })
export type DueResponse = z.infer<typeof dueResponseSchema>

export const coverageResponseSchema = z.object({
  areaId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  due: z.number().int(),
  checked: z.number().int(),
  breaches: z.number().int(),
  items: z.array(dueItemSchema.extend({ breach: z.boolean() })),
})
export type CoverageResponse = z.infer<typeof coverageResponseSchema>

export const checkRequestSchema = z.strictObject({
  /** client-made UUID: a replay returns the same stored check */
  id: z.uuid(),
  result: z.enum(curfewResults),
  checkedAt: isoInstant,
  position: positionSchema.nullable().optional(),
  note: z.string().trim().max(2000).optional(),
  answeredBy: z.string().trim().max(200).optional(),
})
export type CheckRequest = z.infer<typeof checkRequestSchema>
export const checkResponseSchema = z.object({ check: curfewCheckSchema })
export const visitResponseSchema = z.object({ visit: curfewVisitSchema })
export const historyResponseSchema = z.object({ items: z.array(curfewCheckSchema) })

export const conditionIdParamsSchema = z.strictObject({ conditionId: z.string().min(1).max(64) })
export const personIdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) })

/** The body of `curfew.breach` (supervisors only) and of `curfew.visit` / `curfew.checked` (everyone). */
export const curfewEventBodySchema = z.object({
  conditionId: z.string(),
  officer: officerRefSchema,
  checkId: z.string().optional(),
  result: z.enum(curfewResults).optional(),
  checkedAt: z.string().optional(),
  expiresAt: z.string().optional(),
  /** breach events only: who and where, for the supervisor's alert */
  personName: z.string().optional(),
  address: z.string().optional(),
  areaId: z.string().nullable().optional(),
})
export type CurfewEventBody = z.infer<typeof curfewEventBodySchema>

export const resultLabels: Record<CurfewResult, string> = {
  present: 'Present',
  absent: 'Absent',
  no_answer: 'No answer',
  refused: 'Refused to come to the door',
}
