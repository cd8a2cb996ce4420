/** An address inside the app that matches no page. Offline too: it is decided on the device. */
import { Link } from 'react-router'
import { PageTitle } from '../../components/page-title.tsx'

export function NotFoundPage() {
  return (
    <div className="page">
      <PageTitle>Page not found</PageTitle>
      <p>There is no page at this address in Kestrel.</p>
      <p>
        <Link to="/">Go to Today</Link>
      </p>
    </div>
  )
}
