/**
 * Audio notes (issue 8) in Chromium with a fake microphone (playwright.config.ts) and a stand-in
 * for SpeechRecognition (Chromium's needs Google's servers) that hears a fixed phrase, and fails
 * with `network` when offline as the real one does. An officer records a note and sees its
 * transcript appear, corrects it, links it to a person and saves it; hard offline records
 * another (no transcription: the audio is kept, marked "not transcribed") and writes one holding
 * markup, which shows as written and runs nothing; back online, all reach the server exactly
 * once, the recordings whole; the linked note shows on the person's profile.
 *
 * Accounts: officers 1176-1178 (one per project) are used by no other spec.
 */
import type { TestInfo } from '@playwright/test'
import { syncResponseSchema } from '../src/shared/api/sync.ts'
import type { NotesResponse } from '../src/shared/api/notes.ts'
import { readDeviceData } from './device-data.ts'
import { demoPassword, expect, projects, signInOnDevice, test } from './fixtures.ts'
import { AppShell } from './pages/app-shell.ts'
import { PersonProfilePage, ReasonDialog } from './pages/briefing-profile-page.ts'
import { NotesPage } from './pages/notes-page.ts'

function officerFor(testInfo: TestInfo): string {
  const index = projects.findIndex((name) => name === testInfo.project.name)
  if (index < 0) throw new Error(`no collar numbers set aside for project "${testInfo.project.name}"`)
  return String(1176 + index)
}

const heard = 'Male in a red jacket heading towards New Street'
const markup = '<img src=x onerror=alert(1)>'

/** Runs in the page before Kestrel: a SpeechRecognition that hears `heard` (interim, then final). */
function speechStandIn(phrase: string): void {
  type Handler = ((event: unknown) => void) | null
  const result = (text: string, isFinal: boolean) => Object.assign([{ transcript: text }], { isFinal })
  class StandInRecognition {
    lang = ''
    continuous = false
    interimResults = false
    onresult: Handler = null
    onerror: Handler = null
    onend: Handler = null
    start(): void {
      if (!navigator.onLine) {
        setTimeout(() => {
          this.onerror?.({ error: 'network' })
          this.onend?.({})
        }, 10)
        return
      }
      const words = phrase.split(' ')
      setTimeout(() => this.onresult?.({ resultIndex: 0, results: [result(words.slice(0, 3).join(' '), false)] }), 300)
      setTimeout(() => this.onresult?.({ resultIndex: 0, results: [result(phrase, true)] }), 900)
    }
    stop(): void {
      setTimeout(() => this.onend?.({}), 10)
    }
    abort(): void {
      this.stop()
    }
  }
  Object.assign(window, { SpeechRecognition: StandInRecognition, webkitSpeechRecognition: StandInRecognition })
}

