/**
 * A person's curfew checks on their profile, newest first: result in words, when, by whom, where
 * the door was answered from, and notes. A possible breach says so in words and is marked in red.
 *
 * Offline behaviour: the checks this device last fetched and those it made itself (including ones
 * still waiting to send, marked so); online, the server's full history is fetched (an audited read).
 */
import { resultLabels } from '../../../shared/api/curfews.ts'
import { useCurfewHistory } from '../../lib/curfew-checks.ts'
import { formatDayTime } from '../../lib/date-format.ts'
import { ProfileSection } from './profile-parts.tsx'
import './curfew-history.css'

export function CurfewHistory({ personId }: { personId: string }) {
  const { checks, failed } = useCurfewHistory(personId)
  return (
    <ProfileSection title="Curfew checks" className="curfew-history">
      {failed ? <p className="hint">No connection: showing the checks this device knows of.</p> : null}
      {checks === undefined ? null : checks.length === 0 ? (
        <p className="hint">No curfew checks recorded.</p>
      ) : (
        <ul className="contact-list">
          {checks.map((check) => (
            <li key={check.id} className={check.breach ? 'curfew-history__breach' : undefined}>
              <p>
                <strong>{resultLabels[check.result]}</strong>
                {check.breach ? ' · Possible breach' : ''} · {formatDayTime(check.checkedAt)} · {check.officer.name} ({check.officer.collarNumber})
                {!check.inWindow ? ' · outside curfew hours' : ''}
                {check.state === 'pending' ? ' · saved on this device, waiting to send' : ''}
                {check.state === 'failed' ? ' · not accepted by the server' : ''}
              </p>
              {check.answeredBy ? <p>Door answered by: {check.answeredBy}</p> : null}
              {check.note ? <p>{check.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </ProfileSection>
  )
}
