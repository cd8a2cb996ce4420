/**
 * Client faults (issue 10), in real Chromium against the real server: the browser closed in the
 * middle of the package download and in the middle of an upload, the device's storage full, the
 * device's clock wrong by five hours either way, and two tabs of the app draining one outbox. In
 * each the officer loses nothing, nothing reaches the server twice, and the screen says what is
 * going on. "Closed" is a persistent profile closed and opened again, as a browser is.
 *
 * Only browser behaviour is provoked: a held or unanswered request (page routes), Playwright's
 * clock, and storage writes failing with the browser's QuotaExceededError (a stand-in at the
 * IndexedDB and Cache Storage API boundary); the app and server are untouched.
 *
 * Accounts: fixtures.ts's `fault-*` purposes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { APIRequestContext, BrowserContext, Page, PlaywrightTestOptions, PlaywrightWorkerArgs, PlaywrightWorkerOptions, Route } from '@playwright/test'
import { z } from 'zod'
import { auditPageSchema } from '../src/shared/api/checks.ts'
import type { PersonRecord } from '../src/shared/api/intel.ts'
import { notesResponseSchema } from '../src/shared/api/notes.ts'
import { syncResponseSchema, type SyncResponse } from '../src/shared/api/sync.ts'
import { displayName, officerApi, unclaimedWantedPerson } from './api.ts'
import { expectDeviceErased, readDeviceData } from './device-data.ts'
import { appPin, expect, officerCollar, signInOnDevice, test } from './fixtures.ts'
import { AppShell } from './pages/app-shell.ts'
import { BriefingPage } from './pages/briefing-page.ts'
import { ChecksPage } from './pages/checks-page.ts'
import { LockScreen } from './pages/lock-screen.ts'
import { NotesPage } from './pages/notes-page.ts'
import { SettingsPage } from './pages/settings-page.ts'
import { SignInPage } from './pages/sign-in-page.ts'
import { WantedGalleryPage } from './pages/wanted-gallery-page.ts'

const runId = Date.now().toString(36)
const hour = 3_600_000

type DeviceOptions = Pick<PlaywrightTestOptions, 'baseURL' | 'viewport' | 'isMobile' | 'hasTouch'> & Pick<PlaywrightWorkerOptions, 'launchOptions'> & Pick<PlaywrightWorkerArgs, 'playwright'>

/**
 * A browser with a profile on disk: closing it and opening it again keeps IndexedDB, Cache Storage,
 * localStorage, the service worker and the session cookie, as a phone's browser does.
 */
class PersistentDevice {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-faults-'))
  context: BrowserContext | null = null

  constructor(private readonly options: DeviceOptions) {}

  async open(): Promise<Page> {
    const { playwright, launchOptions, baseURL, viewport, isMobile, hasTouch } = this.options
    this.context = await playwright.chromium.launchPersistentContext(this.dir, { ...launchOptions, baseURL, viewport, isMobile, hasTouch })
    return this.context.pages()[0] ?? this.context.newPage()
  }

  /** The browser closes: whatever was in flight is cut off. */
  async close(): Promise<void> {
    await this.context?.close()
    this.context = null
  }

  async dispose(): Promise<void> {
    await this.close()
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}

function deviceOptions(args: DeviceOptions): DeviceOptions {
  return { playwright: args.playwright, launchOptions: args.launchOptions, baseURL: args.baseURL, viewport: args.viewport, isMobile: args.isMobile, hasTouch: args.hasTouch }
}

/** How many of the officer's notes on the server carry this text. */
async function notesOnServer(api: APIRequestContext, text: string): Promise<number> {
  const response = await api.get('/api/notes')
  expect(response.status()).toBe(200)
  return notesResponseSchema.parse(await response.json()).items.filter((note) => note.text === text).length
}

/** How many of the officer's own audit records of offline checks carry this reason text. */
async function offlineChecksOnServer(api: APIRequestContext, reasonText: string): Promise<number> {
  const response = await api.get('/api/audit?limit=500')
  expect(response.status()).toBe(200)
  return auditPageSchema.parse(await response.json()).records.filter((record) => !record.online && record.reasonText === reasonText).length
}

/** Hard offline: setOffline does not cut the service worker's own requests, so abort those too. */
async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
}

