/**
 * The page the device benchmark loads in Chromium (bench/checks-device.ts builds it with Vite):
 * the app's own Dexie database class and schema, filled the way sync fills it (each person with
 * `withMatchFields`), and the app's own offline person check, `deviceCheckPerson`.
 */
import type { PersonRecord } from '../src/shared/api/intel.ts'
import { pickCandidates, queryMatchKeys, rankCandidates, RESULT_LIMIT, type PersonQuery } from '../src/shared/matching/index.ts'
import { dexiePersonIndex, deviceCheckPerson } from '../src/client/features/checks/offline-check.ts'
import { db } from '../src/client/lib/database.ts'
import { withMatchFields } from '../src/client/lib/person-match-keys.ts'

export type DeviceBench = {
  clear: () => Promise<void>
  fill: (people: PersonRecord[]) => Promise<number>
  count: () => Promise<number>
  run: (queries: PersonQuery[]) => Promise<{ ms: number[]; results: { ids: string[]; scores: number[] }[] }>
  /** Where a check's time goes: the same steps as person-search.ts, timed one by one. */
  stages: (queries: PersonQuery[]) => Promise<{ hits: number; keys: number; pick: number; load: number; rank: number }[]>
}

const bench: DeviceBench = {
  clear: async () => {
    await db.people.clear()
  },
  fill: async (people) => {
    const started = performance.now()
    await db.transaction('rw', db.people, () => db.people.bulkPut(people.map(withMatchFields)))
    return performance.now() - started
  },
  count: () => db.people.count(),
  run: async (queries) => {
    const ms: number[] = []
    const results: { ids: string[]; scores: number[] }[] = []
    for (const query of queries) {
      const started = performance.now()
      const candidates = await deviceCheckPerson(query)
      ms.push(performance.now() - started)
      results.push({ ids: candidates.map((c) => c.personId), scores: candidates.map((c) => c.score) })
    }
    return { ms, results }
  },
  stages: async (queries) => {
    const index = dexiePersonIndex(db)
    const out = []
    for (const query of queries) {
      const t0 = performance.now()
      const lookup = queryMatchKeys(query)
      const hits = await index.keyHits(lookup.keys, lookup.years)
      const t1 = performance.now()
      const ids = pickCandidates(hits, lookup)
      const t2 = performance.now()
      const people = await index.people(ids)
      const t3 = performance.now()
      rankCandidates(query, people, RESULT_LIMIT)
      const t4 = performance.now()
      out.push({ hits: hits.length, keys: t1 - t0, pick: t2 - t1, load: t3 - t2, rank: t4 - t3 })
    }
    return out
  },
}

Object.assign(window, { kestrelBench: bench })
document.title = 'ready'
