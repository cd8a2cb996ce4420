/**
 * "Near me": the officer's position, for sorting the gallery nearest first. Asked for only when the
 * officer turns it on, watched while the page is open, and never stored or sent anywhere. A
 * browser that cannot locate says so and the gallery keeps its priority order.
 */
import { useState } from 'react'
import type { LatLng } from '../../../shared/api/intel.ts'
import { useWatchedPosition } from '../../lib/watched-position.ts'

export type NearMe =
  | { status: 'off' }
  | { status: 'locating' }
  | { status: 'on'; position: LatLng; accuracyM: number }
  | { status: 'failed'; message: string }

const messages = {
  denied: 'Kestrel may not use this device’s location. Allow location in the browser’s site settings to sort by distance.',
  timeout: 'This device could not find its location in time. Try again outdoors or later.',
  unavailable: 'This device could not find its location.',
}

export function useNearMe(): { nearMe: NearMe; setOn: (on: boolean) => void } {
  const [on, setOn] = useState(false)
  const watched = useWatchedPosition(on, messages)
  const nearMe: NearMe = watched.status === 'on'
    ? { status: 'on', position: { lat: watched.position.lat, lng: watched.position.lng }, accuracyM: watched.position.accuracy }
    : watched
  return { nearMe, setOn }
}
