/**
 * Links to the Notes screen that start a note about something: `/notes?attach=kind:id&label=…`,
 * with an optional `return` path the screen goes back to once the note is saved (a curfew check's
 * note returns to the curfew list). Query parameters, so the link survives a reload. The return
 * path is only ever a path inside this app: anything else (another site, `//host`, a scheme) is
 * ignored, so a crafted link cannot send the officer away.
 */
import type { NoteAttachmentKind } from '../../shared/api/notes.ts'

export function notePath(attach: { kind: NoteAttachmentKind; id: string; label: string }, returnTo?: string): string {
  const params = new URLSearchParams({ attach: `${attach.kind}:${attach.id}`, label: attach.label })
  if (returnTo !== undefined && returnPathFrom(returnTo) !== null) params.set('return', returnTo)
  return `/notes?${params.toString()}`
}

/** The `return` parameter when it is a path in this app (`/curfews`, `/people/P1?x=1`), else null. */
export function returnPathFrom(value: string | null): string | null {
  if (value === null || value.length > 500) return null
  // One leading slash, not followed by a second slash or a backslash (`//evil.example` and
  // `/\evil.example` are other hosts to a browser), then only the characters a URL's path, query
  // and fragment are written in: no whitespace, control characters or backslashes.
  return /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/.test(value) ? value : null
}
