/**
 * The officer's position on the Curfews screen: watched only while "Nearest first" is on (asked
 * for when the officer turns it on), and read once when a check is recorded if the browser already
 * allows it, so recording never waits on a permission prompt. Never stored except with a check.
 * The list keeps its window order when the device cannot locate.
 */
import type { CheckPosition } from '../../../shared/api/curfews.ts'
import { positionIfAllowed, useWatchedPosition as useWatched, type WatchedPosition } from '../../lib/watched-position.ts'

export type Watched = WatchedPosition

const messages = {
  denied: 'Kestrel may not use this device’s location. Allow location in the browser’s site settings to sort by distance.',
  unavailable: 'This device could not find its location. The list stays in curfew order.',
}

export function useWatchedPosition(on: boolean): Watched {
  return useWatched(on, messages)
}

/** The position for a check: the watched one, or only if location is already allowed, after a few seconds at most. */
export async function positionForCheck(known: CheckPosition | null, waitMs = 4_000): Promise<CheckPosition | null> {
  return known ?? positionIfAllowed(waitMs)
}
