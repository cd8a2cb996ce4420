/**
 * Why an officer looks someone up. Data Protection Act 2018 s.62 asks that every consultation of
 * personal data is logged with its justification; a short list plus free text keeps that quick.
 * A force changes this list to match its own policy.
 */
export const lookupReasons = [
  { code: 'stop_account', label: 'Stop and account' },
  { code: 'intelligence', label: 'Intelligence' },
  { code: 'warrant', label: 'Warrant or arrest attempt' },
  { code: 'welfare', label: 'Welfare' },
  { code: 'tasking', label: 'Tasking' },
  { code: 'briefing', label: 'Briefing item' },
] as const
export type LookupReasonCode = (typeof lookupReasons)[number]['code']
