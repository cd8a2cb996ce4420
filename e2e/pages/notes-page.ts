/** The Notes screen: record or write a note, edit its transcript, link it, save; the list of notes. */
import type { Locator, Page } from '@playwright/test'

export class NotesPage {
  readonly heading: Locator
  readonly recordButton: Locator
  readonly writeButton: Locator
  readonly stopButton: Locator
  readonly recording: Locator
  readonly liveTranscript: Locator
  readonly draft: Locator
  readonly transcript: Locator
  readonly saveButton: Locator
  readonly search: Locator
  readonly list: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Notes', level: 1 })
    this.recordButton = page.getByRole('button', { name: 'Record a note' })
    this.writeButton = page.getByRole('button', { name: 'Write a note' })
    this.stopButton = page.getByRole('button', { name: 'Stop recording' })
    this.recording = page.getByRole('region', { name: 'Recording' })
    this.liveTranscript = page.getByLabel('Live transcript')
    this.draft = page.getByRole('region', { name: 'New note' })
    this.transcript = this.draft.getByRole('textbox', { name: 'Transcript' })
    this.saveButton = this.draft.getByRole('button', { name: 'Save note' })
    this.search = page.getByRole('searchbox', { name: 'Search your notes' })
    this.list = page.getByRole('list', { name: 'Notes' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes', exact: true }).click()
  }

  /** Links the draft to a person found on the device by surname. */
  async linkToPerson(surname: string, name: string): Promise<void> {
    await this.draft.getByRole('combobox', { name: 'Link to' }).selectOption('person')
    await this.draft.getByRole('searchbox', { name: 'Find person on this device' }).fill(surname)
    await this.draft.getByRole('button', { name: `Link to ${name}`, exact: true }).first().click()
  }

  /** Saved notes in the list, newest first. */
  notes(): Locator {
    return this.list.getByRole('article')
  }

  noteWith(text: string | RegExp): Locator {
    return this.notes().filter({ hasText: text })
  }
}
