/**
 * A date of birth as an officer types it at the roadside, turned into what a check sends
 * ("YYYY-MM-DD" or a year "YYYY"): 12/03/1980, 12-3-1980, 12 03 1980, 12031980, 1980-03-12, or
 * 1980 alone. Day first, as written in the UK. An impossible date is refused with a reason, not
 * guessed at: the matching already allows for a day and month given the wrong way round.
 */
import { parseGivenDob } from '../../../shared/matching/index.ts'

export type DobInput = { ok: true; value: string | undefined } | { ok: false; message: string }

const pad = (n: string) => n.padStart(2, '0')

export function parseDobInput(text: string): DobInput {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, value: undefined }
  let candidate: string | null = null
  let match: RegExpExecArray | null
  if ((match = /^(\d{4})$/.exec(trimmed))) candidate = match[1] ?? null
  else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed))) candidate = `${match[1]}-${pad(match[2] ?? '')}-${pad(match[3] ?? '')}`
  else if ((match = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(trimmed))) candidate = `${match[3]}-${pad(match[2] ?? '')}-${pad(match[1] ?? '')}`
  else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed))) candidate = `${match[3]}-${match[2]}-${match[1]}`
  if (candidate === null) return { ok: false, message: 'Enter the date of birth as day/month/year (12/03/1980) or a year alone (1980).' }
  const parsed = parseGivenDob(candidate)
  if (parsed === null) return { ok: false, message: 'That date does not exist. Check the day and month.' }
  const thisYear = new Date().getFullYear()
  if (parsed.year < 1900 || parsed.year > thisYear) return { ok: false, message: `Enter a year of birth between 1900 and ${thisYear}.` }
  return { ok: true, value: candidate }
}
