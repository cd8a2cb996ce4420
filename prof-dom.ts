import { chromium } from '@playwright/test'
import { PinSetupPage } from './e2e/pages/pin-setup-page.ts'
import { SignInPage } from './e2e/pages/sign-in-page.ts'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, baseURL: 'http://127.0.0.1:8920' })
await page.goto('/login')
await new SignInPage(page).signIn('1003', 'kestrel-demo')
const pin = new PinSetupPage(page)
await pin.heading.waitFor()
await pin.setPin('2468')
await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wanted', exact: true }).click()
await page.waitForTimeout(10000)
const counts = await page.evaluate(() => {
  const all = [...document.querySelectorAll('*')]
  const byTag: Record<string, number> = {}
  for (const e of all) byTag[e.tagName] = (byTag[e.tagName] ?? 0) + 1
  const top: Record<string, number> = {}
  for (const e of document.body.querySelectorAll('*')) {
    const sec = e.closest('main > *, nav, header, footer, aside')
    const k = sec ? sec.tagName + '.' + sec.className : 'other'
    top[k] = (top[k] ?? 0) + 1
  }
  return { total: all.length, byTag: Object.entries(byTag).sort((a, b) => b[1] - a[1]).slice(0, 12).map((x) => x.join(':')).join(' '), top: Object.entries(top).sort((a, b) => b[1] - a[1]).slice(0, 12).map((x) => x.join(':')).join(' | ') }
})
console.log(JSON.stringify(counts, null, 1))
const card = await page.locator('.wanted-card, article').first().evaluate((e) => e.outerHTML.length + ' ' + e.querySelectorAll('*').length)
console.log('card', card)
await browser.close()