async function goOnline(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: 'ignoreErrors' })
  await context.setOffline(false)
}

const isSync = (url: URL) => url.pathname === '/api/sync'
const isNotePost = (route: Route) => route.request().method() === 'POST' && new URL(route.request().url()).pathname === '/api/notes'

/** Writes a note and saves it; with no connection it waits on the device. */
async function writeNote(notes: NotesPage, text: string): Promise<void> {
  await notes.writeButton.click()
  await notes.transcript.fill(text)
  await notes.saveButton.click()
  await expect(notes.noteWith(text)).toBeVisible()
}

/** A person from the officer's package whose name is plain letters, to check by name. */
async function personToCheck(api: APIRequestContext): Promise<PersonRecord> {
  const pkg = syncResponseSchema.parse(await (await api.get('/api/sync')).json())
  const person = pkg.put.people.find((p) => /^[A-Za-z]{4,}$/.test(p.surname) && /^[A-Za-z]+$/.test(p.forenames) && p.dob !== null)
  if (!person) throw new Error('the package has no person with a plain name and a date of birth')
  return person
}

/** A package applied moments ago (applying one takes tens of seconds on a loaded machine). */
const freshly = /Last updated (just now|\d minutes? ago)/

const typedDob = (dob: string) => dob.split('-').reverse().join('/')

test('browser closed mid-sync: reopened, the device downloads the whole package, never part of one', async ({ playwright, launchOptions, baseURL, viewport, isMobile, hasTouch }, testInfo) => {
  test.setTimeout(240_000)
  const collar = officerCollar(testInfo, 'fault-sync')
  const device = new PersistentDevice(deviceOptions({ playwright, launchOptions, baseURL, viewport, isMobile, hasTouch }))
  try {
    let page = await device.open()
    // The package request reaches the route and is never answered: the download is in progress.
    let seen: () => void = () => undefined
    const requested = new Promise<void>((resolve) => (seen = resolve))
    await device.context!.route(isSync, () => seen())
    await signInOnDevice(page, collar)
    await requested
    await new BriefingPage(page).open()
    await expect(page.getByText('Downloading your briefing to this device…')).toBeVisible()
    await device.close()

    // Opened again: still signed in, nothing of a package on the device, and the screen says so.
    page = await device.open()
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => (release = resolve))
    let delivered: SyncResponse | null = null
    await device.context!.route(isSync, async (route) => {
      await released
      const response = await route.fetch()
      delivered ??= syncResponseSchema.parse(await response.json())
      await route.fulfill({ response })
    })
    const briefing = new BriefingPage(page)
    await page.goto('/briefing')
    // A browser opening its profile again, on a loaded machine, takes its time. Closed a moment
    // after the PIN was set, it may not have saved the lock state, and a lock state that was not
    // saved counts as locked (device-lock.ts): the officer then unlocks with the PIN, as on a phone.
    const lockScreen = new LockScreen(page)
    await expect(briefing.heading.or(lockScreen.heading)).toBeVisible({ timeout: 60_000 })
    if (await lockScreen.heading.isVisible()) await lockScreen.unlock(appPin)
    await expect(briefing.heading).toBeVisible()
    await expect(page.getByText('Downloading your briefing to this device…')).toBeVisible()
    const before = await readDeviceData(page)
    expect(before.rows.people ?? 0, 'no half-applied package after the close').toBe(0)
    expect(before.rows.briefingItems ?? 0).toBe(0)
    expect(before.rows.meta ?? 0).toBe(0)

    // The download finishes: the whole package is on the device, and the screen says how fresh.
    release()
    await expect(briefing.lastUpdated).toContainText(freshly, { timeout: 60_000 })
    await expect(page.getByText('Downloading your briefing to this device…')).toBeHidden()
    const pkg = delivered as SyncResponse | null
    if (!pkg) throw new Error('the device did not download a package')
    expect(pkg.full).toBe(true)
    expect(pkg.put.people.length).toBeGreaterThan(0)
    await expect
      .poll(async () => (await readDeviceData(page)).rows)
      .toMatchObject({ people: pkg.put.people.length, vehicles: pkg.put.vehicles.length, addresses: pkg.put.addresses.length, briefingItems: pkg.put.briefingItems.length, meta: 1 })
  } finally {
    await device.dispose()
  }
})

