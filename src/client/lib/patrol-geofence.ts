/**
 * The geofence code patrol mode runs (the engine, and fences built from the package with H3 cells).
 * Loaded when an officer turns patrol mode on, not at start: h3-js is a large library that the
 * sign-in screen and most pages never need.
 */
export { createGeofenceEngine } from '../../shared/geofence/engine.ts'
export { buildFences, promptSentence } from '../../shared/geofence/fences.ts'
