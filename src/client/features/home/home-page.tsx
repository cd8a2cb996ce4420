/**
 * "Today": the first screen after unlocking. For now it says who is signed in and shows where the
 * briefing features will go. Those are marked "Coming soon" and hold no sample data, so nobody
 * mistakes a placeholder for a real briefing. Everything here comes from the device, so it works
 * offline.
 */
import { PageTitle } from '../../components/page-title.tsx'
import { roleName } from '../../lib/role-names.ts'
import { useSignedInUser } from '../../lib/session.ts'

const upcoming = [
  { title: 'Briefing', summary: 'Your shift’s briefing items, ready before you go out.' },
  { title: 'Wanted', summary: 'Wanted people in your area, highest risk first.' },
  { title: 'Checks', summary: 'Person and vehicle checks, with a reason recorded for each.' },
  { title: 'Crime map', summary: 'Recent crime and rising hotspots around you.' },
  { title: 'Notes', summary: 'Pocket-book notes, typed or spoken, kept even offline.' },
  { title: 'Curfews', summary: 'Curfew door-knocks due on your patrol.' },
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
