/**
 * Writing the briefing, loaded only when an analyst or supervisor opens it, so officers' phones
 * do not download or parse it at start. The chunk is precached like the rest of the app, but the
 * page itself needs the network (it reads and writes the server's briefing).
 */
export async function loadAuthoringRoute() {
  const { AuthoringPage } = await import('../../features/authoring/authoring-page.tsx')
  return { Component: AuthoringPage }
}
