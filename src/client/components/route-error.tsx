/**
 * The router's error element: shown in place of a route that failed to load or render, inside the
 * app's layout when the failure is below it, so navigation keeps working. A route module that
 * cannot load (a deploy removed an old chunk, or it was never cached) is offered a reload, which
 * picks up the current version.
 */
import { Link, isRouteErrorResponse, useRouteError } from 'react-router'
import { PageTitle } from './page-title.tsx'

export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) {
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
  console.error('Kestrel: route failed', error)
  return (
    <div className="page">
      <PageTitle>This page could not be shown</PageTitle>
      <p>Something went wrong. Data saved on this device is safe.</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload Kestrel
        </button>
        <Link className="button" to="/">
          Go to Today
        </Link>
      </div>
    </div>
  )
}
