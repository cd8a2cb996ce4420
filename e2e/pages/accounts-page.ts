/** Accounts (admins only): find an officer and revoke their sessions on every device. */
import type { Locator, Page } from '@playwright/test'

export class AccountsPage {
  readonly heading: Locator
  readonly findOfficer: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Accounts' })
    // A search field (role searchbox), found by its label.
    this.findOfficer = page.getByLabel('Find officer', { exact: true })
  }

  revokeButton(collarNumber: string): Locator {
    return this.page.getByRole('button', { name: `Revoke sessions for ${collarNumber}` })
  }

  revokedMessage(collarNumber: string): Locator {
    return this.page.getByRole('status').filter({ hasText: `Sessions revoked for ${collarNumber}` })
  }

  async revokeSessions(collarNumber: string): Promise<void> {
    await this.findOfficer.fill(collarNumber)
    await this.revokeButton(collarNumber).click()
  }
}
