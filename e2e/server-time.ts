/**
 * For tests that move the device's clock to stand for time passing (`clock.install`,
 * `clock.fastForward`): the app takes the time from the `Date` header of each API answer
 * (src/client/lib/server-clock.ts), so on its own it would undo the move. Here the server's answers
 * carry the device's time instead, as if the server's clock had moved with it. Sign-in answers,
 * photos and documents, and the event stream are left as they are: the app reads the time from its
 * API client's answers only (a sign-in's is set right by the next answer), and passing a package's
 * thousand photos through the test would only slow it.
 */
import type { BrowserContext } from '@playwright/test'

export async function serverTimeFollowsDevice(context: BrowserContext, deviceNow: () => number): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith('/api/') && !/^\/api\/(auth|media)\//.test(url.pathname) && url.pathname !== '/api/events',
    async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, headers: { ...response.headers(), date: new Date(deviceNow()).toUTCString() } })
    },
  )
}
