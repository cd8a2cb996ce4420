/**
 * The event log's ids become visible in order, so a reader that follows it by id ("everything after
 * the last id I saw", as the hub and a reconnecting stream do) never moves past an event that
 * commits later. On PostgreSQL two transactions can hold ids at once: the later one must not
 * become visible before the earlier one commits. (SQLite runs one connection per process and one
 * writer per database, so there the order holds by construction.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendEvent, eventsAfter } from './event-log.ts'
import { createTestStore, type TestStore } from '../testing/stores.ts'

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('event log order [postgres]', () => {
  let t: TestStore
  beforeAll(async () => {
    t = await createTestStore('postgres')
  })
  afterAll(async () => {
    await t.cleanup()
  })

  it('never shows a reader a later event while an earlier one is still being written', async () => {
    const { db, dialect } = t.store
    const event = (n: number) => ({ type: 'test.event', personId: null, audience: 'all' as const, body: { n } })
    let finishFirst!: () => void
    const firstHeld = new Promise<void>((resolve) => { finishFirst = resolve })
    let firstAppended!: (id: number) => void
    const appended = new Promise<number>((resolve) => { firstAppended = resolve })
    const first = db.transaction().execute(async (trx) => {
      firstAppended(await appendEvent(trx, dialect, event(1)))
      await firstHeld
    })
    const firstId = await appended
    const second = db.transaction().execute((trx) => appendEvent(trx, dialect, event(2)))
    // Time for the second write to commit, were it allowed to.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await eventsAfter(db, 0)).filter((e) => e.id > firstId), 'visible past the open transaction\'s event').toEqual([])
    finishFirst()
    await first
    const secondId = await second
    expect(secondId).toBeGreaterThan(firstId)
    expect((await eventsAfter(db, 0)).map((e) => e.id)).toEqual([firstId, secondId])
  })
})
