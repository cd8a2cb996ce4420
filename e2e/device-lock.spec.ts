/**
 * The device lock: 30 idle minutes lock the app; the PIN opens it again where the officer was;
 * five wrong PINs sign out and erase the device. Idle time is Playwright's clock, never a wait.
 */
import { cacheFakePhoto, expectDeviceErased, readDeviceData } from './device-data.ts'
import { appPin, expect, officerCollar, test, wrongPin } from './fixtures.ts'

test('30 idle minutes lock the app; the PIN unlocks it back where the officer was', async ({ page, signIn, appShell, settingsPage, lockScreen }, testInfo) => {
  await page.clock.install()
  await signIn(officerCollar(testInfo, 'idle-lock'))
  await appShell.goTo('Settings')
  await expect(settingsPage.heading).toBeVisible()

  await page.clock.fastForward('31:00')
  await expect(lockScreen.heading).toBeVisible()
  await expect(settingsPage.heading).toBeHidden()

  await lockScreen.unlock(wrongPin)
  await expect(lockScreen.alert).toHaveText('Wrong PIN. 4 attempts left.')
  await lockScreen.unlock(appPin)
  await expect(settingsPage.heading).toBeVisible()
  await expect(lockScreen.heading).toBeHidden()
  await expect(page).toHaveURL(/\/settings$/)
})

test('a reload while locked stays locked', async ({ page, signIn, homePage, lockScreen }, testInfo) => {
  await page.clock.install()
  await signIn(officerCollar(testInfo, 'reload-locked'))
  await page.clock.fastForward('31:00')
  await expect(lockScreen.heading).toBeVisible()

  await page.reload()
  await expect(lockScreen.heading).toBeVisible()
  await expect(homePage.heading).toBeHidden()

  await lockScreen.unlock(appPin)
  await expect(homePage.heading).toBeVisible()
})

test('five wrong PINs sign the officer out and erase the device', async ({ page, signIn, appShell, settingsPage, lockScreen, signInPage }, testInfo) => {
  await signIn(officerCollar(testInfo, 'wrong-pins'))
  await cacheFakePhoto(page)
  const before = await readDeviceData(page)
  expect(before.totalRows).toBeGreaterThan(0)
  expect(before.personalCaches).toContain('kestrel-media')

  await appShell.goTo('Settings')
  await settingsPage.lockNowButton.click()
  await expect(lockScreen.heading).toBeVisible()
  for (let left = 4; left >= 1; left--) {
    await lockScreen.unlock(wrongPin)
    await expect(lockScreen.alert).toHaveText(new RegExp(`^Wrong PIN\\. ${left} attempts? left\\.$`))
  }
  await lockScreen.unlock(wrongPin)

  await expect(signInPage.heading).toBeVisible()
  await expect(signInPage.alert).toContainText('Signed out after 5 wrong PINs')
  await expectDeviceErased(page)
  // The server session ended too.
  expect((await page.request.get('/api/me')).status()).toBe(401)
})
