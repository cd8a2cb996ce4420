/** Write briefing (analysts and supervisors): the item form and the list of current items. */
import type { Locator, Page } from '@playwright/test'

export class BriefingAuthoringPage {
  readonly heading: Locator
  readonly navLink: Locator
  readonly newItemButton: Locator
  readonly title: Locator
  readonly text: Locator
  readonly wholeForce: Locator
  readonly publishButton: Locator
  readonly published: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Write briefing', exact: true, level: 1 })
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Write briefing', exact: true })
    this.newItemButton = page.getByRole('button', { name: 'New briefing item' })
    this.title = page.getByLabel('Title', { exact: true })
    this.text = page.getByLabel('Text', { exact: true })
    this.wholeForce = page.getByRole('checkbox', { name: 'Whole force' })
    this.publishButton = page.getByRole('button', { name: 'Publish' })
    this.published = page.getByRole('status').filter({ hasText: 'Published' })
  }

  priority(n: 1 | 2 | 3): Locator {
    return this.page.getByRole('radio', { name: `Priority ${n}`, exact: true })
  }

  item(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true })
  }
}
