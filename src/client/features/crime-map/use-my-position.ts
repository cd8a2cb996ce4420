/**
 * The officer's own position on the crime map: watched only while "My position" is on, which it is
 * from the start when the browser already allows location (no prompt on opening the map), and
 * otherwise when the officer ticks it. Never stored or sent.
 */
import { useWatchedPosition, type WatchedPosition } from '../../lib/watched-position.ts'

export { useLocationAllowed, type Position } from '../../lib/watched-position.ts'
export type PositionState = WatchedPosition

const messages = {
  denied: 'Kestrel may not use this device’s location. Allow location in the browser’s site settings to see yourself on the map.',
  unavailable: 'This device could not find its location.',
}

export function useMyPosition(on: boolean): PositionState {
  return useWatchedPosition(on, messages)
}
