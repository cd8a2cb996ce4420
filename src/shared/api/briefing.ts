/**
 * Writing the briefing: analysts and supervisors author items (optionally tasks) linked to people,
 * vehicles and addresses; officers acknowledge items and record task results from the street.
 */
import { z } from 'zod'
import { latLngSchema, subjectKindSchema, taskSchema } from './intel.ts'

const isoInstant = z.iso.datetime({ offset: true })
const wallClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM, 00:00 to 23:59')

export const fenceRadiusLimitsM = { min: 100, max: 5_000 } as const

/** The fence an author writes: a circle needs its centre and radius; an area needs the drawn polygon. */
export const briefingFenceInputSchema = z.strictObject({
  shape: z.enum(['area', 'circle']),
  center: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  radiusM: z.number().min(fenceRadiusLimitsM.min).max(fenceRadiusLimitsM.max).optional(),
  message: z.string().trim().min(1, 'a fence needs a message').max(200),
  activeHours: z.strictObject({ start: wallClockTime, end: wallClockTime }).optional(),
}).superRefine((fence, ctx) => {
  if (fence.shape !== 'circle') return
  if (!fence.center) ctx.addIssue({ code: 'custom', message: 'a circle needs a centre', path: ['center'] })
  if (fence.radiusM === undefined) ctx.addIssue({ code: 'custom', message: 'a circle needs a radius in metres', path: ['radiusM'] })
})

export const briefingItemInputSchema = z.strictObject({
  title: z.string().trim().min(1, 'a title is needed').max(200),
  body: z.string().max(20_000),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  areaIds: z.array(z.string().max(64)).max(50),
  polygon: z.array(latLngSchema.strict()).min(3).max(500).nullable().optional(),
  fence: briefingFenceInputSchema.nullable().optional(),
  validFrom: isoInstant,
  validTo: isoInstant,
  links: z.array(z.strictObject({ kind: subjectKindSchema, id: z.string().min(1).max(64) })).max(200),
  task: z.strictObject({
    type: taskSchema.shape.type,
    assignee: z.strictObject({ kind: z.enum(['officer', 'team', 'area']), id: z.string().min(1).max(64) }),
  }).nullable().optional(),
}).refine((v) => Date.parse(v.validTo) > Date.parse(v.validFrom), { message: 'validTo must be after validFrom', path: ['validTo'] })
  .refine((v) => v.fence?.shape !== 'area' || (v.polygon?.length ?? 0) >= 3, { message: 'an area fence needs a drawn polygon', path: ['fence', 'shape'] })
export type BriefingItemInput = z.infer<typeof briefingItemInputSchema>

export const taskUpdateSchema = z.strictObject({
  status: z.enum(['accepted', 'done']),
  result: z.string().max(5_000).nullable().optional(),
})

export const readReceiptsResponseSchema = z.object({
  items: z.array(z.object({ collarNumber: z.string(), name: z.string(), readAt: z.string() })),
})

export const itemIdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) })
