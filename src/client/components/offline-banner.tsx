/**
 * Says plainly when the device is offline, on every screen, so an officer knows what they see is
 * what this device saved, not the latest. Text and icon, not colour alone. A status live region,
 * rendered only while offline, so screen readers hear the change.
 */
import { useOnline } from '../lib/connectivity.ts'
import { OfflineIcon } from './icons.tsx'

export function OfflineBanner() {
  const online = useOnline()
  if (online) return null
  return (
    <div className="offline-banner" role="status">
      <OfflineIcon />
      <span>
        <strong>Offline</strong> — showing data saved on this device
      </span>
    </div>
  )
}
