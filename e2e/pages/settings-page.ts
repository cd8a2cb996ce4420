/** Settings: sign out, lock now, night theme. */
import type { Locator, Page } from '@playwright/test'

export class SettingsPage {
  readonly heading: Locator
  readonly signOutButton: Locator
  readonly lockNowButton: Locator
  readonly nightTheme: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Settings' })
    this.signOutButton = page.getByRole('button', { name: 'Sign out' })
    this.lockNowButton = page.getByRole('button', { name: 'Lock now' })
    this.nightTheme = page.getByRole('checkbox', { name: 'Night theme' })
  }
}
