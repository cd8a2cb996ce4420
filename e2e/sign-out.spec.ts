/** Signing out erases everything the device held for the officer. */
import type { Route } from '@playwright/test'
import { cacheFakePhoto, expectDeviceErased, readDeviceData } from './device-data.ts'
import { expect, officerCollar, test } from './fixtures.ts'
import { BriefingPage } from './pages/briefing-page.ts'

test('sign-out erases IndexedDB and the personal-data caches', async ({ page, signIn, appShell, settingsPage, signInPage }, testInfo) => {
  await signIn(officerCollar(testInfo, 'sign-out'))
  await cacheFakePhoto(page)
  const before = await readDeviceData(page)
  expect(before.totalRows).toBeGreaterThan(0)
  expect(before.personalCaches).toContain('kestrel-media')

  await appShell.goTo('Settings')
  await expect(settingsPage.heading).toBeVisible()
  await settingsPage.signOutButton.click()

  await expect(signInPage.heading).toBeVisible()
  await expect(signInPage.alert).toContainText('You have signed out')
  await expectDeviceErased(page)
  expect((await page.request.get('/api/me')).status()).toBe(401)

  await page.goto('/')
  await expect(signInPage.heading).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
})

test('a sign-out during the photo download leaves nothing behind when the downloads end', async ({ page, signIn, appShell, settingsPage, signInPage }, testInfo) => {
  // The photo downloads are held at the browser's network boundary (the real server answers them
  // once released), so the sign-out lands while they, and a second pass queued behind them, wait.
  const held: Route[] = []
  await page.route('**/api/media/**', (route) => {
    held.push(route)
  })

  await signIn(officerCollar(testInfo, 'sign-out-downloading'))
  const briefing = new BriefingPage(page)
  await briefing.open()
  // The briefing opens once the sign-in's package is written to the device: slow under load (in one
  // CI run it still said "Opening the briefing saved on this device…" after 10 s).
  await expect(page.getByText(/^Saving photos and documents to this device: 0 of \d+$/)).toBeVisible({ timeout: 60_000 })
  await expect.poll(() => held.length).toBeGreaterThan(0)
  // Another sync meanwhile queues a second download pass for after this one.
  await expect(briefing.syncNowButton).toBeEnabled()
  const synced = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/sync')
  await briefing.syncNowButton.click()
  await synced
  await expect(briefing.syncNowButton).toBeEnabled()

  await appShell.goTo('Settings')
  await settingsPage.signOutButton.click()
  await expect(signInPage.alert).toContainText('You have signed out')

  // Let every held download through to the server (which now refuses them) and wait for each to end.
  await Promise.all(held.map((route) => route.continue().catch(() => undefined)))
  await Promise.all(held.map((route) => route.request().response()))
  await expectDeviceErased(page)
})
