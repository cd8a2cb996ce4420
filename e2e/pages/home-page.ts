/** Today: the officer's home screen. */
import type { Locator, Page } from '@playwright/test'

export class HomePage {
  readonly heading: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Today' })
  }

  /** "Signed in as <name> (<collar>)"; any name, this collar number. */
  signedInAs(collarNumber: string): Locator {
    return this.page.getByText(new RegExp(`Signed in as .+ \\(${collarNumber}\\)`))
  }
}