test('browser closed mid-upload: reopened, the outbox sends the rest, and the server holds each item once', async ({ playwright, launchOptions, baseURL, viewport, isMobile, hasTouch }, testInfo) => {
  test.setTimeout(240_000)
  const collar = officerCollar(testInfo, 'fault-upload')
  const api = await officerApi(playwright, baseURL, collar)
  const person = await personToCheck(api)
  const device = new PersistentDevice(deviceOptions({ playwright, launchOptions, baseURL, viewport, isMobile, hasTouch }))
  const first = `Closed mid-upload, first note (${testInfo.project.name}, e2e ${runId})`
  const second = `Closed mid-upload, second note (${testInfo.project.name}, e2e ${runId})`
  const checkReason = `e2e offline check before a close ${testInfo.project.name} ${runId}`
  try {
    let page = await device.open()
    await signInOnDevice(page, collar)
    const briefing = new BriefingPage(page)
    await briefing.open()
    await expect(briefing.lastUpdated).toBeVisible({ timeout: 60_000 })

    // The screens used offline are opened once online, so their code is loaded without the service worker.
    let notes = new NotesPage(page)
    const checks = new ChecksPage(page)
    await notes.open()
    await expect(notes.heading).toBeVisible()
    await checks.open()
    await expect(checks.heading).toBeVisible()
    const shell = new AppShell(page)
    await shell.goTo('Settings')
    await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible()

    // No signal: two notes and a person check (its audit record) wait in the outbox, in order.
    await goOffline(device.context!)
    await notes.open()
    await writeNote(notes, first)
    await writeNote(notes, second)
    await expect(notes.noteWith(first)).toContainText('Waiting to upload')
    await checks.open()
    await checks.checkPerson({ surname: person.surname, forenames: person.forenames, dob: typedDob(person.dob!) }, 'Stop and account', checkReason)
    await expect(checks.deviceNotice).toBeVisible()
    await shell.goTo('Settings')
    await expect(page.getByText('3 changes are waiting to be sent.')).toBeVisible()

    // Back online, the first note reaches the server, and the browser closes before the answer.
    await device.context!.unrouteAll({ behavior: 'ignoreErrors' })
    let stored: (status: number) => void = () => undefined
    const storedStatus = new Promise<number>((resolve) => (stored = resolve))
    await device.context!.route('**/api/notes', async (route) => {
      if (!isNotePost(route)) return route.fallback()
      const response = await route.fetch()
      stored(response.status())
      // No answer: the page never learns the note arrived.
    })
    await device.context!.setOffline(false)
    expect(await storedStatus).toBeLessThan(300)
    expect(await notesOnServer(api, first)).toBe(1)
    expect(await notesOnServer(api, second)).toBe(0)
    await device.close()

    // Opened again: the outbox replays from the first note; the server keeps each thing once.
    page = await device.open()
    await page.goto('/notes')
    notes = new NotesPage(page)
    await expect(notes.heading).toBeVisible()
    await expect(notes.noteWith(first).getByText('Uploaded')).toBeVisible({ timeout: 30_000 })
    await expect(notes.noteWith(second).getByText('Uploaded')).toBeVisible({ timeout: 30_000 })
    await expect.poll(() => offlineChecksOnServer(api, checkReason), { timeout: 30_000 }).toBe(1)
    expect(await notesOnServer(api, first)).toBe(1)
    expect(await notesOnServer(api, second)).toBe(1)
    await page.goto('/settings')
    await expect(new SettingsPage(page).heading).toBeVisible()
    await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible()
  } finally {
    await device.dispose()
    await api.dispose()
  }
})

/**
 * Runs in the page before Kestrel: once `kestrelTestDiskFull` is set, every write to IndexedDB and
 * Cache Storage fails as a full device's does, with a QuotaExceededError (deletes still work, as
 * they do on a full device). Chromium's own quota (DevTools' Storage.overrideQuotaForOrigin) is
 * not used: its IndexedDB accounting lags, so small writes still succeed under a tiny quota.
 */
