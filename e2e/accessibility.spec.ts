/**
 * WCAG 2.2 AA on every screen an officer uses (issue 10): axe-core finds no serious or critical
 * violation, in the day and the night theme, on each of the three viewports. A person's profile is
 * included, since it gathers the most parts.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, officerCollar, test } from './fixtures.ts'
import { PersonProfilePage, ReasonDialog } from './pages/briefing-profile-page.ts'

const screens = ['/', '/briefing', '/wanted', '/checks', '/notes', '/curfews', '/map', '/settings']

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations on any screen, ${theme === 'light' ? 'day' : 'night'} theme`, async ({ page, signIn }, testInfo) => {
    // Eleven axe runs over full screens (the crime map's thousands of cells among them): minutes on
    // a loaded 2-core machine.
    test.setTimeout(300_000)
    await page.emulateMedia({ colorScheme: theme })
    await signIn(officerCollar(testInfo, 'accessibility'))
    for (const path of screens) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
      expect(await seriousViolations(page), path).toEqual([])
    }
    await page.goto('/people/person-000008')
    const reasons = new ReasonDialog(page)
    await expect(reasons.dialog).toBeVisible()
    expect(await seriousViolations(page), 'the reason dialog').toEqual([])
    await reasons.choose('Intelligence')
    await expect(new PersonProfilePage(page).wantedHeading).toBeVisible()
    expect(await seriousViolations(page), 'a person profile').toEqual([])
  })
}
