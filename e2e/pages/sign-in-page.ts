/** The sign-in page (/login): where a signed-out device always lands. */
import type { Locator, Page } from '@playwright/test'

export class SignInPage {
  readonly heading: Locator
  readonly collarNumber: Locator
  readonly password: Locator
  readonly signInButton: Locator
  /** Wrong password, locked account, and why the officer was signed out. */
  readonly alert: Locator
  /** What a device shows while Kestrel opens (before its code has run, too). */
  readonly opening: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sign in to Kestrel' })
    this.collarNumber = page.getByRole('textbox', { name: 'Collar number' })
    this.password = page.getByLabel('Password', { exact: true })
    this.signInButton = page.getByRole('button', { name: 'Sign in', exact: true })
    this.alert = page.getByRole('alert')
    this.opening = page.getByText('Opening Kestrel…', { exact: true })
  }

  async goto(): Promise<void> {
    await this.page.goto('/login')
  }

  async signIn(collarNumber: string, password: string): Promise<void> {
    await this.collarNumber.fill(collarNumber)
    await this.password.fill(password)
    await this.signInButton.click()
  }
}
