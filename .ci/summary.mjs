// Prints the one closing line CI reads, "N passed, N failed", from the Vitest and Playwright JSON
// reports. A run that failed before any test ran (install, lint, type-check) counts as one failure.
import fs from 'node:fs'

const status = Number(process.argv[2] ?? 0)
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null)
let passed = 0
let failed = 0
let skipped = 0
const vitest = read('test-results/vitest.json')
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0)
  console.log(`unit and integration (Vitest): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`)
}
const playwright = read('test-results/playwright.json')
if (playwright) {
  const s = playwright.stats
  passed += s.expected
  failed += s.unexpected + s.flaky
  skipped += s.skipped
  console.log(`end-to-end (Playwright): ${s.expected} passed, ${s.unexpected + s.flaky} failed`)
}
if (status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
