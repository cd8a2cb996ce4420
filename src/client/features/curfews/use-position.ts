/**
 * The officer's position on the Curfews screen: watched only while "Nearest first" is on (asked
 * for when the officer turns it on), and read once when a check is recorded if the browser already
 * allows it, so recording never waits on a permission prompt. Never stored except with a check.
 *
 * Offline behaviour: geolocation needs no network; a device that cannot locate says so and the
 * list keeps its window order. Browsers give no position while the page is hidden.
 */
import { useEffect, useState } from 'react'
import type { CheckPosition } from '../../../shared/api/curfews.ts'

export type Watched = { status: 'off' } | { status: 'locating' } | { status: 'on'; position: CheckPosition } | { status: 'failed'; message: string }

function failure(error: GeolocationPositionError): string {
  if (error.code === error.PERMISSION_DENIED) return 'Kestrel may not use this device’s location. Allow location in the browser’s site settings to sort by distance.'
  return 'This device could not find its location. The list stays in curfew order.'
}

const supported = () => typeof navigator !== 'undefined' && 'geolocation' in navigator

export function useWatchedPosition(on: boolean): Watched {
  const [reading, setReading] = useState<Watched | null>(null)
  useEffect(() => {
    if (!on || !supported()) return
    const watch = navigator.geolocation.watchPosition(
      (p) => setReading({ status: 'on', position: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy } }),
      (error) => setReading({ status: 'failed', message: failure(error) }),
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    )
    return () => {
      navigator.geolocation.clearWatch(watch)
      setReading(null)
    }
  }, [on])
  if (!on) return { status: 'off' }
  if (!supported()) return { status: 'failed', message: 'This browser cannot tell Kestrel where you are.' }
  return reading ?? { status: 'locating' }
}

/** The position for a check: only if location is already allowed, and at most a few seconds' wait. */
export async function positionForCheck(known: CheckPosition | null, waitMs = 4_000): Promise<CheckPosition | null> {
  if (known) return known
  if (!supported() || typeof navigator.permissions?.query !== 'function') return null
  try {
    const permission = await navigator.permissions.query({ name: 'geolocation' })
    if (permission.state !== 'granted') return null
  } catch {
    return null
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), waitMs)
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer)
        resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy })
      },
      () => {
        clearTimeout(timer)
        resolve(null)
      },
      { enableHighAccuracy: true, maximumAge: 60_000, timeout: waitMs },
    )
  })
}
