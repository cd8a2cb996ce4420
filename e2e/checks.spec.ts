/**
 * On-the-spot checks (issue 5), device side: an officer checks a person online, then with no
 * signal at all (the service worker's own requests cut too); each result shows the photo and the
 * officer-safety warnings first; the offline check says it covered only the people cached on the
 * device and its audit record uploads on reconnect; the supervisor's audit log shows both checks
 * with their reasons.
 *
 * Accounts: officers 1170-1172 and supervisors 2005-2007 (one per project) are used by no other spec.
 */
import type { Page, TestInfo } from '@playwright/test'
import { syncResponseSchema } from '../src/shared/api/sync.ts'
import type { PersonRecord } from '../src/shared/api/intel.ts'
import { readDeviceData } from './device-data.ts'
import { demoPassword, expect, projects, signInOnDevice, test } from './fixtures.ts'
import { AppShell } from './pages/app-shell.ts'
import { AuditPage } from './pages/audit-page.ts'
import { PersonProfilePage } from './pages/briefing-profile-page.ts'
import { ChecksPage } from './pages/checks-page.ts'

function projectIndex(testInfo: TestInfo): number {
  const index = projects.findIndex((name) => name === testInfo.project.name)
  if (index < 0) throw new Error(`no collar numbers set aside for project "${testInfo.project.name}"`)
  return index
}

const runId = Date.now().toString(36)

async function mediaCached(page: Page, urls: string[]): Promise<boolean> {
  return page.evaluate(async (wanted) => {
    const cache = await caches.open('kestrel-media')
    const found = await Promise.all(wanted.map((url) => cache.match(url, { ignoreVary: true })))
    return found.every((response) => response !== undefined)
  }, urls)
}

/** Whether `first` comes before `second` in the page. */
async function comesBefore(page: Page, first: string, second: string): Promise<boolean> {
  return page.evaluate(([a, b]) => {
    const [x, y] = [document.querySelector(a), document.querySelector(b)]
    return x !== null && y !== null && (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
  }, [first, second])
}

/** DD/MM/YYYY as an officer types it; day and month swapped when that still makes a date. */
function typed(dob: string, swap: boolean): string {
  const [year, month, day] = dob.split('-')
  return swap ? `${month}/${day}/${year}` : `${day}/${month}/${year}`
}

test('a person check online and offline, uploaded on reconnect and shown in the audit log', async ({ page, context, playwright, baseURL, openDevice }, testInfo) => {
  // A sign-in with its package and photos, a check online, offline and back, then a supervisor.
  test.setTimeout(240_000)
  const officer = String(1170 + projectIndex(testInfo))
  const supervisor = String(2005 + projectIndex(testInfo))

  // A wanted person with a photo, a date of birth and an officer-safety marker: in every package.
  const api = await playwright.request.newContext({ baseURL })
  expect((await api.post('/api/auth/login', { data: { collarNumber: officer, password: demoPassword } })).status()).toBe(200)
  const pkg = syncResponseSchema.parse(await (await api.get('/api/sync')).json())
  await api.dispose()
  const safety = new Map(pkg.reference.markerTypes.filter((m) => m.officerSafety).map((m) => [m.code, m.label]))
  const person: PersonRecord | undefined = pkg.put.people.find((p) => p.wanted !== null && p.photoUrl !== null && p.dob !== null && p.warningMarkers.some((c) => safety.has(c)))
  if (!person?.dob || !person.photoUrl) throw new Error('the demo force has no wanted person with a photo, a date of birth and an officer-safety marker')
  const name = `${person.surname.toUpperCase()}, ${person.forenames}`
  const [, month, day] = person.dob.split('-').map(Number)
  const canSwap = day !== undefined && month !== undefined && day <= 12 && day !== month

  await signInOnDevice(page, officer)
  await new AppShell(page).waitForOfflineReady()
  const checks = new ChecksPage(page)
  await checks.open()
  await expect(checks.heading).toBeVisible()

  // Online: the exact name and date of birth rank the person first, photo and warnings first.
  await checks.checkPerson({ surname: person.surname, forenames: person.forenames, dob: typed(person.dob, false) }, 'Stop and account', `e2e online check ${runId}`)
  const online = checks.result(1, name)
  await expect(online).toBeVisible({ timeout: 20_000 })
  await expect(checks.deviceNotice).toBeHidden()
  await expect(online.getByText('Strong match')).toBeVisible()
  await expect(checks.photo(online, name)).toBeVisible()
  await expect(checks.warningMarkers(online).getByRole('listitem').first()).toContainText('Officer safety')
  await expect(online).toContainText('Wanted')
  expect(await comesBefore(page, '.check-result img', '.check-result .warning-markers'), 'photo before the warnings').toBe(true)
  expect(await comesBefore(page, '.check-result .warning-markers', '.check-result__wanted'), 'warnings before the wanted status').toBe(true)

  // The full record opens with the check's reason: no second question.
  await checks.openFullRecord(online).click()
  const profile = new PersonProfilePage(page)
  await expect(profile.heading(name)).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Why are you viewing this record?' })).toBeHidden()
  await expect(page.getByText('Look-up recorded with the reason you gave for the check.')).toBeVisible()

  // The photo must be on the device before the signal goes.
  await expect.poll(() => mediaCached(page, [person.photoUrl!]), { timeout: 90_000 }).toBe(true)
  await expect.poll(async () => (await readDeviceData(page)).rows.outbox, { timeout: 30_000 }).toBe(0)

  // Hard offline: setOffline does not cut the service worker's own requests, so abort those too.
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
  await page.goto('/checks')
  await expect(checks.heading).toBeVisible()
  await checks.checkPerson(
    { surname: `  ${person.surname.toLowerCase()} `, forenames: person.forenames.split(' ')[0] ?? '', dob: typed(person.dob, canSwap) },
    'Intelligence',
    `e2e offline check ${runId}`,
  )
  await expect(checks.deviceNotice).toContainText(/Offline: this checked only the [\d,]+ people cached on this device/)
  await expect(checks.deviceNotice).toContainText('the audit record will upload when you are back online')
  const offline = checks.result(1, name)
  await expect(offline).toBeVisible()
  if (canSwap) await expect(offline).toContainText('date of birth with day and month swapped')
  const photo = checks.photo(offline, name)
  await expect(photo).toBeVisible()
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  await expect(checks.warningMarkers(offline).getByRole('listitem').first()).toContainText('Officer safety')
  expect(await comesBefore(page, '.check-result img', '.check-result .warning-markers'), 'photo before the warnings').toBe(true)
  expect((await readDeviceData(page)).rows.outbox, 'the offline check waits in the outbox').toBe(1)

  // Back online: the outbox drains.
  await context.unrouteAll({ behavior: 'ignoreErrors' })
  await context.setOffline(false)
  await expect.poll(async () => (await readDeviceData(page)).rows.outbox, { timeout: 30_000 }).toBe(0)

  // The supervisor's audit log shows both checks with their reasons.
  const supervisorPage = await openDevice()
  await signInOnDevice(supervisorPage, supervisor)
  const audit = new AuditPage(supervisorPage)
  await audit.open()
  await expect(audit.heading).toBeVisible()
  await audit.filterByOfficer(officer)
  await expect(audit.rowWith('Stop and account', `e2e online check ${runId}`, 'Online').first()).toBeVisible()
  await expect(audit.rowWith('Intelligence', `e2e offline check ${runId}`, 'Offline').first()).toBeVisible()
  await expect(audit.exportLink).toHaveAttribute('href', `/api/audit/export.csv?officer=${officer}`)
})