function diskFullStandIn(): void {
  const full = () => Reflect.get(window, 'kestrelTestDiskFull') === true
  const quotaError = () => new DOMException('The device is out of storage space (e2e stand-in).', 'QuotaExceededError')
  for (const [proto, name] of [[IDBObjectStore.prototype, 'put'], [IDBObjectStore.prototype, 'add'], [IDBCursor.prototype, 'update']] as const) {
    const original: unknown = Reflect.get(proto, name)
    if (typeof original !== 'function') continue
    Reflect.set(proto, name, function (this: unknown, ...args: unknown[]): unknown {
      if (full()) throw quotaError()
      return Reflect.apply(original, this, args)
    })
  }
  const put = Cache.prototype.put
  Cache.prototype.put = function (this: Cache, ...args: Parameters<Cache['put']>) {
    return full() ? Promise.reject(quotaError()) : put.apply(this, args)
  }
}

async function fillStorage(page: Page): Promise<void> {
  await page.evaluate(() => Reflect.set(window, 'kestrelTestDiskFull', true))
}

test('storage full: the officer is told in words, and work already queued still reaches the server once', async ({ page, context, playwright, baseURL }, testInfo) => {
  test.setTimeout(240_000)
  const collar = officerCollar(testInfo, 'fault-quota')
  const api = await officerApi(playwright, baseURL, collar)
  const person = await personToCheck(api)
  const queued = `Queued before the device filled up (${testInfo.project.name}, e2e ${runId})`
  const full = /This device is out of storage space/

  await page.addInitScript(diskFullStandIn)
  await signInOnDevice(page, collar)
  const briefing = new BriefingPage(page)
  await briefing.open()
  await expect(briefing.lastUpdated).toBeVisible({ timeout: 60_000 })

  // The screens used offline are opened once online, so their code is loaded without the service worker.
  const notes = new NotesPage(page)
  const checks = new ChecksPage(page)
  await checks.open()
  await expect(checks.heading).toBeVisible()
  await notes.open()
  await expect(notes.heading).toBeVisible()

  // No signal: a note waits in the outbox. Then the device runs out of space.
  await goOffline(context)
  await writeNote(notes, queued)
  await expect(notes.noteWith(queued)).toContainText('Waiting to upload')
  await fillStorage(page)
  try {
    // A new note cannot be stored: said so, not silently lost.
    await notes.writeButton.click()
    await expect(page.getByRole('alert').filter({ hasText: full })).toContainText('The note could not be started.')

    // An offline check must be recorded before its result shows: with no room, no result, and why.
    await checks.open()
    await checks.checkPerson({ surname: person.surname, forenames: person.forenames, dob: typedDob(person.dob!) }, 'Stop and account', `e2e check on a full device ${runId}`)
    await expect(checks.results).toContainText('The check could not be made: This device is out of storage space')
    await expect(checks.results.getByRole('article')).toHaveCount(0)

    // Back online: the queued note goes, once; a sync that cannot be stored says so.
    await goOnline(context)
    await notes.open()
    await expect(notes.noteWith(queued).getByText('Uploaded')).toBeVisible({ timeout: 30_000 })
    expect(await notesOnServer(api, queued)).toBe(1)
    await briefing.open()
    await briefing.syncNowButton.click()
    await expect(page.getByText(full).first()).toBeVisible()
    await expect(briefing.lastUpdated).toBeVisible()
  } finally {
    await api.dispose()
  }
})

/** Signs in on a device whose clock is `hours` off, then shows sync and an online check working. */
async function signInWithWrongClock(page: Page, api: APIRequestContext, collar: string, hours: number): Promise<void> {
  await page.clock.install({ time: Date.now() + hours * hour })
  await signInOnDevice(page, collar)
  // Sync: the briefing is fresh and says so, whatever the device's clock says.
  const briefing = new BriefingPage(page)
  await briefing.open()
  await expect(briefing.lastUpdated).toContainText(freshly, { timeout: 60_000 })
  await expect(briefing.staleMessage).toBeHidden()

  // A check online: the server answers it.
  const person = await personToCheck(api)
  const checks = new ChecksPage(page)
  await checks.open()
  await checks.checkPerson({ surname: person.surname, forenames: person.forenames, dob: typedDob(person.dob!) }, 'Stop and account', `e2e check, clock ${hours} h off ${runId}`)
  await expect(checks.results.getByText('Checked against force records.')).toBeVisible()
  await expect(checks.result(1, displayName(person))).toBeVisible()
}

