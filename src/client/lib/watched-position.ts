/**
 * The officer's position, for the screens that use it (Wanted "Near me", Curfews "Nearest first",
 * the crime map's "My position", the position stored with a curfew check). Watched only while a
 * screen turns it on; never stored or sent except where a screen says so (a curfew check).
 *
 * Offline behaviour: geolocation needs no network (GPS). A device that cannot locate says so in
 * the screen's own words; browsers give no position while the page is hidden.
 */
import { useEffect, useState } from 'react'

export type Position = { lat: number; lng: number; accuracy: number }

export type WatchedPosition = { status: 'off' } | { status: 'locating' } | { status: 'on'; position: Position } | { status: 'failed'; message: string }

/** What a screen says when location is refused, or cannot be found. */
export type PositionMessages = { denied: string; unavailable: string; timeout?: string }

const supported = () => typeof navigator !== 'undefined' && 'geolocation' in navigator
const fromCoords = (p: GeolocationPosition): Position => ({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy })

/** Watches the position while `on` (asking for permission then, if the browser must). */
export function useWatchedPosition(on: boolean, messages: PositionMessages): WatchedPosition {
  const [reading, setReading] = useState<WatchedPosition | null>(null)
  const { denied, unavailable, timeout } = messages
  useEffect(() => {
    if (!on || !supported()) return
    const watch = navigator.geolocation.watchPosition(
      (p) => setReading({ status: 'on', position: fromCoords(p) }),
      (error) => setReading({
        status: 'failed',
        message: error.code === error.PERMISSION_DENIED ? denied : error.code === error.TIMEOUT && timeout ? timeout : unavailable,
      }),
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    )
    return () => {
      navigator.geolocation.clearWatch(watch)
      setReading(null)
    }
  }, [on, denied, unavailable, timeout])
  if (!on) return { status: 'off' }
  if (!supported()) return { status: 'failed', message: 'This browser cannot tell Kestrel where you are.' }
  return reading ?? { status: 'locating' }
}

async function locationGranted(): Promise<boolean> {
  if (!supported() || typeof navigator.permissions?.query !== 'function') return false
  try {
    return (await navigator.permissions.query({ name: 'geolocation' })).state === 'granted'
  } catch {
    return false
  }
}

/** Whether location is already allowed, so a screen can show the position without a prompt. */
export function useLocationAllowed(): boolean {
  const [allowed, setAllowed] = useState(false)
  useEffect(() => {
    let cancelled = false
    void locationGranted().then((granted) => {
      if (!cancelled) setAllowed(granted)
    })
    return () => {
      cancelled = true
    }
  }, [])
  return allowed
}

/** The position now, only if location is already allowed, waiting at most `waitMs`; otherwise null. */
export async function positionIfAllowed(waitMs = 4_000): Promise<Position | null> {
  if (!(await locationGranted())) return null
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), waitMs)
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer)
        resolve(fromCoords(p))
      },
      () => {
        clearTimeout(timer)
        resolve(null)
      },
      { enableHighAccuracy: true, maximumAge: 60_000, timeout: waitMs },
    )
  })
}
