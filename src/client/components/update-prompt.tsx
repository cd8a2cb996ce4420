/**
 * Offers a new version of Kestrel when one has been downloaded. The officer decides when: the
 * update reloads the app, so it never happens by itself mid-task. "Later" hides it until the next
 * start.
 */
import { applyUpdate, dismissUpdate, useServiceWorkerUpdate } from '../lib/service-worker.ts'

export function UpdatePrompt() {
  const { ready, applying } = useServiceWorkerUpdate()
  if (!ready) return null
  return (
    <section className="update-prompt" aria-label="Update">
      <p>A new version of Kestrel is ready</p>
      <div className="actions">
        <button type="button" className="button button--primary" disabled={applying} onClick={() => void applyUpdate()}>
          Update now
        </button>
        <button type="button" className="button" disabled={applying} onClick={dismissUpdate}>
          Later
        </button>
      </div>
    </section>
  )
}
