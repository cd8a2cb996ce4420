/**
 * Every signed-in page is loaded when first opened, so the sign-in screen, the first thing a device
 * shows, loads none of them, and officers' phones never download or parse the admin, audit and
 * authoring pages they cannot open. Each page's chunk is in the service worker's precache, so it
 * opens offline too (the audit log, authoring and admin pages then say they need the network).
 *
 * Notes on what a chunk keeps out of the start: the crime map brings Leaflet, h3-js and the map's
 * code; the wanted gallery the list virtualiser; checks their form and result views; curfews load
 * their map later still, only when asked for.
 */
import type { ComponentType } from 'react'

/** A route's `lazy`: the page component `name` of the module `load` imports (a literal import() each, so Vite splits it). */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): () => Promise<{ Component: ComponentType }> {
  return async () => ({ Component: (await load())[name] })
}

export const loadHomeRoute = lazyPage(() => import('../../features/home/home-page.tsx'), 'HomePage')
export const loadBriefingRoute = lazyPage(() => import('../../features/briefing/briefing-page.tsx'), 'BriefingPage')
export const loadWantedRoute = lazyPage(() => import('../../features/wanted/wanted-page.tsx'), 'WantedPage')
export const loadChecksRoute = lazyPage(() => import('../../features/checks/checks-page.tsx'), 'ChecksPage')
export const loadNotesRoute = lazyPage(() => import('../../features/notes/notes-page.tsx'), 'NotesPage')
export const loadCurfewsRoute = lazyPage(() => import('../../features/curfews/curfews-page.tsx'), 'CurfewsPage')
export const loadCrimeMapRoute = lazyPage(() => import('../../features/crime-map/crime-map-page.tsx'), 'CrimeMapPage')
export const loadPersonProfileRoute = lazyPage(() => import('../../features/profiles/person-profile-page.tsx'), 'PersonProfilePage')
export const loadVehicleProfileRoute = lazyPage(() => import('../../features/profiles/vehicle-profile-page.tsx'), 'VehicleProfilePage')
export const loadAddressProfileRoute = lazyPage(() => import('../../features/profiles/address-profile-page.tsx'), 'AddressProfilePage')
export const loadSettingsRoute = lazyPage(() => import('../../features/settings/settings-page.tsx'), 'SettingsPage')
export const loadAuditRoute = lazyPage(() => import('../../features/audit/audit-page.tsx'), 'AuditLogPage')
export const loadMyChecksRoute = lazyPage(() => import('../../features/audit/audit-page.tsx'), 'MyChecksPage')
export const loadAuthoringRoute = lazyPage(() => import('../../features/authoring/authoring-page.tsx'), 'AuthoringPage')
export const loadAccountsRoute = lazyPage(() => import('../../features/admin/accounts-page.tsx'), 'AccountsPage')
