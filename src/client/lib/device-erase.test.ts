import { describe, expect, it } from 'vitest'
import { isErasableCacheName, isKestrelDatabaseName } from './device-erase.ts'

describe('isErasableCacheName', () => {
  it('keeps the workbox app-shell precache', () => {
    expect(isErasableCacheName('workbox-precache-v2-http://127.0.0.1:8080/')).toBe(false)
  })

  it('erases runtime caches, ours and any other', () => {
    expect(isErasableCacheName('kestrel-photos')).toBe(true)
    expect(isErasableCacheName('kestrel-tiles')).toBe(true)
    expect(isErasableCacheName('workbox-runtime-http://127.0.0.1:8080/')).toBe(true)
  })
})

describe('isKestrelDatabaseName', () => {
  it('matches the kestrel database and databases named after it', () => {
    expect(isKestrelDatabaseName('kestrel')).toBe(true)
    expect(isKestrelDatabaseName('kestrel-outbox')).toBe(true)
    expect(isKestrelDatabaseName('kestrelish')).toBe(false)
    expect(isKestrelDatabaseName('other')).toBe(false)
  })
})
