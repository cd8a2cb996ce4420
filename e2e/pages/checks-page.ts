/** The Checks screen: the kind of check, its fields, the reason, and the results. */
import type { Locator, Page } from '@playwright/test'

export class ChecksPage {
  readonly heading: Locator
  readonly navLink: Locator
  readonly surname: Locator
  readonly forenames: Locator
  readonly dob: Locator
  readonly vrm: Locator
  readonly reason: Locator
  readonly reasonDetails: Locator
  readonly results: Locator
  /** "Offline: this checked only the N people cached on this device…" */
  readonly deviceNotice: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Checks', level: 1 })
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Checks', exact: true })
    this.surname = page.getByLabel('Surname', { exact: true })
    this.forenames = page.getByLabel('Forenames (optional)')
    this.dob = page.getByLabel('Date of birth or year (optional)')
    this.vrm = page.getByLabel('Registration mark (VRM)')
    this.reason = page.getByLabel('Reason for the check')
    this.reasonDetails = page.getByLabel('Reason details (optional)')
    this.results = page.getByRole('region', { name: 'Results' })
    this.deviceNotice = this.results.getByRole('status').filter({ hasText: 'cached on this device' })
  }

  async open(): Promise<void> {
    await this.navLink.click()
  }

  kind(label: 'Person' | 'Vehicle' | 'Address'): Locator {
    return this.page.getByRole('group', { name: 'What are you checking?' }).getByRole('radio', { name: label })
  }

  async checkPerson(query: { surname: string; forenames?: string; dob?: string }, reason: string, details?: string): Promise<void> {
    await this.kind('Person').check()
    await this.surname.fill(query.surname)
    await this.forenames.fill(query.forenames ?? '')
    await this.dob.fill(query.dob ?? '')
    await this.reason.selectOption({ label: reason })
    await this.reasonDetails.fill(details ?? '')
    await this.page.getByRole('button', { name: 'Check person' }).click()
  }

  /** One result card, by its place in the list (1 = best) and the person's name. */
  result(rank: number, name: string): Locator {
    return this.results.getByRole('article', { name: `Result ${rank}: ${name}`, exact: true })
  }

  photo(result: Locator, name: string): Locator {
    return result.getByRole('img', { name: `Photo of ${name}` })
  }

  warningMarkers(result: Locator): Locator {
    return result.getByRole('region', { name: 'Warning markers' })
  }

  openFullRecord(result: Locator): Locator {
    return result.getByRole('link', { name: /^Open full record/ })
  }
}
