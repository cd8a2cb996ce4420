/**
 * "Near me": the officer's position, for sorting the gallery nearest first. Asked for only when the
 * officer turns it on, watched while the page is open, and never stored or sent anywhere.
 *
 * Offline behaviour: geolocation works without a network (GPS); a browser that cannot locate says
 * so and the gallery keeps its priority order. Browsers give no position while the page is hidden.
 */
import { useCallback, useEffect, useState } from 'react'
import type { LatLng } from '../../../shared/api/intel.ts'

export type NearMe =
  | { status: 'off' }
  | { status: 'locating' }
  | { status: 'on'; position: LatLng; accuracyM: number }
  | { status: 'failed'; message: string }

function failure(error: GeolocationPositionError): string {
  if (error.code === error.PERMISSION_DENIED) return 'Kestrel may not use this device’s location. Allow location in the browser’s site settings to sort by distance.'
  if (error.code === error.TIMEOUT) return 'This device could not find its location in time. Try again outdoors or later.'
  return 'This device could not find its location.'
}

export function useNearMe(): { nearMe: NearMe; setOn: (on: boolean) => void } {
  const [on, setOnState] = useState(false)
  // The latest answer of the watch: a position or a failure; null until the first.
  const [reading, setReading] = useState<NearMe | null>(null)
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator

  useEffect(() => {
    if (!on || !supported) return
    const watch = navigator.geolocation.watchPosition(
      (position) => setReading({ status: 'on', position: { lat: position.coords.latitude, lng: position.coords.longitude }, accuracyM: position.coords.accuracy }),
      (error) => setReading({ status: 'failed', message: failure(error) }),
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    )
    return () => navigator.geolocation.clearWatch(watch)
  }, [on, supported])

  const setOn = useCallback((next: boolean) => {
    setOnState(next)
    setReading(null)
  }, [])

  let nearMe: NearMe
  if (!on) nearMe = { status: 'off' }
  else if (!supported) nearMe = { status: 'failed', message: 'This browser cannot tell Kestrel where you are.' }
  else nearMe = reading ?? { status: 'locating' }
  return { nearMe, setOn }
}
