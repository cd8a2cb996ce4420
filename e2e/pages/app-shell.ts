/** What every signed-in screen shares: the main navigation, the offline banner, the service worker. */
import { expect, type Locator, type Page } from '@playwright/test'

export class AppShell {
  readonly nav: Locator
  readonly offlineBanner: Locator

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' })
    this.offlineBanner = page.getByRole('status').filter({ hasText: 'Offline' })
  }

  navLink(name: 'Today' | 'Settings' | 'Accounts'): Locator {
    return this.nav.getByRole('link', { name, exact: true })
  }

  async goTo(name: 'Today' | 'Settings' | 'Accounts'): Promise<void> {
    await this.navLink(name).click()
  }

  /**
   * Waits until the service worker is activated and controls this page, so the app shell is
   * precached and a reload is answered by the worker. A worker that does not claim open pages
   * takes control at the next load, as it would for an officer. Installing downloads the whole app
   * shell, beside the first sync's photos: on a loaded machine that has taken more than 10 s.
   */
  async waitForOfflineReady(): Promise<void> {
    await expect.poll(() => this.page.evaluate(workerState), { timeout: 60_000 }).toMatchObject({ active: 'activated' })
    if ((await this.page.evaluate(workerState)).controlled) return
    await this.page.reload()
    await expect.poll(() => this.page.evaluate(workerState)).toEqual({ active: 'activated', controlled: true })
  }
}

async function workerState(): Promise<{ active: string | null; controlled: boolean }> {
  const registration = await navigator.serviceWorker.getRegistration()
  return { active: registration?.active?.state ?? null, controlled: navigator.serviceWorker.controller !== null }
}