test('notes: recorded with a live transcript, corrected and linked; recorded and written offline; all on the server once with their audio', async ({ page, context, playwright, baseURL }, testInfo) => {
  test.setTimeout(240_000)
  const officer = officerFor(testInfo)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })

  const api = await playwright.request.newContext({ baseURL })
  expect((await api.post('/api/auth/login', { data: { collarNumber: officer, password: demoPassword } })).status()).toBe(200)
  const pkg = syncResponseSchema.parse(await (await api.get('/api/sync')).json())
  const person = pkg.put.people.find((p) => /^[A-Za-z]{4,}$/.test(p.surname))
  if (!person) throw new Error('the package has no person with a plain surname')
  const name = `${person.surname.toUpperCase()}, ${person.forenames}`

  await page.addInitScript(speechStandIn, heard)
  await signInOnDevice(page, officer)
  await new AppShell(page).waitForOfflineReady()
  const notes = new NotesPage(page)
  await notes.open()
  await expect(notes.heading).toBeVisible()

  // Online: record, see the transcript appear, correct it, link it to a person, save.
  await notes.recordButton.click()
  await expect(notes.recording).toBeVisible()
  await expect(notes.liveTranscript).toContainText(heard)
  await expect.poll(async () => (await readDeviceData(page)).rows.noteChunks ?? 0, { message: 'pieces stored as they arrive' }).toBeGreaterThanOrEqual(2)
  await notes.stopButton.click()
  await expect(notes.transcript).toHaveValue(heard)
  const corrected = `${heard}, about 5 ft 10`
  await notes.transcript.fill(corrected)
  await notes.linkToPerson(person.surname, name)
  await expect(notes.draft).toContainText(`About: Person ${name}`)
  await notes.saveButton.click()
  const first = notes.noteWith(corrected)
  await expect(first).toContainText('Transcribed')
  await expect(first).toContainText(`About: Person ${name}`)
  await expect(first.getByText('Uploaded')).toBeVisible({ timeout: 30_000 })

  // Hard offline: no speech-to-text, the audio is kept and the note marked not transcribed.
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
  await notes.recordButton.click()
  await expect(notes.recording).toContainText('No signal: speech-to-text needs a connection.')
  const chunksBefore = (await readDeviceData(page)).rows.noteChunks ?? 0
  await expect.poll(async () => (await readDeviceData(page)).rows.noteChunks ?? 0).toBeGreaterThanOrEqual(chunksBefore + 2)
  await notes.stopButton.click()
  await expect(notes.draft).toContainText('Not transcribed')
  await expect(notes.transcript).toHaveValue('')
  await notes.saveButton.click()
  const second = notes.noteWith('No transcript yet.')
  await expect(second).toContainText('Not transcribed')
  await expect(second).toContainText('Waiting to upload')
  await expect(second.getByRole('button', { name: 'Type the transcript' })).toBeVisible()

  // A note holding markup shows it as written, and runs nothing.
  await notes.writeButton.click()
  await notes.transcript.fill(`Shouted ${markup} at the door`)
  await notes.saveButton.click()
  const third = notes.noteWith(markup)
  await expect(third).toBeVisible()
  await expect(third.getByRole('img')).toHaveCount(0)
  await expect(page.locator('img[src="x"]')).toHaveCount(0)

  // Search finds notes by their transcript.
  await notes.search.fill('red jacket')
  await expect(notes.notes()).toHaveCount(1)
  await notes.search.fill('')

  // Back online: the outbox drains; every note reaches the server once, with its audio.
  await context.unrouteAll({ behavior: 'ignoreErrors' })
  await context.setOffline(false)
  await expect.poll(async () => (await readDeviceData(page)).rows.outbox, { timeout: 30_000 }).toBe(0)
  await expect(second.getByText('Uploaded')).toBeVisible()
  await expect(third.getByText('Uploaded')).toBeVisible()

  const { items } = (await (await api.get('/api/notes')).json()) as NotesResponse
  expect(items).toHaveLength(3)
  expect(new Set(items.map((n) => n.id)).size).toBe(3)
  const recorded = items.find((n) => n.text === corrected)
  const offline = items.find((n) => n.text === '')
  const written = items.find((n) => n.text.includes(markup))
  expect(recorded).toMatchObject({ attachedTo: { kind: 'person', id: person.id }, audio: { complete: true, contentType: 'audio/webm' } })
  expect(offline?.audio).toMatchObject({ complete: true, contentType: 'audio/webm' })
  expect(written?.audio).toBeNull()
  for (const note of [recorded!, offline!]) {
    const audio = await api.get(`/api/notes/${note.id}/audio`)
    expect(audio.status()).toBe(200)
    const bytes = await audio.body()
    expect(bytes.length).toBe(note.audio!.total)
    // A WebM file starts with the EBML magic number.
    expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3')
  }
  await api.dispose()

  // The linked note shows on the person's profile.
  await page.goto(`/people/${encodeURIComponent(person.id)}`)
  const reasons = new ReasonDialog(page)
  await expect(reasons.dialog).toBeVisible()
  await reasons.choose('Intelligence', 'e2e notes on the profile')
  await expect(new PersonProfilePage(page).heading(name)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Notes' })).toContainText(corrected)
  expect(dialogs, 'no script ran from a note').toEqual([])
})
