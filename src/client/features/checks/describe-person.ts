/**
 * A person's recorded description as label and value pairs, for a check's result: height, build,
 * hair, eyes and distinguishing marks, the facts that confirm it is the same person. Fields the
 * record lacks say "Not recorded"; a description that does not have the expected shape shows
 * nothing rather than something wrong.
 */
import { z } from 'zod'

const descriptionSchema = z.object({
  heightCm: z.number().optional(),
  build: z.string().optional(),
  hair: z.string().optional(),
  eyes: z.string().optional(),
  marks: z.array(z.string()).optional(),
})

export function describePerson(description: Record<string, unknown>): [string, string][] {
  const parsed = descriptionSchema.safeParse(description)
  if (!parsed.success) return []
  const d = parsed.data
  return [
    ['Height', d.heightCm !== undefined ? `${d.heightCm} cm` : 'Not recorded'],
    ['Build', d.build ?? 'Not recorded'],
    ['Hair', d.hair ?? 'Not recorded'],
    ['Eyes', d.eyes ?? 'Not recorded'],
    ['Marks', d.marks && d.marks.length > 0 ? d.marks.join('; ') : 'None recorded'],
  ]
}
