/**
 * The end-to-end suite: real Chromium against the real server (e2e/serve.ts) on a temporary seeded
 * database, on the three screens officers use: a phone, the in-vehicle tablet and the station
 * terminal. Flaky tests are fixed, never retried.
 */
import fs from 'node:fs'
import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 8787)
const baseURL = `http://127.0.0.1:${port}`
const ci = Boolean(process.env.CI)

// The machine's Chromium; on a laptop without it Playwright's own browser is used.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const executablePath = fs.existsSync(chromiumPath) ? chromiumPath : undefined

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: ci,
  retries: 0,
  workers: ci ? 2 : undefined,
  // Two cores here; argon2 on the server and PBKDF2 in the page make a sign-in take seconds.
  // Each officer sign-in also downloads the briefing package and its ~1,000 photos and documents.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // Playwright empties its output folder at start: keep it apart from test-results/, where Vitest's
  // report (read by .ci/summary.mjs) already lies.
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // A fake microphone (a beep) that needs no permission prompt, for recording notes.
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
      ],
    },
  },
  projects: [
    { name: 'phone', use: { browserName: 'chromium', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
    { name: 'tablet', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 }, hasTouch: true } },
    { name: 'terminal', use: { browserName: 'chromium', viewport: { width: 1920, height: 1080 } } },
  ],
  webServer: {
    command: 'node --import tsx e2e/serve.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: !ci,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets serve.ts close the server and delete its temporary database.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      // Every test signs in from this one address.
      LOGIN_RATE_LIMIT: '10000',
    },
  },
})
