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
  readonly drawOnMapButton: Locator
  readonly map: Locator
  readonly areaPoints: Locator
  readonly areaStatus: Locator
  readonly latitude: Locator
  readonly longitude: Locator
  readonly addPointButton: Locator
  readonly undoPointButton: Locator
  readonly clearAreaButton: Locator
  readonly problems: Locator
  readonly fenceCentreOnMapButton: Locator
  readonly fenceMap: Locator
  readonly fenceLatitude: Locator
  readonly fenceRadius: Locator
  readonly fenceMessage: Locator
  readonly fenceHours: Locator
  readonly fenceFrom: Locator
  readonly fenceUntil: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Write briefing', exact: true, level: 1 })
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Write briefing', exact: true })
    this.newItemButton = page.getByRole('button', { name: 'New briefing item' })
    this.title = page.getByLabel('Title', { exact: true })
    this.text = page.getByLabel('Text', { exact: true })
    this.wholeForce = page.getByRole('checkbox', { name: 'Whole force' })
    this.publishButton = page.getByRole('button', { name: 'Publish' })
    this.published = page.getByRole('status').filter({ hasText: 'Published' })
    this.drawOnMapButton = page.getByRole('button', { name: 'Draw on the map' })
    this.map = page.getByRole('region', { name: /^Map for drawing the area/ })
    this.areaPoints = page.getByRole('list', { name: 'Points of the drawn area' }).getByRole('listitem')
    this.areaStatus = page.getByRole('group', { name: 'Drawn area' }).getByRole('status')
    this.latitude = page.getByLabel('Latitude', { exact: true })
    this.longitude = page.getByLabel('Longitude', { exact: true })
    this.addPointButton = page.getByRole('button', { name: 'Add point' })
    this.undoPointButton = page.getByRole('button', { name: 'Undo last point' })
    this.clearAreaButton = page.getByRole('button', { name: 'Clear area' })
    this.problems = page.getByRole('alert')
    this.fenceCentreOnMapButton = page.getByRole('button', { name: 'Choose the centre on the map' })
    this.fenceMap = page.getByRole('region', { name: /^Map for placing the fence/ })
    this.fenceLatitude = page.getByLabel('Centre latitude', { exact: true })
    this.fenceRadius = page.getByLabel('Radius in metres', { exact: true })
    this.fenceMessage = page.getByLabel('Fence message', { exact: true })
    this.fenceHours = page.getByRole('checkbox', { name: 'Only at certain hours' })
    this.fenceFrom = page.getByLabel('Fence from', { exact: true })
    this.fenceUntil = page.getByLabel('Fence until', { exact: true })
  }

  /** The checkbox of one local policing area, by its name. */
  area(name: string): Locator {
    return this.page.getByRole('checkbox', { name, exact: true })
  }

  priority(n: 1 | 2 | 3): Locator {
    return this.page.getByRole('radio', { name: `Priority ${n}`, exact: true })
  }

  /** Adds a point to the drawn area by clicking the map this far from its top left corner. */
  async clickMap(x: number, y: number): Promise<void> {
    await this.map.click({ position: { x, y } })
  }

  /** A fence shape: 'No fence', 'The drawn area' or 'A circle'. */
  fenceShape(name: 'No fence' | 'The drawn area' | 'A circle'): Locator {
    return this.page.getByRole('radio', { name, exact: true })
  }

  item(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true })
  }
}
