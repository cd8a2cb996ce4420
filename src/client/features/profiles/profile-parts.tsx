/**
 * Pieces every profile uses: a titled section, a list of linked records that keeps the look-up
 * reason for the next profile, and the not-found message.
 */
import { useId } from 'react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { Reason } from '../../../shared/api/audit.ts'
import type { SubjectKind } from '../../../shared/api/intel.ts'
import { PageTitle } from '../../components/page-title.tsx'
import { profilePath, subjectKindNames } from '../../lib/profile-paths.ts'
import type { ProfileLinkState } from './audited-profile.tsx'

export function ProfileSection({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const headingId = useId()
  return (
    <section className={`profile-section${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  )
}

export type RecordLink = { kind: SubjectKind; id: string; label: string | null; note?: string }

/** Links to other profiles; the reason given for this look-up is offered again there. */
export function RecordLinks({ links, reason }: { links: readonly RecordLink[]; reason: Reason }) {
  const state: ProfileLinkState = { reason }
  return (
    <ul className="record-links">
      {links.map((link) => (
        <li key={`${link.kind}:${link.id}`}>
          {link.label !== null ? (
            <Link className="record-link" to={profilePath(link.kind, link.id)} state={state}>
              <span className="record-link__kind">{subjectKindNames[link.kind]}</span> {link.label}
            </Link>
          ) : (
            <span className="hint">
              {subjectKindNames[link.kind]} {link.id}: not on this device
            </span>
          )}
          {link.note ? <span className="hint"> · {link.note}</span> : null}
        </li>
      ))}
    </ul>
  )
}

export function NotOnDevice({ what }: { what: string }) {
  return (
    <>
      <PageTitle>{`${what} not on this device`}</PageTitle>
      <p>This record is not in the briefing saved on this device. It may have been removed at the last update, or it was never part of your briefing.</p>
      <p>
        <Link to="/briefing">Go to Briefing</Link>
      </p>
    </>
  )
}
