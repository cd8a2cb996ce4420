/**
 * Briefing on the move (issue 3): the package downloads at sign-in, the briefing, a person's
 * profile with photo and warning markers and a PDF all work hard offline (the service worker's own
 * requests cut too), what the officer did offline reaches the server on reconnect, and a new item
 * arrives in a small delta, not a full download. An officer records task results, online and with
 * no signal, and the server has them once the device reconnects. Analysts write items through the
 * API here (and through the app, drawing an area on the map, in the authoring test), so each test
 * controls exactly what it expects to see.
 *
 * Accounts: officers 1185-1187 and 1190-1197 and analysts 3004-3005 are used by no other spec.
 */
import type { APIRequestContext, Page, PlaywrightWorkerArgs, TestInfo } from '@playwright/test'
import type { BriefingItemInput } from '../src/shared/api/briefing.ts'
import { z } from 'zod'
import { briefingItemSchema, type PersonRecord } from '../src/shared/api/intel.ts'
import { syncResponseSchema } from '../src/shared/api/sync.ts'
import { packageMediaComplete, readDeviceData } from './device-data.ts'
import { appPin, demoPassword, expect, projects, signInOnDevice, test } from './fixtures.ts'
import { AppShell } from './pages/app-shell.ts'
import { BriefingAuthoringPage } from './pages/briefing-authoring-page.ts'
import { BriefingPage } from './pages/briefing-page.ts'
import { PersonProfilePage, ReasonDialog } from './pages/briefing-profile-page.ts'
import { LockScreen } from './pages/lock-screen.ts'
import { serverTimeFollowsDevice } from './server-time.ts'

/** This spec's officers: one per project and purpose, outside the range fixtures.ts hands out. */
const firstCollar = { offline: 1195, stale: 1190, 'task-result': 1185 } as const

function briefingOfficer(testInfo: TestInfo, purpose: keyof typeof firstCollar): string {
  const project = projects.findIndex((name) => name === testInfo.project.name)
  if (project < 0) throw new Error(`no collar numbers set aside for project "${testInfo.project.name}"`)
  return String(firstCollar[purpose] + project)
}

/** An analyst signed in over the API (a station terminal without a browser). */
async function analystApi(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, collarNumber: string): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL })
  const response = await api.post('/api/auth/login', { data: { collarNumber, password: demoPassword } })
  expect(response.status(), 'analyst sign-in').toBe(200)
  return api
}

async function publish(api: APIRequestContext, input: BriefingItemInput) {
  const response = await api.post('/api/briefing/items', { data: input })
  expect(response.status(), await response.text()).toBe(201)
  return briefingItemSchema.parse(await response.json())
}

/** An item's task as the server holds it now. */
async function serverTask(api: APIRequestContext, itemId: string) {
  const response = await api.get('/api/briefing/items')
  expect(response.status()).toBe(200)
  const items = z.object({ items: z.array(briefingItemSchema) }).parse(await response.json()).items
  return items.find((item) => item.id === itemId)?.task ?? null
}

/** A wanted person with a photo, a PDF and an officer-safety marker: every device holds them. */
async function personToBrief(api: APIRequestContext): Promise<{ person: PersonRecord; safetyLabel: string }> {
  const pkg = syncResponseSchema.parse(await (await api.get('/api/sync')).json())
  const safety = new Map(pkg.reference.markerTypes.filter((m) => m.officerSafety).map((m) => [m.code, m.label]))
  const person = pkg.put.people.find(
    (p) => p.wanted !== null && p.photoUrl !== null && p.documents.some((d) => d.contentType === 'application/pdf') && p.warningMarkers.some((c) => safety.has(c)),
  )
  if (!person) throw new Error('the demo force has no wanted person with a photo, a PDF and an officer-safety marker')
  const safetyLabel = safety.get(person.warningMarkers.find((c) => safety.has(c)) ?? '') ?? ''
  return { person, safetyLabel }
}

const runId = Date.now().toString(36)
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

async function mediaCached(page: Page, urls: string[]): Promise<boolean> {
  return page.evaluate(async (wanted) => {
    // Opening would create the cache, and hide from the app that it was lost.
    if (!(await caches.has('kestrel-media'))) return false
    const cache = await caches.open('kestrel-media')
    const found = await Promise.all(wanted.map((url) => cache.match(url, { ignoreVary: true })))
    return found.every((response) => response !== undefined)
  }, urls)
}

