/** The lock screen: after idle or "Lock now", the officer's PIN opens the app again. */
import type { Locator, Page } from '@playwright/test'

export class LockScreen {
  readonly heading: Locator
  readonly pin: Locator
  readonly unlockButton: Locator
  /** "Wrong PIN. N attempts left." */
  readonly alert: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Kestrel is locked' })
    this.pin = page.getByLabel('PIN', { exact: true })
    this.unlockButton = page.getByRole('button', { name: 'Unlock' })
    this.alert = page.getByRole('alert')
  }

  async unlock(pin: string): Promise<void> {
    await this.pin.fill(pin)
    await this.unlockButton.click()
  }
}
