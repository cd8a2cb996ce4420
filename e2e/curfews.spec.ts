/**
 * Curfew checks (issue 9), three devices in one area: an officer records an absent result hard
 * offline (saved on the device, waiting to send); on reconnect the outbox sends it once, the
 * supervisor's screen shows the possible breach live (alert banner and tonight's coverage), and a
 * second officer heading to the same address sees it already checked, without a reload.
 *
 * Curfews are at night, tests run at any hour: every device's clock starts at the last 01:30 in
 * London (Playwright's clock; time then runs on as normal), when every nightly curfew pattern of
 * the demo force is in force. The server keeps the real time; a check made at that moment is
 * hours old, as one sent late from a device offline all night would be, and still in the curfew.
 *
 * Accounts: officers 1181-1183 and 1189, 1198, 1199 (two per project, in one area) and supervisors
 * 2001-2003, used by no other spec. Each run takes a curfew not yet checked that night, so the spec
 * can run again against the same server.
 */
import { TZDate } from '@date-fns/tz'
import type { Page, TestInfo } from '@playwright/test'
import { checkRequestSchema, dueResponseSchema } from '../src/shared/api/curfews.ts'
import { demoPassword, expect, projects, signInOnDevice, test } from './fixtures.ts'
import { AppShell } from './pages/app-shell.ts'
import { CurfewsPage } from './pages/curfews-page.ts'
import { HomePage } from './pages/home-page.ts'
import { serverTimeFollowsDevice } from './server-time.ts'

/** Per project: two officers of one area (collar n is in area (n - 1001) mod 8), and a supervisor. */
const accounts = [
  { first: '1181', second: '1189', supervisor: '2001' },
  { first: '1182', second: '1198', supervisor: '2002' },
  { first: '1183', second: '1199', supervisor: '2003' },
] as const

// Three sign-ins (argon2 on the server, PBKDF2 in the page), each downloading the package: slow.
test.describe.configure({ timeout: 300_000 })

function accountsFor(testInfo: TestInfo) {
  const index = projects.findIndex((name) => name === testInfo.project.name)
  if (index < 0) throw new Error(`no accounts set aside for project "${testInfo.project.name}"`)
  return accounts[index]!
}

/** The most recent 01:30 in London: inside every nightly curfew of the demo force. */
function lastHalfPastOneInLondon(): Date {
  const now = new Date()
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).split('-').map(Number) as [number, number, number]
  const today = new TZDate(y, m - 1, d, 1, 30, 'Europe/London').getTime()
  return new Date(today <= now.getTime() ? today : new TZDate(y, m - 1, d - 1, 1, 30, 'Europe/London').getTime())
}

