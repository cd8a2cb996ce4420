/**
 * Bail and curfew conditions in plain words. The package carries each condition's details as the
 * court's structure (Bail Act 1976 s.3(6)); this turns each kind into a title and lines an officer
 * reads at a door. Details that do not match the expected shape are listed as they are, never
 * dropped, so nothing a court imposed goes unseen.
 */
import { z } from 'zod'
import type { Condition } from '../../shared/api/intel.ts'
import { formatCurfewWindow, formatDays } from './curfew-windows.ts'

const kindTitles: Record<string, string> = {
  residence: 'Residence',
  curfew: 'Curfew',
  doorstep: 'Doorstep',
  non_contact: 'No contact',
  exclusion: 'Exclusion zone',
  reporting: 'Reporting',
  electronic_monitoring: 'Electronic monitoring (tag)',
}

const requirementSchema = z.object({ requirement: z.string() })
const curfewSchema = z.object({
  windows: z.array(z.object({ days: z.array(z.number()), start: z.string(), end: z.string() })),
  doorstep: z.boolean().optional(),
  tag: z.boolean().optional(),
})
const nonContactSchema = z.object({
  persons: z.array(z.object({ forenames: z.string(), surname: z.string() })),
  directly: z.boolean().optional(),
  indirectly: z.boolean().optional(),
})
const exclusionSchema = z.object({ zones: z.array(z.object({ name: z.string() })) })
const reportingSchema = z.object({ station: z.string(), days: z.array(z.number()), from: z.string(), to: z.string() })
const monitoringSchema = z.object({ type: z.string(), provider: z.string().optional() })

export type ConditionText = { title: string; lines: string[] }

function fallbackLines(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(([key, value]) => `${key}: ${typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)}`)
}

function detailLines(condition: Condition): string[] | null {
  const { details } = condition
  switch (condition.kind) {
    case 'residence':
    case 'doorstep': {
      const parsed = requirementSchema.safeParse(details)
      return parsed.success ? [parsed.data.requirement] : null
    }
    case 'curfew': {
      const parsed = curfewSchema.safeParse(details)
      if (!parsed.success) return null
      const { windows, doorstep, tag } = parsed.data
      return [
        ...windows.map(formatCurfewWindow),
        ...(windows.some((w) => w.end <= w.start) ? ['Times ending earlier than they start run past midnight to the next morning.'] : []),
        doorstep ? 'Doorstep: must come to the door when a constable calls during the curfew.' : 'No doorstep requirement.',
        tag ? 'Electronically monitored (tag).' : 'Not tagged.',
      ]
    }
    case 'non_contact': {
      const parsed = nonContactSchema.safeParse(details)
      if (!parsed.success) return null
      const how = [parsed.data.directly !== false ? 'directly' : null, parsed.data.indirectly ? 'indirectly' : null].filter(Boolean).join(' or ')
      return [`No contact ${how}`.trim() + ' with:', ...parsed.data.persons.map((p) => `${p.surname.toUpperCase()}, ${p.forenames}`)]
    }
    case 'exclusion': {
      const parsed = exclusionSchema.safeParse(details)
      return parsed.success ? parsed.data.zones.map((zone) => `Must not enter: ${zone.name}`) : null
    }
    case 'reporting': {
      const parsed = reportingSchema.safeParse(details)
      return parsed.success ? [`Report to ${parsed.data.station}, ${formatDays(parsed.data.days)} ${parsed.data.from}–${parsed.data.to}`] : null
    }
    case 'electronic_monitoring': {
      const parsed = monitoringSchema.safeParse(details)
      return parsed.success ? [`${parsed.data.type[0]?.toUpperCase() ?? ''}${parsed.data.type.slice(1)} tag${parsed.data.provider ? `, ${parsed.data.provider}` : ''}`] : null
    }
    default:
      return null
  }
}

export function conditionText(condition: Condition): ConditionText {
  const title = kindTitles[condition.kind] ?? condition.kind.replace(/_/g, ' ')
  return { title, lines: detailLines(condition) ?? fallbackLines(condition.details) }
}

/** In force on `today` (a YYYY-MM-DD date): conditions end at the end of their last day. */
export function conditionInForce(condition: Pick<Condition, 'validFrom' | 'validTo'>, today: string): boolean {
  return condition.validFrom.slice(0, 10) <= today && today <= condition.validTo.slice(0, 10)
}
