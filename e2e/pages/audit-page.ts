/** The supervisors' audit log: filters, the table of records, Load more and Export CSV. */
import type { Locator, Page } from '@playwright/test'

export class AuditPage {
  readonly heading: Locator
  readonly checksNavLink: Locator
  readonly officer: Locator
  readonly applyButton: Locator
  readonly table: Locator
  readonly exportLink: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Audit log', level: 1 })
    this.checksNavLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Checks', exact: true })
    this.officer = page.getByLabel('Officer (collar number)')
    this.applyButton = page.getByRole('button', { name: 'Apply filters' })
    this.table = page.getByRole('region', { name: 'Audit records' }).getByRole('table')
    this.exportLink = page.getByRole('link', { name: 'Export CSV' })
  }

  /** Through Checks, as on a phone, whose bottom bar has no room for Audit. */
  async open(): Promise<void> {
    await this.checksNavLink.click()
    await this.page.getByRole('link', { name: 'Audit log of checks and look-ups' }).click()
  }

  async filterByOfficer(collarNumber: string): Promise<void> {
    await this.officer.fill(collarNumber)
    await this.applyButton.click()
  }

  /** The table's rows (records) that contain all of these texts. */
  rowWith(...texts: string[]): Locator {
    let rows = this.table.getByRole('row')
    for (const text of texts) rows = rows.filter({ hasText: text })
    return rows
  }
}
