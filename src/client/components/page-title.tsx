/**
 * A page's one <h1>, also used as the document title. It can take focus (tabIndex -1) so the
 * layout can move focus to it after navigation and screen readers announce the new page.
 */
import { useEffect } from 'react'

export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} · Kestrel`
  }, [children])
  return (
    <h1 className="page-title" tabIndex={-1}>
      {children}
    </h1>
  )
}
