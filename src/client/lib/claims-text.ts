/**
 * How claims are put into words, the same on every card, profile, banner and spoken alert: the
 * officer by name and collar number, times on the 24-hour clock, and never a colour without words.
 * Pure, so tests pin the wording.
 */
import type { Claim, OfficerRef } from '../../shared/api/claims.ts'
import type { KestrelEvent } from '../../shared/api/events.ts'
import { formatTime } from './date-format.ts'

export function officerLabel(officer: OfficerRef): string {
  return `${officer.name} (${officer.collarNumber})`
}

export const outcomeNames = { arrested: 'arrested', not_found: 'not found', handed_over: 'handed over', other: 'other' } as const

/** 409: who holds the person. */
export function heldMessage(holder: OfficerRef, claimedAt: string | null): string {
  return `${officerLabel(holder)} is already collecting this person${claimedAt ? ` since ${formatTime(claimedAt)}` : ''}.`
}

/** The claim line on a card or profile. */
export function claimStateText(claim: Claim | null, myCollar: string | null, personName: string): string {
  if (!claim) return 'Available'
  if (claim.officer.collarNumber === myCollar) return `You are collecting ${personName}`
  return `Being collected by ${officerLabel(claim.officer)} since ${formatTime(claim.createdAt)}`
}

export function assistingText(claim: Claim, myCollar: string | null): string | null {
  if (claim.assisting.length === 0) return null
  const names = claim.assisting.map((officer) => (officer.collarNumber === myCollar ? 'you' : officerLabel(officer)))
  return `Assisting: ${names.join(', ')}`
}

/**
 * The banner for a claim event, or null when it is not worth interrupting anyone for (a renewal)
 * or it is the officer's own doing (they are looking at the result already).
 */
export function claimAlertText(event: KestrelEvent, personName: string, myCollar: string | null): string | null {
  const claim = event.claim
  if (!claim) return null
  const by = officerLabel(claim.officer)
  const mine = claim.officer.collarNumber === myCollar
  switch (event.type) {
    case 'claim.created':
      return mine ? null : `${by} is collecting ${personName}`
    case 'claim.reassigned':
      return mine ? `${personName} has been reassigned to you` : `${personName} has been reassigned to ${by}`
    case 'claim.released':
      return mine ? null : `${personName} is available again: ${by} released the claim`
    case 'claim.outcome':
      return mine ? null : `${by} recorded the outcome for ${personName}: ${claim.outcome ? outcomeNames[claim.outcome] : 'closed'}`
    case 'claim.lapsed':
      return mine ? `Your claim on ${personName} lapsed: renew claims you are still working on` : `The claim on ${personName} lapsed: available again`
    case 'claim.cancelled':
      return mine ? `A supervisor cancelled your claim on ${personName}` : `A supervisor cancelled the claim on ${personName}: available again`
    case 'claim.assist': {
      const joined = claim.assisting.at(-1)
      if (!joined || joined.collarNumber === myCollar) return null
      return mine ? `${officerLabel(joined)} is assisting you with ${personName}` : `${officerLabel(joined)} is assisting with ${personName}`
    }
    default:
      return null
  }
}
