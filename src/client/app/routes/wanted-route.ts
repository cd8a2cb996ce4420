/**
 * The wanted gallery, loaded when an officer first opens it (it brings the list virtualiser), so
 * Today opens without it. The chunk is in the precache, so it opens offline too.
 */
export async function loadWantedRoute() {
  const { WantedPage } = await import('../../features/wanted/wanted-page.tsx')
  return { Component: WantedPage }
}
