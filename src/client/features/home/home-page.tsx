/**
 * "Today": the first screen after unlocking. It says who is signed in, opens the briefing (with how
 * many items are waiting to be acknowledged), and shows where the features still to come will go.
 * Those are marked "Coming soon" and hold no sample data, so nobody mistakes a placeholder for a
 * real briefing. Everything here comes from the device, so it works offline.
 */
import { Link } from 'react-router'
import { PageTitle } from '../../components/page-title.tsx'
import { LastUpdated } from '../../components/sync-status.tsx'
import { usePackageAvailability } from '../../lib/package-data.ts'
import { roleName } from '../../lib/role-names.ts'
import { useSignedInUser } from '../../lib/session.ts'
import { useBriefingSummary } from '../../lib/use-briefing-summary.ts'

function BriefingCard() {
  const { availability } = usePackageAvailability()
  const summary = useBriefingSummary()
  let text = 'Your shift’s briefing items, ready before you go out.'
  if (availability === 'missing') text = 'Not downloaded to this device yet.'
  else if (availability === 'stale') text = 'Briefing data is out of date. Connect to update.'
  else if (availability === 'ready' && summary !== undefined) {
    text =
      summary.current === 0
        ? 'No briefing items for you right now.'
        : `${summary.current} ${summary.current === 1 ? 'item' : 'items'}, ${summary.unread === 0 ? 'all acknowledged' : `${summary.unread} not yet acknowledged`}.`
  }
  return (
    <li className="card card--link">
      <h3>
        <Link to="/briefing">Briefing</Link>
      </h3>
      <p>{text}</p>
      <LastUpdated />
    </li>
  )
}

function WantedCard() {
  return (
    <li className="card card--link">
      <h3>
        <Link to="/wanted">Wanted</Link>
      </h3>
      <p>Wanted people across the force, highest priority first, and who is collecting whom, live (Click &amp; Collect).</p>
    </li>
  )
}

function CurfewsCard() {
  return (
    <li className="card card--link">
      <h3>
        <Link to="/curfews">Curfews</Link>
      </h3>
      <p>Tonight’s curfew door-knocks in your area, with one tap per result; works with no signal.</p>
    </li>
  )
}

function CrimeMapCard() {
  return (
    <li className="card card--link">
      <h3>
        <Link to="/map">Crime map</Link>
      </h3>
      <p>Where street crime is rising or falling around you, by area, with wanted people and curfew addresses; your area’s trends work with no signal.</p>
    </li>
  )
}

const upcoming = [
  { title: 'Checks', summary: 'Person and vehicle checks, with a reason recorded for each.' },
  { title: 'Notes', summary: 'Pocket-book notes, typed or spoken, kept even offline.' },
] as const

export function HomePage() {
  const user = useSignedInUser()
  if (user === null) return null
  return (
    <div className="page">
      <PageTitle>Today</PageTitle>
      <p className="lead">
        Signed in as {user.name} ({user.collarNumber})
      </p>
      <dl className="facts">
        <div>
          <dt>Role</dt>
          <dd>{roleName(user.role)}</dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{user.areaId ?? 'Not assigned'}</dd>
        </div>
      </dl>
      {user.role !== 'admin' ? (
        <ul className="card-grid card-grid--lead">
          <BriefingCard />
          <WantedCard />
          {user.role === 'officer' || user.role === 'supervisor' ? <CurfewsCard /> : null}
          <CrimeMapCard />
        </ul>
      ) : null}
      <h2>On the way</h2>
      <ul className="card-grid">
        {upcoming.map((feature) => (
          <li key={feature.title} className="card card--soon">
            <h3>{feature.title}</h3>
            <p>{feature.summary}</p>
            <p className="badge">Coming soon</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
