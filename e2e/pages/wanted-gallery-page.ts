/**
 * The wanted gallery (/wanted): filters, the live-updates indicator, and one card per wanted person
 * with its Click & Collect state and buttons. Cards are found by the person's name as the app shows
 * it ("SMITH, John"); the list is virtualised, so tests narrow it with the filters first.
 */
import { expect, type Locator, type Page } from '@playwright/test'

export class WantedGalleryPage {
  readonly heading: Locator
  readonly navLink: Locator
  readonly area: Locator
  readonly name: Locator
  readonly offence: Locator
  readonly nearMe: Locator
  readonly liveUpdatesOn: Locator
  readonly liveUpdatesPaused: Locator
  /** The claim banner, on every signed-in screen. */
  readonly alerts: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Wanted', exact: true, level: 1 })
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wanted', exact: true })
    const filters = page.getByRole('search', { name: 'Filter wanted people' })
    this.area = filters.getByLabel('Area')
    this.name = filters.getByRole('searchbox', { name: 'Name' })
    this.offence = filters.getByRole('searchbox', { name: 'Offence' })
    this.nearMe = filters.getByRole('button', { name: 'Near me' })
    this.liveUpdatesOn = page.getByText('Live updates on', { exact: true })
    this.liveUpdatesPaused = page.getByText('Live updates paused — no connection', { exact: true })
    this.alerts = page.getByRole('region', { name: 'Alerts' })
  }

  async open(): Promise<void> {
    await this.navLink.click()
    await expect(this.heading).toBeVisible()
  }

  /** Every card shown, in order. */
  cards(): Locator {
    return this.page.getByRole('article')
  }

  card(personName: string): WantedCard {
    return new WantedCard(this.page.getByRole('article', { name: personName, exact: true }), personName)
  }

  /** Narrow the gallery to one area, by its place in the list (1 = the first area); returns its id. */
  async chooseArea(position: number): Promise<string> {
    const areaId = await this.area.locator('option').nth(position).getAttribute('value')
    if (!areaId) throw new Error(`no area at place ${position} of the Area filter`)
    await this.area.selectOption(areaId)
    await expect(this.area).toHaveValue(areaId)
    // The list follows the filter a moment later (it is drawn at transition priority): wait until
    // the count, which comes from the same rows as the cards, says fewer than all match.
    const counted = this.page.getByText(/^\d+ of \d+ wanted people match/)
    await expect.poll(async () => {
      const [, matching, total] = /^(\d+) of (\d+)/.exec(await counted.innerText()) ?? []
      return Number(matching) < Number(total)
    }).toBe(true)
    return areaId
  }

  /** The names on the first `count` cards, as the app shows them. */
  async firstNames(count: number): Promise<string[]> {
    await expect(this.cards().first()).toBeVisible()
    const names: string[] = []
    // The list is virtualised: on a phone only a window of cards exists, so scroll and merge windows.
    for (let round = 0; round < 20 && names.length < count; round += 1) {
      const shown = await this.cards().getByRole('heading', { level: 2 }).allInnerTexts()
      const from = names.length === 0 ? 0 : shown.indexOf(names[names.length - 1]!) + 1
      names.push(...shown.slice(from))
      if (names.length >= count) break
      const last = shown[shown.length - 1]
      // The virtual list swaps cards as it scrolls: a card found a moment ago may be gone, so try
      // again with the last card there is then.
      await expect(async () => this.cards().last().scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass({ timeout: 30_000 })
      await expect.poll(async () => (await this.cards().getByRole('heading', { level: 2 }).allInnerTexts()).at(-1)).not.toBe(last)
    }
    return names.slice(0, count)
  }

  /**
   * How many people of the chosen area carry exactly this name: the name filter is applied (every
   * card left holds each word of it) and the cards whose heading is the name are counted. When more
   * than a few people match the filter, that number of matches is returned: more than one.
   */
  async countNamed(personName: string): Promise<number> {
    await this.name.fill(personName)
    const words = personName.toLowerCase().split(/[\s,]+/).filter((word) => word !== '')
    const headings = this.cards().getByRole('heading', { level: 2 })
    const matching = this.page.getByText(/^\d+ of \d+ wanted people match/)
    // The filter has taken effect when every card fits the name and all the matches it counts are
    // drawn: the list is virtualised, and for a moment after a change it can hold fewer cards.
    // More than a few matches are not all drawn on a phone; such a name is not one person's anyway.
    // The count comes from the same reading that passed: a later one can catch the list while it
    // moves cards in and out (the page was scrolled before the filter shrank it).
    const mostDrawn = 3
    let count = 0
    await expect.poll(async () => {
      const matches = Number(/^(\d+)/.exec(await matching.innerText())?.[1] ?? Number.NaN)
      const shown = await headings.allInnerTexts()
      const fits = shown.every((heading) => words.every((word) => heading.toLowerCase().includes(word)))
      count = matches > mostDrawn ? matches : shown.filter((heading) => heading === personName).length
      return fits && (shown.length === matches || (matches > mostDrawn && shown.length >= mostDrawn))
    }).toBe(true)
    await this.name.fill('')
    return count
  }

  /** Show only this person (by area id and name). */
  async show(person: { name: string; areaId: string }): Promise<WantedCard> {
    await this.area.selectOption(person.areaId)
    await this.name.fill(person.name)
    const card = this.card(person.name)
    await expect(card.root).toBeVisible()
    await expect(this.cards()).toHaveCount(1)
    return card
  }
}

export class WantedCard {
  readonly collectButton: Locator
  readonly collectOfflineButton: Locator
  readonly assistButton: Locator
  readonly releaseButton: Locator
  readonly renewButton: Locator
  readonly outcomeButton: Locator
  readonly reassignButton: Locator
  readonly cancelButton: Locator
  readonly notice: Locator

  constructor(readonly root: Locator, readonly personName: string) {
    this.collectButton = root.getByRole('button', { name: `Collect ${personName}`, exact: true })
    this.collectOfflineButton = root.getByRole('button', { name: `Offline — claim will be sent when back online ${personName}`, exact: true })
    this.assistButton = root.getByRole('button', { name: `Assist with ${personName}`, exact: true })
    this.releaseButton = root.getByRole('button', { name: `Release ${personName}`, exact: true })
    this.renewButton = root.getByRole('button', { name: `Renew claim on ${personName}`, exact: true })
    this.outcomeButton = root.getByRole('button', { name: `Record outcome for ${personName}`, exact: true })
    this.reassignButton = root.getByRole('button', { name: `Reassign ${personName}`, exact: true })
    this.cancelButton = root.getByRole('button', { name: `Cancel claim on ${personName}`, exact: true })
    this.notice = root.getByRole('alert').or(root.getByRole('status'))
  }

  /** Text on the card: a string matches exactly (whole element text), a RegExp as written. */
  text(text: string | RegExp): Locator {
    return this.root.getByText(text, { exact: typeof text === 'string' })
  }
}
