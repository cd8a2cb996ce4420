/** Signing in: on every screen, a wrong password, and the lockout after five. */
import { apiErrorSchema } from '../src/shared/api/errors.ts'
import { demoPassword, expect, officerCollar, test } from './fixtures.ts'

const wrongPassword = 'not-my-password'

test('an officer signs in with collar number and password, sets a PIN and sees Today', async ({ page, signIn, homePage, appShell }, testInfo) => {
  const collar = officerCollar(testInfo, 'sign-in')
  await signIn(collar)
  await expect(homePage.heading).toBeVisible()
  await expect(homePage.signedInAs(collar)).toBeVisible()
  await expect(appShell.navLink('Today')).toBeVisible()
  await expect(appShell.navLink('Settings')).toBeVisible()
  // Accounts is for admins only.
  await expect(appShell.navLink('Accounts')).toHaveCount(0)
  await expect(page).not.toHaveURL(/\/login/)
})

test('on a first visit the page says Kestrel is opening before its code has arrived', async ({ page, signInPage }) => {
  // Hold the app's scripts at the network: what the officer sees is the page as served.
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/assets/*.js', async (route) => {
    await released
    await route.continue()
  })
  await page.goto('/login', { waitUntil: 'commit' })
  await expect(signInPage.opening).toBeVisible()
  await expect(signInPage.heading).toHaveCount(0)
  release()
  await expect(signInPage.heading).toBeVisible()
  await expect(signInPage.opening).toHaveCount(0)
})

test('a wrong password shows the server\'s message', async ({ page, signInPage }, testInfo) => {
  const collar = officerCollar(testInfo, 'wrong-password')
  await page.goto('/')
  await expect(signInPage.heading).toBeVisible()
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'))
  await signInPage.signIn(collar, wrongPassword)
  const response = await answer
  expect(response.status()).toBe(401)
  const { error } = apiErrorSchema.parse(await response.json())
  expect(error.code).toBe('invalid_credentials')
  await expect(signInPage.alert).toContainText(error.message)
  await expect(signInPage.heading).toBeVisible()
})

test('five wrong passwords lock the account, even against the right password', async ({ page, signInPage }, testInfo) => {
  const collar = officerCollar(testInfo, 'lockout')
  await page.goto('/login')
  await expect(signInPage.heading).toBeVisible()

  const codes: string[] = []
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'))
    await signInPage.signIn(collar, wrongPassword)
    const { error } = apiErrorSchema.parse(await (await answer).json())
    codes.push(error.code)
    await expect(signInPage.alert).toContainText(error.message)
  }
  // The fifth failure is the one that locks.
  expect(codes).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'account_locked'])
  await expect(signInPage.alert).toContainText(/locked/i)

  // The right password is refused too while the lock lasts.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'))
  await signInPage.signIn(collar, demoPassword)
  const response = await answer
  expect(response.status()).toBe(429)
  const { error } = apiErrorSchema.parse(await response.json())
  expect(error.code).toBe('account_locked')
  await expect(signInPage.alert).toContainText(error.message)
  await expect(signInPage.alert).toContainText(/locked/i)
  await expect(signInPage.heading).toBeVisible()
})
