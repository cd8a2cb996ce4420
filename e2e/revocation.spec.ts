/** An admin revokes an officer's sessions; the officer's device erases itself at its next contact. */
import { cacheFakePhoto, expectDeviceErased, readDeviceData } from './device-data.ts'
import { adminCollar, expect, officerCollar, signInOnDevice, test } from './fixtures.ts'
import { AccountsPage } from './pages/accounts-page.ts'
import { AppShell } from './pages/app-shell.ts'

test('revoked sessions erase the device at next contact', async ({ page, signIn, signInPage, openDevice }, testInfo) => {
  const collar = officerCollar(testInfo, 'revoked')
  await signIn(collar)
  await cacheFakePhoto(page)
  expect((await readDeviceData(page)).totalRows).toBeGreaterThan(0)

  const adminDevice = await openDevice()
  await signInOnDevice(adminDevice, adminCollar)
  const accounts = new AccountsPage(adminDevice)
  await new AppShell(adminDevice).goTo('Accounts')
  await expect(accounts.heading).toBeVisible()
  await accounts.revokeSessions(collar)
  await expect(accounts.revokedMessage(collar)).toBeVisible()

  await page.reload()
  await expect(signInPage.heading).toBeVisible()
  await expect(signInPage.alert).toContainText('Your session was revoked')
  await expectDeviceErased(page)
})
