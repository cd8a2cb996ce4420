/**
 * Patrol mode: the header switch, the patrol bar (status, mute, quiet), the geofence prompt banner,
 * and the prompt history in Settings.
 */
import type { Locator, Page } from '@playwright/test'

export class PatrolMode {
  readonly switch: Locator
  readonly bar: Locator
  readonly onScreenNote: Locator
  readonly banner: Locator
  readonly muteSwitch: Locator
  readonly quietButton: Locator
  readonly history: Locator

  constructor(readonly page: Page) {
    this.switch = page.getByRole('button', { name: 'Patrol', exact: true })
    this.bar = page.getByRole('region', { name: 'Patrol mode is on' })
    this.onScreenNote = this.bar.getByText('Prompts need Kestrel on screen')
    this.banner = page.getByRole('alert', { name: 'Geofence prompt' })
    this.muteSwitch = this.bar.getByRole('checkbox', { name: 'Mute spoken prompts' })
    this.quietButton = this.bar.getByRole('button', { name: 'Quiet for 30 minutes' })
    this.history = page.getByRole('list', { name: 'Prompt history' })
  }

  /** "Watching 1,114 areas.": the fences built from the package on the device. */
  watching(): Locator {
    return this.bar.getByText(/Watching [1-9][\d,]* areas?\./)
  }

  /** The bar's status once a fix with this accuracy (m) has been taken in. */
  positionTaken(accuracyM: number): Locator {
    return this.bar.getByText(`Position found, accurate to about ${accuracyM} m.`, { exact: false })
  }
}
