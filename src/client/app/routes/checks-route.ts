/**
 * On-the-spot checks, loaded when an officer first opens them, so Today opens without the form
 * and result views. The chunk is in the precache, so checks open (and run on the device) offline.
 */
export async function loadChecksRoute() {
  const { ChecksPage } = await import('../../features/checks/checks-page.tsx')
  return { Component: ChecksPage }
}
