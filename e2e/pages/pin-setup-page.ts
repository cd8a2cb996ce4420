/** Set your app PIN: shown after the first sign-in on a device. */
import type { Locator, Page } from '@playwright/test'

export class PinSetupPage {
  readonly heading: Locator
  readonly newPin: Locator
  readonly confirmPin: Locator
  readonly saveButton: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Set your app PIN' })
    this.newPin = page.getByLabel('New PIN', { exact: true })
    this.confirmPin = page.getByLabel('Confirm PIN', { exact: true })
    this.saveButton = page.getByRole('button', { name: 'Save PIN' })
  }

  async setPin(pin: string): Promise<void> {
    await this.newPin.fill(pin)
    await this.confirmPin.fill(pin)
    await this.saveButton.click()
  }
}