/** Signs in on `page` (whose clock is `night`) and returns the name Today shows. */
async function signInAt(page: Page, night: Date, collar: string): Promise<string> {
  await page.context().clock.install({ time: night })
  // The night on the server's clock too, as the app reads it (the device clock runs on from `night`).
  const installedAt = Date.now()
  await serverTimeFollowsDevice(page.context(), () => night.getTime() + Date.now() - installedAt)
  await signInOnDevice(page, collar)
  const signedInAs = await new HomePage(page).signedInAs(collar).innerText()
  const name = /Signed in as (.+) \(\d+\)/.exec(signedInAs)?.[1]
  if (!name) throw new Error(`could not read the officer's name from "${signedInAs}"`)
  return name
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

test('an absent result recorded offline reaches the supervisor live on reconnect, and a colleague sees the address checked', async ({ page, context, openDevice, playwright, baseURL }, testInfo) => {
  const { first, second, supervisor } = accountsFor(testInfo)
  const night = lastHalfPastOneInLondon()

  // A curfew of the area in force at that moment, not yet checked or visited that night, and in the package.
  const api = await playwright.request.newContext({ baseURL })
  expect((await api.post('/api/auth/login', { data: { collarNumber: first, password: demoPassword } })).status()).toBe(200)
  const query = new URLSearchParams({ from: night.toISOString(), to: new Date(night.getTime() + 6 * 3_600_000).toISOString() })
  const due = dueResponseSchema.parse(await (await api.get(`/api/curfews/due?${query.toString()}`)).json())
  await api.dispose()
  const today = new Date().toISOString().slice(0, 10)
  const inForce = (w: { start: string; end: string }) => Date.parse(w.start) <= night.getTime() + 60_000 && night.getTime() + 15 * 60_000 < Date.parse(w.end)
  const curfew = due.items.find((i) => i.lastCheck === null && i.visit === null && i.address !== null && i.rule.validTo >= today && i.windows.some(inForce))
  if (!curfew || !due.areaId) throw new Error(`no curfew left unchecked tonight in the area of ${first}`)
  const name = `${curfew.surname.toUpperCase()}, ${curfew.forenames}`

  // The first officer opens the list online (so the screen's code is on the device), then loses the signal.
  const firstName = await signInAt(page, night, first)
  await new AppShell(page).waitForOfflineReady()
  const officer = new CurfewsPage(page)
  await officer.open()
  const card = officer.card(name)
  // The list appears once this device has stored its package (a sign-in's download, slow under load).
  await expect(card.state).toHaveText('Not checked yet tonight', { timeout: 60_000 })

  // Hard offline: setOffline does not cut the service worker's own requests, so abort those too.
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
  await card.addDetails('Nobody; a neighbour said he went out at midnight', 'No lights on. Knocked three times.')
  await card.result('Absent').click()
  await expect(card.state).toHaveText(/^Checked tonight: absent at \d\d:\d\d, by you\. Possible breach\. Saved on this device, waiting to send$/)
  // A voice note can be added to that check (offline too): the Notes screen, attached to it, back to the list once saved.
  await expect(card.voiceNote).toBeVisible()
  const voiceNote = new URL((await card.voiceNote.getAttribute('href')) ?? '', 'https://app.test')
  expect(voiceNote.pathname).toBe('/notes')
  expect(voiceNote.searchParams.get('label')).toMatch(new RegExp(`^Curfew check: ${escape(name)}, \\d\\d:\\d\\d$`))
  expect(voiceNote.searchParams.get('return')).toBe('/curfews')

  // The supervisor watches the area's coverage; the second officer is heading for the same street.
  const supervisorPage = await openDevice()
  await signInAt(supervisorPage, night, supervisor)
  const sergeant = new CurfewsPage(supervisorPage)
  await sergeant.open()
  await sergeant.coverageArea.selectOption(due.areaId)
  // Asked of the server while this device downloads its sign-in package: slow under load.
  await expect(sergeant.coverage.getByText('Due tonight')).toBeVisible({ timeout: 30_000 })
  await expect(sergeant.coverageBreach(name)).toHaveCount(0)

  const secondPage = await openDevice()
  await signInAt(secondPage, night, second)
  const colleague = new CurfewsPage(secondPage)
  await colleague.open()
  const colleagueCard = colleague.card(name)
  // The list appears once this device has stored its package (a sign-in's download, slow under load).
  await expect(colleagueCard.state).toHaveText('Not checked yet tonight', { timeout: 60_000 })

  // Back online: the outbox sends the check once; nobody reloads.
  const sent = page.waitForResponse((r) => r.url().endsWith(`/api/curfews/${curfew.conditionId}/checks`) && r.request().method() === 'POST')
  await context.unroute('**/*')
  await context.setOffline(false)
  const sentCheck = await sent
  expect(sentCheck.status()).toBe(201)
  expect(voiceNote.searchParams.get('attach')).toBe(`curfew-check:${checkRequestSchema.parse(sentCheck.request().postDataJSON()).id}`)
  await expect(card.state).toHaveText(/^Checked tonight: absent at \d\d:\d\d, by you\. Possible breach$/)

  await expect(sergeant.alerts.getByText(new RegExp(`^Possible curfew breach: ${escape(name)} — absent at \\d\\d:\\d\\d, .+\\. Recorded by ${escape(firstName)} \\(${first}\\)$`))).toBeVisible()
  await expect(sergeant.coverageBreach(name)).toBeVisible()
  await expect(colleagueCard.state).toHaveText(new RegExp(`^Checked tonight: absent at \\d\\d:\\d\\d, by ${escape(firstName)} \\(${first}\\)\\. Possible breach$`))
})
