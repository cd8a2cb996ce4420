/** Signing out erases everything the device held for the officer. */
import { cacheFakePhoto, expectDeviceErased, readDeviceData } from './device-data.ts'
import { expect, officerCollar, test } from './fixtures.ts'

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
