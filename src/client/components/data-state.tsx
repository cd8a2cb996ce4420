/**
 * The three states every data view shows besides its data: loading, empty and failed. Loading and
 * empty are plain text (no live region, which would compete with the offline status); a failure is
 * an alert with a way to try again.
 */
import type { ReactNode } from 'react'

export function LoadingState({ children }: { children: ReactNode }) {
  return (
    <p className="state state--loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  )
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="state state--empty">{children}</p>
}

export function ErrorState({ children, onRetry }: { children: ReactNode; onRetry?: () => void }) {
  return (
    <div className="state state--error" role="alert">
      <p>{children}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  )
}
