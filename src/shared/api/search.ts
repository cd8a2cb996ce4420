/** Finding people, vehicles and addresses to link to a briefing item (authors only). */
import { z } from 'zod'
import { subjectKindSchema } from './intel.ts'

export const subjectSearchQuerySchema = z.strictObject({
  kind: subjectKindSchema,
  q: z.string().trim().min(2, 'type at least 2 characters').max(100),
})
export const subjectSearchResponseSchema = z.object({
  items: z.array(z.object({ kind: subjectKindSchema, id: z.string(), label: z.string(), detail: z.string() })),
})
export type SubjectSearchResult = z.infer<typeof subjectSearchResponseSchema>['items'][number]