test('the briefing works hard offline, and a new item arrives in a small delta', async ({ page, context, playwright, baseURL }, testInfo) => {
  // A first package with its photos and documents, then offline and back: longer than one sign-in.
  test.setTimeout(180_000)
  const collar = briefingOfficer(testInfo, 'offline')
  const analyst = await analystApi(playwright, baseURL, '3004')
  const { person, safetyLabel } = await personToBrief(analyst)
  const name = `${person.surname.toUpperCase()}, ${person.forenames}`
  const pdf = person.documents.find((d) => d.contentType === 'application/pdf')!
  const lookout = await publish(analyst, {
    // Unique per run: a developer's server (reuseExistingServer) keeps the items of earlier runs.
    title: `Look out for ${name} (${testInfo.project.name}, e2e ${runId})`,
    body: `Wanted for ${person.wanted?.offence ?? 'an offence'}.\nCheck the warning markers before approaching.`,
    priority: 1,
    areaIds: [],
    validFrom: inHours(-0.1),
    validTo: inHours(6),
    links: [{ kind: 'person', id: person.id }],
    task: { type: 'arrest', assignee: { kind: 'officer', id: collar } },
  })

  // Sign in: the package downloads, then the photos and documents.
  await signInOnDevice(page, collar)
  await new AppShell(page).waitForOfflineReady()
  const briefing = new BriefingPage(page)
  await briefing.open()
  await expect(briefing.heading).toBeVisible()
  await expect(briefing.item(lookout.title)).toBeVisible({ timeout: 30_000 })
  await expect(briefing.lastUpdated).toBeVisible()
  await expect.poll(() => mediaCached(page, [person.photoUrl!, pdf.url]), { timeout: 60_000 }).toBe(true)

  // Hard offline: setOffline does not cut the service worker's own requests, so abort those too.
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
  await page.reload()
  await expect(briefing.heading).toBeVisible()
  const item = briefing.item(lookout.title)
  await expect(item).toBeVisible()
  await expect(item.getByText('Priority 1')).toBeVisible()
  await expect(item).toContainText('Check the warning markers before approaching.')
  await expect(briefing.lastUpdated).toBeVisible()

  // Acknowledge and accept the task with no signal: both wait in the outbox.
  await briefing.acknowledgeButton(lookout.title).click()
  await expect(item.getByText(/^Acknowledged /)).toBeVisible()
  await briefing.acceptTaskButton(lookout.title).click()
  await expect(item.getByText('Accepted', { exact: true })).toBeVisible()
  await expect(item.getByText('Saved on this device, waiting to send')).toBeVisible()

  // The person, from the item: no reason asked (the item is the reason), photo, markers, PDF.
  await briefing.linkedRecord(lookout.title, name).click()
  const profile = new PersonProfilePage(page)
  await expect(profile.heading(name)).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/people/${person.id}\\?from=`))
  const photo = profile.photo(name)
  await expect(photo).toBeVisible()
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  await expect(profile.warningMarkers).toContainText(safetyLabel)
  await expect(profile.warningMarkers.getByRole('listitem').first()).toContainText('Officer safety')
  await expect(profile.wantedHeading).toBeVisible()
  const documentLink = profile.document(pdf.title)
  await expect(documentLink).toHaveAttribute('href', pdf.url)
  const head = await page.evaluate(async (url) => {
    const response = await fetch(url)
    return new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5))
  }, pdf.url)
  expect(head, 'the PDF, answered from the device while offline').toBe('%PDF-')

  // Opened directly, the record asks why first, and shows nothing until answered.
  await page.goto(`/people/${person.id}`)
  const reasons = new ReasonDialog(page)
  await expect(reasons.dialog).toBeVisible()
  await expect(profile.heading(name)).toBeHidden()
  await reasons.choose('Intelligence', 'e2e offline look-up')
  await expect(profile.heading(name)).toBeVisible()

  // Back online: the outbox empties and the server has the acknowledgement and the task.
  await context.unrouteAll({ behavior: 'ignoreErrors' })
  await context.setOffline(false)
  await expect.poll(async () => (await readDeviceData(page)).rows.outbox, { timeout: 30_000 }).toBe(0)
  const reads = (await (await analyst.get(`/api/briefing/items/${lookout.id}/reads`)).json()) as { items: { collarNumber: string }[] }
  expect(reads.items.map((r) => r.collarNumber)).toContain(collar)
  const items = (await (await analyst.get('/api/briefing/items')).json()) as { items: { id: string; task: { status: string; updatedBy: string | null } | null }[] }
  expect(items.items.find((i) => i.id === lookout.id)?.task).toMatchObject({ status: 'accepted', updatedBy: collar })

  // An analyst adds an item; the next sync brings it as a delta of a few rows.
  await briefing.open()
  await expect(briefing.syncNowButton).toBeEnabled()
  const update = await publish(analyst, {
    title: `Update for ${testInfo.project.name}: extra patrols tonight (e2e ${runId})`,
    body: 'High visibility patrols 20:00 to 02:00.',
    priority: 3,
    areaIds: [],
    validFrom: inHours(-0.1),
    validTo: inHours(6),
    links: [],
    task: null,
  })
  // The first sync answer that carries the new item (one started by reconnecting may still be on its way).
  const answer = page.waitForResponse(async (r) => {
    if (new URL(r.url()).pathname !== '/api/sync' || r.status() !== 200) return false
    return syncResponseSchema.parse(await r.json()).put.briefingItems.some((i) => i.id === update.id)
  })
  await briefing.syncNowButton.click()
  const response = await answer
  const delta = syncResponseSchema.parse(await response.json())
  expect(delta.full).toBe(false)
  const rows = Object.values(delta.put).reduce((n, list) => n + list.length, 0) + Object.values(delta.remove).reduce((n, list) => n + list.length, 0)
  expect(rows, 'records in the delta').toBeLessThan(30)
  expect((await response.body()).length, 'bytes in the delta').toBeLessThan(20_000)
  await expect(briefing.item(update.title)).toBeVisible()

  // Photos the device lost (a full disk purges the cache) come back with the next sync, though the
  // package has not changed since the device last found it had them all.
  await expect.poll(() => packageMediaComplete(page), { timeout: 30_000 }).toBe(true)
  await page.evaluate(() => caches.delete('kestrel-media'))
  await briefing.syncNowButton.click()
  await expect.poll(() => mediaCached(page, [person.photoUrl!, pdf.url]), { timeout: 60_000 }).toBe(true)
  await analyst.dispose()
})

test('an officer records task results, online and with no signal', async ({ page, context, playwright, baseURL }, testInfo) => {
  const collar = briefingOfficer(testInfo, 'task-result')
  const analyst = await analystApi(playwright, baseURL, '3004')
  const task = (title: string, body: string): BriefingItemInput => ({
    title: `${title} (${testInfo.project.name}, e2e ${runId})`,
    body,
    priority: 2,
    areaIds: [],
    validFrom: inHours(-0.1),
    validTo: inHours(6),
    links: [],
    task: { type: 'visit', assignee: { kind: 'officer', id: collar } },
  })
  const online = await publish(analyst, task('Visit the corner shop', 'Reassurance visit after last night.'))
  const offline = await publish(analyst, task('Check the canal towpath', 'Report any rough sleepers.'))

  await signInOnDevice(page, collar)
  await new AppShell(page).waitForOfflineReady()
  const briefing = new BriefingPage(page)
  await briefing.open()
  await expect(briefing.item(online.title)).toBeVisible({ timeout: 30_000 })
  // Both tasks head the briefing under "Your tasks" (with any the officer's area has).
  await expect(briefing.yourTask(online.title)).toContainText('Open')
  await expect(briefing.yourTask(offline.title)).toContainText('Open')

  // Online: a result needs words; once recorded the task is done, here and on the server.
  await briefing.recordResultButton(online.title).click()
  await expect(briefing.item(online.title).getByRole('alert')).toHaveText('Write what happened before recording the result.')
  await briefing.resultField(online.title).fill('Spoke to the owner; no further problems.')
  await briefing.recordResultButton(online.title).click()
  await expect(briefing.taskStatus(online.title, 'Done')).toBeVisible()
  await expect(briefing.item(online.title)).toContainText('Result: Spoke to the owner; no further problems.')
  await expect(briefing.recordResultButton(online.title)).toBeHidden()
  await expect(briefing.yourTask(online.title)).toContainText(/Done by you\s*Result: Spoke to the owner; no further problems\./)
  await expect.poll(() => serverTask(analyst, online.id), { timeout: 30_000 }).toMatchObject({
    status: 'done',
    result: 'Spoke to the owner; no further problems.',
    updatedBy: collar,
  })

  // Hard offline: the result is kept on the device, survives a reload, and waits to send.
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
  await briefing.resultField(offline.title).fill('Towpath clear at 14:10.')
  await briefing.recordResultButton(offline.title).click()
  await expect(briefing.taskStatus(offline.title, 'Done')).toBeVisible()
  await expect(briefing.waitingToSend(offline.title)).toBeVisible()
  await page.reload()
  await expect(briefing.heading).toBeVisible()
  await expect(briefing.taskStatus(offline.title, 'Done')).toBeVisible()
  await expect(briefing.item(offline.title)).toContainText('Result: Towpath clear at 14:10.')
  await expect(briefing.waitingToSend(offline.title)).toBeVisible()
  await expect(briefing.yourTask(offline.title)).toContainText(/Done by you\s*Result: Towpath clear at 14:10\./)
  expect(await serverTask(analyst, offline.id), 'nothing reached the server while offline').toMatchObject({ status: 'open', result: null })

  // Reconnect: the outbox sends the result and the server has it.
  await context.unrouteAll({ behavior: 'ignoreErrors' })
  await context.setOffline(false)
  await expect.poll(async () => (await readDeviceData(page)).rows.outbox, { timeout: 30_000 }).toBe(0)
  await expect(briefing.waitingToSend(offline.title)).toBeHidden()
  expect(await serverTask(analyst, offline.id)).toMatchObject({ status: 'done', result: 'Towpath clear at 14:10.', updatedBy: collar })
  await analyst.dispose()
})

test('a briefing past its expiry is not shown', async ({ page }, testInfo) => {
  const collar = briefingOfficer(testInfo, 'stale')
  await page.clock.install()
  // Time passes on the server's clock as well, as the app reads it from each answer.
  let passedMs = 0
  await serverTimeFollowsDevice(page.context(), () => Date.now() + passedMs)
  await signInOnDevice(page, collar)
  const briefing = new BriefingPage(page)
  await briefing.open()
  await expect(briefing.lastUpdated).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('article').first()).toBeVisible()

  // Fifteen hours pass: past the end of the shift plus the margin (14 hours). The package the
  // server hands out keeps the time it was made, so even a fresh sync is out of date by then.
  passedMs = 15 * 3_600_000
  await page.clock.fastForward('15:00:00')
  // The idle lock comes first, as it would for a real officer.
  const lock = new LockScreen(page)
  await expect(lock.heading).toBeVisible()
  await lock.unlock(appPin)
  await expect(briefing.heading).toBeVisible()
  await expect(briefing.staleMessage).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(0)
  await expect(briefing.syncNowButton).toBeVisible()
})

test('an analyst writes a briefing item in the app', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'terminal', 'writing the briefing is a station-terminal task')
  await signInOnDevice(page, '3005')
  const authoring = new BriefingAuthoringPage(page)
  await authoring.navLink.click()
  await expect(authoring.heading).toBeVisible()
  await authoring.newItemButton.click()
  const title = `Station notice (e2e ${runId})`
  await authoring.title.fill(title)
  await authoring.text.fill('Briefing room closed for cleaning 14:00 to 15:00.')
  await authoring.priority(3).check()
  await authoring.wholeForce.check()

  // A drawn area as well: two clicks on the map are not an area yet.
  await authoring.drawOnMapButton.click()
  await expect(authoring.map).toBeVisible()
  await authoring.clickMap(120, 80)
  await authoring.clickMap(320, 90)
  await expect(authoring.areaPoints).toHaveCount(2)
  await authoring.publishButton.click()
  await expect(authoring.problems.filter({ hasText: 'The drawn area needs at least 3 points; it has 2.' })).toBeVisible()
  // Undo one, type one (the keyboard way), click one more.
  await authoring.undoPointButton.click()
  await expect(authoring.areaPoints).toHaveCount(1)
  await authoring.latitude.fill('52.4862')
  await authoring.longitude.fill('-1.8904')
  await authoring.addPointButton.click()
  await expect(authoring.areaPoints.nth(1)).toContainText('Point 2: 52.48620, -1.89040')
  await authoring.clickMap(220, 260)
  await expect(authoring.areaStatus).toHaveText('An area of 3 points.')

  // A spoken fence: a circle whose centre is a click on the map, with a message and night hours.
  await authoring.fenceShape('A circle').check()
  await authoring.publishButton.click()
  await expect(authoring.problems.filter({ hasText: 'Give the fence a message to speak.' })).toBeVisible()
  await authoring.fenceCentreOnMapButton.click()
  await authoring.fenceMap.click({ position: { x: 200, y: 150 } })
  await expect(authoring.fenceLatitude).not.toHaveValue('')
  await authoring.fenceRadius.fill('300')
  await authoring.fenceMessage.fill('Cleaning crews in the yard')
  await authoring.fenceHours.check()
  await authoring.fenceFrom.fill('22:00')
  await authoring.fenceUntil.fill('03:00')
  await authoring.publishButton.click()
  await expect(authoring.published).toBeVisible()
  await expect(authoring.item(title)).toBeVisible()
  const saved = z.object({ items: z.array(briefingItemSchema) }).parse(await (await page.request.get('/api/briefing/items')).json())
  const savedItem = saved.items.find((item) => item.title === title)
  const polygon = savedItem?.polygon
  expect(polygon).toHaveLength(3)
  expect(polygon?.[1]).toEqual({ lat: 52.4862, lng: -1.8904 })
  expect(savedItem?.fence).toMatchObject({ shape: 'circle', radiusM: 300, message: 'Cleaning crews in the yard', activeHours: { start: '22:00', end: '03:00' } })
  expect(savedItem?.fence?.center).toEqual({ lat: expect.any(Number), lng: expect.any(Number) })

  // The author's own device syncs and shows it in the briefing.
  const briefing = new BriefingPage(page)
  await briefing.open()
  await expect(briefing.item(title)).toBeVisible({ timeout: 30_000 })
})
