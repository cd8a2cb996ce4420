/**
 * The crime map, loaded only when opened, so Leaflet, h3-js and the map's code stay out of the
 * start-up bundle. The chunk is in the precache, so the map opens offline too (with the package's
 * trend cells).
 */
export async function loadCrimeMapRoute() {
  const { CrimeMapPage } = await import('../../features/crime-map/crime-map-page.tsx')
  return { Component: CrimeMapPage }
}
