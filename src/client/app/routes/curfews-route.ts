/**
 * Curfew checks, loaded when an officer first opens them (the map inside loads later still, only
 * when asked for). The chunk is in the precache, so the screen opens offline too.
 */
export async function loadCurfewsRoute() {
  const { CurfewsPage } = await import('../../features/curfews/curfews-page.tsx')
  return { Component: CurfewsPage }
}
