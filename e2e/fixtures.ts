/**
 * The suite's `test`: page models as fixtures, and helpers that sign an officer in on a device.
 *
 * Tests of the three projects run in parallel against one server, and a lockout locks an account
 * for ten minutes, so no two tests share an account: every test names its purpose, and each
 * (project, purpose) pair gets its own officer collar number from the demo force (1001-1200).
 */
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test'
import { AccountsPage } from './pages/accounts-page.ts'
import { AppShell } from './pages/app-shell.ts'
import { HomePage } from './pages/home-page.ts'
import { LockScreen } from './pages/lock-screen.ts'
import { PinSetupPage } from './pages/pin-setup-page.ts'
import { SettingsPage } from './pages/settings-page.ts'
import { SignInPage } from './pages/sign-in-page.ts'

export { expect }

/** Every demo account's password (seeded by e2e/serve.ts). */
export const demoPassword = 'kestrel-demo'
/** The app PIN tests set on each new device. */
export const appPin = '2468'
export const wrongPin = '1357'
export const adminCollar = '4001'

/** One purpose per test that signs in an officer; add new ones at the end. */
const purposes = [
  'sign-in',
  'wrong-password',
  'lockout',
  'idle-lock',
  'reload-locked',
  'wrong-pins',
  'sign-out',
  'offline',
  'revoked',
  // e2e/wanted.spec.ts
  'wanted-live-a',
  'wanted-live-b',
  'wanted-held-a',
  'wanted-held-b',
  'wanted-offline-a',
  'wanted-offline-b',
  'wanted-tabs',
  'wanted-sup-officer',
  'wanted-profile',
  'wanted-reload',
  // e2e/geofence.spec.ts
  'geofence-patrol',
  // e2e/layout.spec.ts
  'layout',
  // e2e/accessibility.spec.ts
  'accessibility',
  // e2e/faults.spec.ts
  'fault-sync',
  'fault-upload',
  'fault-quota',
  'fault-clock-ahead',
  'fault-clock-behind',
  'fault-tabs',
  'fault-clock-colleague',
  // e2e/sign-out.spec.ts
  'sign-out-downloading',
  // e2e/layout.spec.ts
  'layout-focus',
  'layout-colleague',
  // e2e/wanted.spec.ts
  'wanted-filters',
] as const
export type Purpose = (typeof purposes)[number]

/** The Playwright projects (playwright.config.ts): each gets its own officers, areas and people. */
export const projects = ['phone', 'tablet', 'terminal'] as const
const collarsPerProject = 60

/** This test's officer for a purpose, e.g. `officerCollar(testInfo, 'lockout')`. */
export function officerCollar(testInfo: TestInfo, purpose: Purpose): string {
  const project = projects.indexOf(testInfo.project.name as (typeof projects)[number])
  if (project < 0) throw new Error(`no collar numbers set aside for project "${testInfo.project.name}"`)
  return String(1001 + project * collarsPerProject + purposes.indexOf(purpose))
}

/** Signs in on a fresh device: collar number and password, then the device's app PIN, to Today. */
export async function signInOnDevice(page: Page, collarNumber: string, pin: string = appPin): Promise<void> {
  const signInPage = new SignInPage(page)
  await page.goto('/')
  await expect(signInPage.heading).toBeVisible()
  await signInPage.signIn(collarNumber, demoPassword)
  const pinSetup = new PinSetupPage(page)
  await expect(pinSetup.heading).toBeVisible()
  await pinSetup.setPin(pin)
  const home = new HomePage(page)
  await expect(home.heading).toBeVisible()
  await expect(home.signedInAs(collarNumber)).toBeVisible()
}

type Fixtures = {
  signInPage: SignInPage
  pinSetupPage: PinSetupPage
  homePage: HomePage
  settingsPage: SettingsPage
  lockScreen: LockScreen
  accountsPage: AccountsPage
  appShell: AppShell
  /** Signs an officer in on the test's page, PIN set, Today showing. */
  signIn: (collarNumber: string) => Promise<void>
  /** Opens a second device (a new browser context) with this project's screen. */
  openDevice: () => Promise<Page>
}

export const test = base.extend<Fixtures>({
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  pinSetupPage: async ({ page }, use) => use(new PinSetupPage(page)),
  homePage: async ({ page }, use) => use(new HomePage(page)),
  settingsPage: async ({ page }, use) => use(new SettingsPage(page)),
  lockScreen: async ({ page }, use) => use(new LockScreen(page)),
  accountsPage: async ({ page }, use) => use(new AccountsPage(page)),
  appShell: async ({ page }, use) => use(new AppShell(page)),
  signIn: async ({ page }, use) => use((collarNumber) => signInOnDevice(page, collarNumber)),
  openDevice: async ({ browser, baseURL, viewport, isMobile, hasTouch }, use) => {
    const contexts: BrowserContext[] = []
    await use(async () => {
      const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch })
      contexts.push(context)
      return context.newPage()
    })
    await Promise.all(contexts.map((context) => context.close()))
  },
})
