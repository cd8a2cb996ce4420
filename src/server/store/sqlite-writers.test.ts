/**
 * The SQLite file is one server's, but other processes may write to it meanwhile (the import
 * command run while the server is up). A write of theirs must make the server wait its turn
 * (busy_timeout), never fail a request: a transaction that read before another connection's write
 * could not write afterwards (SQLITE_BUSY_SNAPSHOT, which was a 500). A writer that holds the
 * file for longer than the server waits gets the request a 503 over HTTP, and nothing half-written.
 */
import SQLite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { createTestStore, type TestStore } from '../testing/stores.ts'
import { appendAudit, appendAuditIn, verifyAuditChain } from './audit.ts'
import { isDatabaseUnavailable } from './db.ts'

describe('SQLite written by another connection meanwhile', () => {
  let test: TestStore | null = null
  afterEach(async () => {
    await test?.cleanup()
    test = null
  })

  it('a transaction holds the write lock from its start, so an audit append after a read cannot fail on a write made in between', async () => {
    test = await createTestStore('sqlite')
    const { store, config } = test
    if (config.kind !== 'sqlite') throw new Error('unreachable')
    const entry = { userId: null, collarNumber: '1001', action: 'consult', subjectKind: 'person-check', reasonCode: 'intelligence' }
    await appendAudit(store.db, store.dialect, entry)
    // Another process's connection; it does not wait here (timeout 0), where the import command would.
    const other = new SQLite(config.path, { timeout: 0 })
    try {
      let otherWrite: string | null = null
      await store.db.transaction().execute(async (trx) => {
        await trx.selectFrom('auditLog').select('id').execute()
        try {
          other.prepare("insert into store_meta (key, value) values ('written-by-another-process', '1')").run()
          otherWrite = 'stored'
        } catch (error) {
          otherWrite = (error as { code?: string }).code ?? 'failed'
        }
        await appendAuditIn(trx, store.dialect, { ...entry, opId: 'after-the-read' })
      })
      expect(otherWrite).toBe('SQLITE_BUSY')
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, records: 2 })
      // Once the transaction is over, the other writer's turn comes.
      other.prepare("insert into store_meta (key, value) values ('written-by-another-process', '1')").run()
    } finally {
      other.close()
    }
  })
})

describe('SQLite held by another writer for longer than the server waits', () => {
  let t: TestApp | null = null
  afterEach(async () => {
    await t?.close()
    t = null
  })

  it('a check answers 503 database_unavailable, records nothing, and goes through once the file is free', async () => {
    const { app, store, config, signIn } = (t = await createTestApp('sqlite'))
    if (config.store.kind !== 'sqlite') throw new Error('unreachable')
    const cookies = await signIn('1001')
    const check = () => app.inject({ method: 'POST', url: '/api/checks/person', cookies, payload: { surname: 'Smith', reason: { code: 'stop_account' } } })
    const audited = async () => (await store.db.selectFrom('auditLog').select('id').where('subjectKind', '=', 'person-check').execute()).length
    // Another process holds the write lock throughout (an import, say): past busy_timeout, the
    // server gives up waiting.
    const other = new SQLite(config.store.path)
    try {
      other.prepare('begin immediate').run()
      const refused = await check()
      expect(refused.statusCode).toBe(503)
      expect(refused.json()).toMatchObject({ error: { code: 'database_unavailable', message: expect.any(String) } })
      other.prepare('commit').run()
    } finally {
      other.close()
    }
    expect(await audited()).toBe(0)
    const answered = await check()
    expect(answered.statusCode).toBe(200)
    expect(await audited()).toBe(1)
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true })
  }, 30_000)
})

describe('isDatabaseUnavailable', () => {
  it('counts every kind of SQLite busy or locked as "try again shortly"', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('database is locked'), { code }))).toBe(true)
    }
  })

  it('does not count a broken constraint or a bad statement', () => {
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', '23505']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('no'), { code }))).toBe(false)
    }
  })
})
