/**
 * The address of the Checks screen, with what it should start with: the kind of check and the
 * reason. A check opened from a briefing item or a Click & Collect claim names its reason, so the
 * officer does not choose one again (they can still change it). Query parameters, not router
 * state, so the link survives a reload and reads plainly: `/checks?kind=person&reason=warrant&reasonText=…`.
 */
import type { Reason } from '../../shared/api/audit.ts'

export const checkKinds = ['person', 'vehicle', 'address'] as const
export type CheckKind = (typeof checkKinds)[number]

export type CheckPrefill = { kind: CheckKind | null; reason: Reason | null }

export function checkPath(prefill: { kind?: CheckKind; reason?: Reason } = {}): string {
  const params = new URLSearchParams()
  if (prefill.kind) params.set('kind', prefill.kind)
  if (prefill.reason) {
    params.set('reason', prefill.reason.code)
    if (prefill.reason.text) params.set('reasonText', prefill.reason.text.slice(0, 500))
  }
  const query = params.toString()
  return query === '' ? '/checks' : `/checks?${query}`
}

export function checkPrefillFrom(params: URLSearchParams): CheckPrefill {
  const kind = params.get('kind')
  const code = params.get('reason')?.trim().slice(0, 40) ?? ''
  const text = params.get('reasonText')?.trim().slice(0, 500) ?? ''
  return {
    kind: checkKinds.find((k) => k === kind) ?? null,
    reason: code === '' ? null : text === '' ? { code } : { code, text },
  }
}
