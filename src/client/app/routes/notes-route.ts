/**
 * Notes, loaded when an officer first opens them. The chunk is in the precache, so notes open,
 * record and save offline.
 */
export async function loadNotesRoute() {
  const { NotesPage } = await import('../../features/notes/notes-page.tsx')
  return { Component: NotesPage }
}
