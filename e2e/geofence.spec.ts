/**
 * Geofence voice prompts end to end: an officer turns Patrol mode on and drives, with
 * `context.setGeolocation`, through the last known location of a wanted person of the demo seed;
 * Kestrel says exactly the expected sentences, in order, once each, never two at a time, shows the
 * banner, and keeps the prompt in the officer's prompt history.
 *
 * Speech is stubbed by an init script (headless Chromium has no voices): it offers one en-GB voice,
 * records each utterance, ends it shortly after, and notes any utterance started over another.
 * Time is Playwright's clock, moved on 5 s between fixes, so the route is driven at 20 m/s (the
 * engine ignores fixes implying more than 70 m/s) without the test waiting for real time.
 */
import { expect, officerCollar, test } from './fixtures.ts'
import { PatrolMode } from './pages/patrol-mode.ts'

/**
 * The demo seed's planted wanted John Smith (person-000002, priority 1, no warning markers): last
 * known on Mill Road, Northfield. The nearest other wanted person's place is 790 m away, and no
 * rising crime cell lies within 3 km, so the route below meets his fence and no other.
 */
const johnSmith = { lat: 52.417366, lng: -1.961994 }
const metresPerDegree = (6_371_008.8 * Math.PI) / 180

function north(metres: number): { latitude: number; longitude: number } {
  return { latitude: johnSmith.lat + metres / metresPerDegree, longitude: johnSmith.lng }
}

/** From 700 m north of his last known location to 400 m south of it, 100 m a fix. */
const route = Array.from({ length: 12 }, (_, i) => north(700 - i * 100))
const secondsBetweenFixes = 5

type SpeechRecord = { spoken: { text: string; lang: string }[]; overlaps: number }

test('driving through a wanted person’s haunt speaks one prompt, once, and logs it', async ({ page, context, signIn, appShell }, testInfo) => {
  await context.grantPermissions(['geolocation'])
  await context.setGeolocation({ ...route[0]!, accuracy: 30 })
  await page.addInitScript(() => {
    const record: { spoken: { text: string; lang: string }[]; overlaps: number } = { spoken: [], overlaps: 0 }
    Object.assign(window, { speechRecord: record })
    const voice = { name: 'Test British English', lang: 'en-GB', default: true, localService: true, voiceURI: 'test-en-GB' }
    class RecordedUtterance extends EventTarget {
      text: string
      lang = ''
      voice: unknown = null
      volume = 1
      rate = 1
      pitch = 1
      onend: ((event: Event) => void) | null = null
      onerror: ((event: Event) => void) | null = null
      constructor(text?: string) {
        super()
        this.text = text ?? ''
      }
    }
    let speaking = false
    const synthesis = {
      get speaking() {
        return speaking
      },
      pending: false,
      paused: false,
      onvoiceschanged: null,
      getVoices: () => [voice],
      speak(utterance: RecordedUtterance) {
        if (speaking) record.overlaps += 1
        record.spoken.push({ text: utterance.text, lang: utterance.lang })
        speaking = true
        setTimeout(() => {
          speaking = false
          utterance.onend?.(new Event('end'))
        }, 200)
      },
      cancel() {
        speaking = false
      },
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    }
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true })
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: RecordedUtterance, configurable: true })
  })
  await page.clock.install()
  const speech = () => page.evaluate(() => (window as unknown as { speechRecord: SpeechRecord }).speechRecord)

  await signIn(officerCollar(testInfo, 'geofence-patrol'))
  const patrol = new PatrolMode(page)
  await expect(patrol.switch).toHaveAttribute('aria-pressed', 'false')
  await patrol.switch.click()
  await expect(patrol.switch).toHaveAttribute('aria-pressed', 'true')
  await expect(patrol.onScreenNote).toBeVisible()
  // The fences are built on the device from the synced package.
  await expect(patrol.watching()).toBeVisible({ timeout: 60_000 })
  await expect(patrol.positionTaken(30)).toBeVisible()

  for (const [i, point] of route.entries()) {
    await page.clock.fastForward(secondsBetweenFixes * 1000)
    // A different accuracy each fix, so the bar shows when this one has been taken in.
    const accuracy = 8 + i
    await context.setGeolocation({ ...point, accuracy })
    await expect(patrol.positionTaken(accuracy)).toBeVisible()
  }

  const sentence = 'Caution: you are entering an area frequented by John Smith, wanted, priority one.'
  await expect(patrol.banner).toContainText(sentence)
  await expect(patrol.banner.getByRole('link', { name: 'Open John Smith' })).toHaveAttribute('href', '/people/person-000002')
  await expect.poll(speech).toEqual({
    spoken: [
      { text: 'Patrol mode on.', lang: 'en-GB' },
      { text: sentence, lang: 'en-GB' },
    ],
    overlaps: 0,
  })

  // Back through the same place within the quiet period: nothing more is said.
  for (const [i, point] of [...route].reverse().entries()) {
    await page.clock.fastForward(secondsBetweenFixes * 1000)
    const accuracy = 30 + i
    await context.setGeolocation({ ...point, accuracy })
    await expect(patrol.positionTaken(accuracy)).toBeVisible()
  }
  expect((await speech()).spoken.map((utterance) => utterance.text)).toEqual(['Patrol mode on.', sentence])

  await appShell.goTo('Settings')
  await expect(patrol.history.getByRole('listitem')).toHaveCount(1)
  await expect(patrol.history.getByRole('listitem')).toContainText(sentence)
  await expect(patrol.history.getByRole('listitem')).toContainText('Spoken')
})
