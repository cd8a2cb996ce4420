/** The app shell works offline after one visit, from the service worker and the device's data. */
import { expect, officerCollar, test } from './fixtures.ts'

test('after a visit the app opens offline, on reload and on a deep link', async ({ page, context, signIn, homePage, appShell, settingsPage }, testInfo) => {
  const collar = officerCollar(testInfo, 'offline')
  await signIn(collar)
  await appShell.waitForOfflineReady()
  await expect(appShell.offlineBanner).toBeHidden()

  // Hard offline: setOffline does not cut the service worker's own requests, so abort those too.
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))

  await page.reload()
  await expect(homePage.heading).toBeVisible()
  await expect(homePage.signedInAs(collar)).toBeVisible()
  await expect(appShell.offlineBanner).toBeVisible()

  await page.goto('/settings')
  await expect(settingsPage.heading).toBeVisible()
  await expect(appShell.offlineBanner).toBeVisible()

  await context.unrouteAll({ behavior: 'ignoreErrors' })
  await context.setOffline(false)
  await expect(appShell.offlineBanner).toBeHidden()
  await expect(settingsPage.heading).toBeVisible()
})