test('device clock 5 hours ahead: sign-in, sync and checks work, the briefing is "just now", colleagues’ claims still alert', async ({ page, playwright, baseURL }, testInfo) => {
  test.setTimeout(240_000)
  const collar = officerCollar(testInfo, 'fault-clock-ahead')
  const api = await officerApi(playwright, baseURL, collar)
  const colleague = await officerApi(playwright, baseURL, officerCollar(testInfo, 'fault-clock-colleague'))
  let claimId: string | null = null
  try {
    await signInWithWrongClock(page, api, collar, 5)

    // A colleague's claim is news, not a five-hour-old event to ignore.
    const gallery = new WantedGalleryPage(page)
    await gallery.open()
    await expect(gallery.liveUpdatesOn).toBeVisible()
    const person = await unclaimedWantedPerson(colleague, testInfo, 0)
    const response = await colleague.post(`/api/wanted/${encodeURIComponent(person.personId)}/claim`, { data: {} })
    expect(response.status(), await response.text()).toBe(201)
    claimId = z.object({ claim: z.object({ id: z.string() }) }).parse(await response.json()).claim.id
    await expect(gallery.alerts).toContainText(`is collecting ${displayName(person)}`)
  } finally {
    if (claimId) await colleague.post(`/api/claims/${claimId}/release`, { data: {} })
    await colleague.dispose()
    await api.dispose()
  }
})

test('device clock 5 hours behind: sign-in, sync and checks work, and an offline device still ends the session on time', async ({ page, context, playwright, baseURL }, testInfo) => {
  test.setTimeout(240_000)
  const collar = officerCollar(testInfo, 'fault-clock-behind')
  const api = await officerApi(playwright, baseURL, collar)
  try {
    await signInWithWrongClock(page, api, collar, -5)

    // Thirteen hours on with no signal: the 12-hour session is over by the server's clock (though
    // the device's says 8 hours), so the device erases the officer's data and says why.
    await goOffline(context)
    await page.clock.fastForward('13:00:00')
    const signIn = new SignInPage(page)
    await expect(signIn.heading).toBeVisible()
    await expect(signIn.alert).toHaveText('Your session has ended. Please sign in again.')
    await expectDeviceErased(page)
  } finally {
    await api.dispose()
  }
})

test('two tabs: both queue work offline, and back online each op reaches the server exactly once', async ({ page, context, playwright, baseURL }, testInfo) => {
  test.setTimeout(240_000)
  const collar = officerCollar(testInfo, 'fault-tabs')
  const api = await officerApi(playwright, baseURL, collar)
  const texts = [1, 2].map((tab) => `Written in tab ${tab} (${testInfo.project.name}, e2e ${runId})`)
  // Every note body that leaves the browser, from either tab (or the service worker).
  const posted: string[] = []
  context.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/notes') {
      posted.push(z.object({ text: z.string() }).parse(request.postDataJSON()).text)
    }
  })
  try {
    await signInOnDevice(page, collar)
    const second = await context.newPage()
    await second.goto('/notes')
    const tabs = [new NotesPage(page), new NotesPage(second)]
    await expect(tabs[1]!.heading).toBeVisible()
    await tabs[0]!.open()
    await expect(tabs[0]!.heading).toBeVisible()

    await goOffline(context)
    await writeNote(tabs[0]!, texts[0]!)
    await writeNote(tabs[1]!, texts[1]!)
    for (const tab of tabs) for (const text of texts) await expect(tab.noteWith(text)).toContainText('Waiting to upload')

    // Both tabs see the connection come back at the same moment.
    await goOnline(context)
    for (const tab of tabs) for (const text of texts) await expect(tab.noteWith(text).getByText('Uploaded')).toBeVisible({ timeout: 30_000 })
    for (const text of texts) expect(await notesOnServer(api, text)).toBe(1)
    await second.goto('/settings')
    await expect(second.getByText('Nothing is waiting to be sent.')).toBeVisible()
    expect(posted.filter((text) => texts.includes(text)).sort(), 'each note sent once, by one tab').toEqual([...texts].sort())
  } finally {
    await api.dispose()
  }
})
