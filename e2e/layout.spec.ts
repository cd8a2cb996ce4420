/**
 * Every screen an officer uses fits the device's width: nothing makes the page wider than the
 * screen (on a phone that zooms the whole page out and puts content over the bottom navigation),
 * on each of the three viewports. A person's profile is included, since it gathers the most parts.
 * And a control reached with the keyboard is never hidden under the sticky header, the phone's
 * bottom bar or the alert banner (WCAG 2.2's "focus not obscured").
 */
import { z } from 'zod'
import { displayName, officerApi, unclaimedWantedPerson } from './api.ts'
import { expect, officerCollar, test } from './fixtures.ts'
import { PersonProfilePage, ReasonDialog } from './pages/briefing-profile-page.ts'

const screens = ['/', '/briefing', '/wanted', '/checks', '/notes', '/curfews', '/map', '/settings']

test('no screen is wider than the device', async ({ page, signIn }, testInfo) => {
  await signIn(officerCollar(testInfo, 'layout'))
  // Against the device's screen, not window.innerWidth: a phone widens its layout to fit the content.
  const screenWidth = page.viewportSize()!.width
  const overflow = async () => (await page.evaluate(() => document.documentElement.scrollWidth)) - screenWidth
  for (const path of screens) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    await expect.poll(overflow, { message: `${path} is wider than the screen` }).toBeLessThanOrEqual(0)
  }
  // A wanted person's profile (the demo force's first), opened with a reason.
  await page.goto('/people/person-000008')
  const reasons = new ReasonDialog(page)
  // The record opens once the sign-in's package is on the device: a download that is slow under load.
  await expect(reasons.dialog).toBeVisible({ timeout: 60_000 })
  await reasons.choose('Intelligence')
  await expect(new PersonProfilePage(page).wantedHeading).toBeVisible()
  await expect.poll(overflow, { message: 'a person profile is wider than the screen' }).toBeLessThanOrEqual(0)
})

test('a control reached with the keyboard is never hidden under the header, the bottom bar or an alert', async ({ page, signIn, playwright, baseURL }, testInfo) => {
  await signIn(officerCollar(testInfo, 'layout-focus'))
  await page.goto('/wanted')
  await expect(page.getByRole('heading', { level: 1, name: 'Wanted' })).toBeVisible()
  await expect(page.getByRole('article').first()).toBeVisible()
  await expect(page.getByText('Live updates on', { exact: true })).toBeVisible()

  // A colleague's claim puts an alert over the page while the officer moves through it.
  const colleague = await officerApi(playwright, baseURL, officerCollar(testInfo, 'layout-colleague'))
  const person = await unclaimedWantedPerson(colleague, testInfo, 1)
  const claimed = await colleague.post(`/api/wanted/${encodeURIComponent(person.personId)}/claim`, { data: {} })
  try {
    expect(claimed.status(), await claimed.text()).toBe(201)
    await expect(page.getByRole('region', { name: 'Alerts' })).toContainText(`is collecting ${displayName(person)}`)

    // Down the gallery from the top, through the filters and into the cards' buttons and links.
    const covered: string[] = []
    for (let step = 0; step < 45; step += 1) {
      await page.keyboard.press('Tab')
      // The focused control's middle is on screen and nothing lies over it.
      const hidden = await page.evaluate(() => {
        const focused = document.activeElement
        if (!(focused instanceof HTMLElement) || focused === document.body) return null
        const box = focused.getBoundingClientRect()
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
        if (top !== null && (focused === top || focused.contains(top))) return null
        const over = top?.closest('[aria-label], header, nav')?.getAttribute('aria-label') ?? top?.tagName ?? 'the edge of the screen'
        return `${focused.tagName} "${focused.innerText.slice(0, 40)}" under ${over}`
      })
      if (hidden !== null) covered.push(hidden)
    }
    expect(covered).toEqual([])
  } finally {
    if (claimed.ok()) {
      const { claim } = z.object({ claim: z.object({ id: z.string() }) }).parse(await claimed.json())
      await colleague.post(`/api/claims/${claim.id}/release`, { data: {} })
    }
    await colleague.dispose()
  }
})
