/**
 * Every screen an officer uses fits the device's width: nothing makes the page wider than the
 * screen (on a phone that zooms the whole page out and puts content over the bottom navigation),
 * on each of the three viewports. A person's profile is included, since it gathers the most parts.
 */
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
