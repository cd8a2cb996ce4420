/**
 * The officer's own position on the crime map: watched only while "My position" is on, which it is
 * from the start when the browser already allows location (no prompt on opening the map), and
 * otherwise when the officer ticks it. Never stored or sent.
 *
 * Offline behaviour: geolocation needs no network.
 */
import { useEffect, useState } from 'react'

export type Position = { lat: number; lng: number; accuracy: number }

export type PositionState = { status: 'off' } | { status: 'locating' } | { status: 'on'; position: Position } | { status: 'failed'; message: string }

const supported = () => typeof navigator !== 'undefined' && 'geolocation' in navigator

/** Whether location is already allowed, so the map can show the position without asking. */
export function useLocationAllowed(): boolean {
  const [allowed, setAllowed] = useState(false)
  useEffect(() => {
    if (!supported() || typeof navigator.permissions?.query !== 'function') return
    let cancelled = false
    navigator.permissions.query({ name: 'geolocation' }).then(
      (status) => {
        if (!cancelled) setAllowed(status.state === 'granted')
      },
      () => undefined,
    )
    return () => {
      cancelled = true
    }
  }, [])
  return allowed
}

export function useMyPosition(on: boolean): PositionState {
  const [reading, setReading] = useState<PositionState | null>(null)
  useEffect(() => {
    if (!on || !supported()) return
    const watch = navigator.geolocation.watchPosition(
      (p) => setReading({ status: 'on', position: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy } }),
      (error) =>
        setReading({
          status: 'failed',
          message: error.code === error.PERMISSION_DENIED
            ? 'Kestrel may not use this device’s location. Allow location in the browser’s site settings to see yourself on the map.'
            : 'This device could not find its location.',
        }),
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
