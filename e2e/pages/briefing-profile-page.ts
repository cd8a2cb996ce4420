/** A person's profile and the "Why are you viewing this record?" dialog in front of it. */
import type { Locator, Page } from '@playwright/test'

export class PersonProfilePage {
  readonly warningMarkers: Locator
  readonly wantedHeading: Locator
  readonly documents: Locator

  constructor(readonly page: Page) {
    this.warningMarkers = page.getByRole('region', { name: 'Warning markers' })
    this.wantedHeading = page.getByRole('heading', { name: 'Wanted', exact: true })
    this.documents = page.getByRole('list', { name: 'Documents' })
  }

  /** The page heading: "SURNAME, Forenames". */
  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, exact: true, level: 1 })
  }

  photo(name: string): Locator {
    return this.page.getByRole('img', { name: `Photo of ${name}` })
  }

  document(title: string): Locator {
    return this.documents.getByRole('link', { name: title, exact: true })
  }
}

export class ReasonDialog {
  readonly dialog: Locator
  readonly viewRecordButton: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Why are you viewing this record?' })
    this.viewRecordButton = this.dialog.getByRole('button', { name: 'View record' })
  }

  reason(label: string): Locator {
    return this.dialog.getByRole('radio', { name: label, exact: true })
  }

  async choose(label: string, details?: string): Promise<void> {
    await this.reason(label).check()
    if (details !== undefined) await this.dialog.getByLabel('Details (optional)').fill(details)
    await this.viewRecordButton.click()
  }
}
