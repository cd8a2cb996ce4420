/**
 * Whether the device believes it is online, as React state. `navigator.onLine` false is reliable
 * (no network at all); true only means "maybe", so nothing treats true as a promise: API calls
 * still fail with NetworkError and callers keep the device's data.
 */
import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine, () => true)
}
