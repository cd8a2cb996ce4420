/**
 * Curfews (/curfews): tonight's list, one card per curfew found by the person's name as the app
 * shows it ("SMITH, John"), each with its state in words, the four result buttons and, once a
 * check is recorded on this device, the link to add a voice note to it; and, for
 * supervisors, tonight's coverage of an area and the alert banner.
 */
import { expect, type Locator, type Page } from '@playwright/test'

export type CurfewResultLabel = 'Present' | 'Absent' | 'No answer' | 'Refused to come to the door'

export class CurfewsPage {
  readonly heading: Locator
  readonly navLink: Locator
  readonly hoursAhead: Locator
  readonly coverage: Locator
  readonly coverageArea: Locator
  readonly offlineNotice: Locator
  /** The alert banner, on every signed-in screen. */
  readonly alerts: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Curfews', exact: true, level: 1 })
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Curfews', exact: true })
    this.hoursAhead = page.getByLabel('Curfews in force now or starting within')
    this.coverage = page.getByRole('region', { name: 'Tonight’s coverage' })
    this.coverageArea = this.coverage.getByRole('combobox', { name: 'Area' })
    this.offlineNotice = page.getByText(/^No connection to the server: this list is from your device\./)
    this.alerts = page.getByRole('region', { name: 'Alerts' })
  }

  async open(): Promise<void> {
    await this.navLink.click()
    await expect(this.heading).toBeVisible()
  }

  card(name: string): CurfewCard {
    return new CurfewCard(this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name, exact: true }) }))
  }

  /** A possible breach named in the coverage. */
  coverageBreach(name: string): Locator {
    return this.coverage.getByRole('listitem').filter({ hasText: `Possible breach: ${name}` })
  }
}

export class CurfewCard {
  readonly state: Locator
  /** "Add a voice note" about the check this device recorded. */
  readonly voiceNote: Locator

  constructor(readonly root: Locator) {
    this.state = root.getByRole('status')
    this.voiceNote = root.getByRole('link', { name: /^Add a voice note/ })
  }

  result(label: CurfewResultLabel): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^${label}\\s*:`) })
  }

  async addDetails(answeredBy: string, note: string): Promise<void> {
    await this.root.getByText('Add who answered or a note (optional)').click()
    await this.root.getByLabel('Who answered the door').fill(answeredBy)
    await this.root.getByLabel('Note').fill(note)
  }
}
