/** Briefing: the officer's items from the device, "Last updated …", "Sync now", acknowledge, tasks. */
import type { Locator, Page } from '@playwright/test'

export class BriefingPage {
  readonly heading: Locator
  readonly navLink: Locator
  readonly lastUpdated: Locator
  readonly syncNowButton: Locator
  readonly staleMessage: Locator
  /** Task progress above the items: an officer's own tasks. */
  readonly yourTasks: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Briefing', exact: true, level: 1 })
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefing', exact: true })
    this.lastUpdated = page.getByText(/^Last updated /).first()
    this.syncNowButton = page.getByRole('button', { name: 'Sync now' })
    this.staleMessage = page.getByText('Briefing data is out of date')
    this.yourTasks = page.getByRole('region', { name: 'Your tasks', exact: true })
  }

  async open(): Promise<void> {
    await this.navLink.click()
  }

  item(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true })
  }

  acknowledgeButton(title: string): Locator {
    return this.item(title).getByRole('button', { name: 'Acknowledge' })
  }

  acceptTaskButton(title: string): Locator {
    return this.item(title).getByRole('button', { name: 'Accept task' })
  }

  /** One task in "Your tasks", by its item's title. */
  yourTask(title: string): Locator {
    return this.yourTasks.getByRole('listitem').filter({ hasText: title })
  }

  resultField(title: string): Locator {
    return this.item(title).getByLabel('Result', { exact: true })
  }

  recordResultButton(title: string): Locator {
    return this.item(title).getByRole('button', { name: 'Record result' })
  }

  /** The task's state as the task panel shows it ("Open", "Accepted", "Done"). */
  taskStatus(title: string, status: 'Open' | 'Accepted' | 'Done'): Locator {
    return this.item(title).getByText(status, { exact: true })
  }

  waitingToSend(title: string): Locator {
    return this.item(title).getByText('Saved on this device, waiting to send')
  }

  /** A linked record in an item, by the name the device shows for it ("SMITH, John", a registration…). */
  /** The link to a person, vehicle or address the item names (not the item's "Check identity" link). */
  linkedRecord(title: string, name: string): Locator {
    return this.item(title).getByRole('link', { name: new RegExp(`^(Person|Vehicle|Address) .*${escapeRegExp(name)}`) })
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
