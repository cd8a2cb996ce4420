/**
 * A full-screen holding page while Kestrel opens or erases the device. It shows no personal data
 * and has no controls, so nothing can be done with a half-known session.
 */
import { KestrelMark } from './icons.tsx'

export function Splash({ message }: { message: string }) {
  return (
    <main className="centre-page splash" aria-busy="true">
      <KestrelMark />
      <p>{message}</p>
    </main>
  )
}
