/**
 * Error boundaries for parts of the tree the router does not cover: the whole app (outside the
 * router) and single widgets inside a page. A failure shows a plain message and a way to carry on;
 * error details go to the console, never on screen, where they could show someone else's data.
 */
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'

type Props = {
  children: ReactNode
  /** What to show instead of the failed part; `retry` re-renders it. */
  fallback: (retry: () => void) => ReactNode
  /** A failed part is tried again when this changes (new data it may be able to show). */
  resetKey?: unknown
}

type State = { failed: boolean }

export class ErrorBoundary extends Component<Props, State> {
  state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Kestrel: a part of the screen failed', error, info.componentStack)
  }

  componentDidUpdate(previous: Props): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false })
  }

  private retry = (): void => {
    this.setState({ failed: false })
  }

  render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children
  }
}

/** The last line of defence: the whole app failed to render. */
export function AppCrash() {
  return (
    <main className="centre-page">
      <div className="panel">
        <h1>Kestrel hit a problem</h1>
        <p>Something went wrong while showing this screen. Data saved on this device is safe.</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload Kestrel
        </button>
      </div>
    </main>
  )
}

/** A widget that failed, inside an otherwise working page. */
export function WidgetCrash({ what, retry }: { what: string; retry: () => void }) {
  return (
    <div className="state state--error" role="alert">
      <p>{what} could not be shown.</p>
      <button type="button" className="button" onClick={retry}>
        Try again
      </button>
    </div>
  )
}
