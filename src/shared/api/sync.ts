/**
 * The briefing package and its delta. The first sync (no cursor) sends everything the officer's
 * device should hold; later syncs send only what changed since the cursor: records to put and ids
 * to remove (deleted, expired, or no longer the officer's business). The cursor is opaque to the
 * device: it stores it and sends it back.
 */
import { z } from 'zod'
import { trendCellSchema } from './crime.ts'
import { addressRecordSchema, areaSchema, briefingItemSchema, markerTypeSchema, personRecordSchema, vehicleRecordSchema } from './intel.ts'

export const syncQuerySchema = z.strictObject({
  cursor: z.string().regex(/^\d+\.\d+$/, 'cursor must be the value a previous sync returned').optional(),
})

const ids = z.array(z.string())

export const syncResponseSchema = z.object({
  cursor: z.string(),
  full: z.boolean(),
  generatedAt: z.string(),
  /** the end of the shift plus a margin: nothing here is shown after this without a fresh sync */
  staleAfter: z.string(),
  put: z.object({
    people: z.array(personRecordSchema),
    vehicles: z.array(vehicleRecordSchema),
    addresses: z.array(addressRecordSchema),
    briefingItems: z.array(briefingItemSchema),
  }),
  remove: z.object({ people: ids, vehicles: ids, addresses: ids, briefingItems: ids }),
  reference: z.object({ markerTypes: z.array(markerTypeSchema), areas: z.array(areaSchema) }),
  /** photos and documents the device should keep for offline use */
  media: z.array(z.string()),
  /**
   * Crime-trend cells of the officer's area (the force's, for an account without an area) for the
   * latest month, for the map offline. Present in every full package and in a delta after crime
   * was imported: then they replace the device's whole set. Absent: keep what the device has.
   */
  trendCells: z.array(trendCellSchema).optional(),
  /** what `trendCells` describe; sent with them */
  trendPeriod: z.object({
    month: z.string(),
    baselineMonths: z.number().int(),
    resolution: z.number().int(),
    /** the area the cells cover, or null for the whole force */
    areaId: z.string().nullable(),
  }).optional(),
})
export type SyncResponse = z.infer<typeof syncResponseSchema>
export type SyncEntity = keyof SyncResponse['put']
