/**
 * A wanted person's profile as Click & Collect uses it: the "Click & Collect" section with the
 * claim state and buttons (the same panel as on a gallery card, so the same model), and the
 * "why are you viewing this record" question asked before the record opens.
 */
import type { Locator, Page } from '@playwright/test'
import { ReasonDialog } from './briefing-profile-page.ts'
import { WantedCard } from './wanted-gallery-page.ts'

export class WantedProfilePage {
  readonly reasonDialog: ReasonDialog
  readonly wantedHeading: Locator
  /** The "Click & Collect" section: claim state, notices and the claim buttons. */
  readonly claim: WantedCard

  constructor(readonly page: Page, readonly personName: string) {
    this.reasonDialog = new ReasonDialog(page)
    this.wantedHeading = page.getByRole('heading', { name: 'Wanted', exact: true, level: 2 })
    this.claim = new WantedCard(page.getByRole('region', { name: 'Click & Collect' }), personName)
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: this.personName, exact: true, level: 1 })
  }

  /** Opens the profile from the person's gallery card; the gallery's reason (a warrant) is preselected. */
  async openFrom(card: WantedCard): Promise<void> {
    await card.root.getByRole('link', { name: this.personName, exact: true }).click()
    await this.reasonDialog.viewRecordButton.click()
  }
}

/** The claims this device keeps for an offline reload (IndexedDB `kestrel`, `claimSnapshot`). */
export async function claimsKeptOnDevice(page: Page): Promise<{ personId: string; collarNumber: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kestrel')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      if (!db.objectStoreNames.contains('claimSnapshot')) return []
      const row = await new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('claimSnapshot', 'readonly').objectStore('claimSnapshot').get('current')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const claims = (row as { claims?: { personId: string; officer: { collarNumber: string } }[] } | undefined)?.claims ?? []
      return claims.map((claim) => ({ personId: claim.personId, collarNumber: claim.officer.collarNumber }))
    } finally {
      db.close()
    }
  })
}
