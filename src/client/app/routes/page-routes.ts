/**
 * The signed-in pages that had no loader of their own, each loaded when first opened, so the
 * sign-in screen, the first thing a device shows, loads none of them. Every chunk is in the
 * service worker's precache, so they open offline too.
 */
export async function loadHomeRoute() {
  const { HomePage } = await import('../../features/home/home-page.tsx')
  return { Component: HomePage }
}

export async function loadBriefingRoute() {
  const { BriefingPage } = await import('../../features/briefing/briefing-page.tsx')
  return { Component: BriefingPage }
}

export async function loadPersonProfileRoute() {
  const { PersonProfilePage } = await import('../../features/profiles/person-profile-page.tsx')
  return { Component: PersonProfilePage }
}

export async function loadVehicleProfileRoute() {
  const { VehicleProfilePage } = await import('../../features/profiles/vehicle-profile-page.tsx')
  return { Component: VehicleProfilePage }
}

export async function loadAddressProfileRoute() {
  const { AddressProfilePage } = await import('../../features/profiles/address-profile-page.tsx')
  return { Component: AddressProfilePage }
}

export async function loadSettingsRoute() {
  const { SettingsPage } = await import('../../features/settings/settings-page.tsx')
  return { Component: SettingsPage }
}
