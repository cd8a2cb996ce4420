/** The API's conventions: one error shape for every kind of bad input, headers, OpenAPI, health. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './testing/app.ts'

describe('API conventions', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite')
  })
  afterAll(() => t.close())

  const expectError = (response: { statusCode: number; json(): unknown }, status: number, code: string) => {
    expect(response.statusCode).toBe(status)
    expect(response.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) })
  }

  it('reports health and which database it runs on', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(response.json()).toEqual({ status: 'ok', db: 'sqlite' })
  })

  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"collarNumber": "1001",' })
    expectError(response, 400, 'invalid_json')
  })

  it('names the field for wrong types, missing fields and unknown fields', async () => {
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber: 1001, password: 'x' } })
    expectError(wrongType, 400, 'invalid_request')
    expect(wrongType.json().error.message).toContain('collarNumber')
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber: '1001' } })
    expectError(missing, 400, 'invalid_request')
    expect(missing.json().error.message).toContain('password')
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber: '1001', password: 'x', admin: true } })
    expectError(unknown, 400, 'invalid_request')
    expect(unknown.json().error.message).toContain('admin')
  })

  it('answers an oversized body with 413 and a non-JSON body with 415', async () => {
    const big = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { collarNumber: '1001', password: 'x'.repeat(2 * 1024 * 1024) } })
    expectError(big, 413, 'payload_too_large')
    const xml = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' })
    expectError(xml, 415, 'unsupported_media_type')
  })

  it('answers unknown API paths with a JSON 404, never the app shell', async () => {
    for (const url of ['/api/nope', '/api/', '/api/auth/nope?x=1']) {
      const response = await t.app.inject({ method: 'GET', url })
      expectError(response, 404, 'not_found')
    }
    expectError(await t.app.inject({ method: 'DELETE', url: '/api/me' }), 404, 'not_found')
  })

  it('refuses state-changing requests from another origin', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, payload: { collarNumber: '1001', password: 'kestrel-demo' },
    })
    expectError(response, 403, 'cross_origin')
    const sameOrigin = await t.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { origin: 'http://localhost:8080', host: 'localhost:8080' }, payload: { collarNumber: '1001', password: 'kestrel-demo' },
    })
    expect(sameOrigin.statusCode).toBe(200)
  })

  it('sends security headers with a strict script policy on every response', async () => {
    for (const url of ['/api/health', '/api/nope']) {
      const response = await t.app.inject({ method: 'GET', url })
      const csp = String(response.headers['content-security-policy'])
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))
      expect(scriptSrc).toBe("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain('https://tile.openstreetmap.org')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['referrer-policy']).toBe('no-referrer')
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/)
    }
  })

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const doc = response.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/health', '/api/admin/users/{collarNumber}/revoke']))
    const loginBody = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema
    expect(loginBody.required).toEqual(expect.arrayContaining(['collarNumber', 'password']))
  })
})

describe('the app shell for deep links', () => {
  let t: TestApp
  let clientDir: string
  const shell = `<!doctype html><html lang="en-GB"><head><title>Kestrel</title></head><body>${'<div>shell</div>'.repeat(200)}</body></html>`
  beforeAll(async () => {
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-client-'))
    fs.writeFileSync(path.join(clientDir, 'index.html'), shell)
    t = await createTestApp('sqlite', { clientDir })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(clientDir, { recursive: true, force: true })
  })

  it('sends index.html gzipped to a browser that accepts gzip, with an ETag that revalidates', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/briefing', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(zlib.gunzipSync(response.rawPayload).toString()).toBe(shell)
    for (const encoding of ['*', 'br, gzip;q=0.5', 'GZIP', 'deflate, *;q=0.1']) {
      const accepted = await t.app.inject({ method: 'GET', url: '/briefing', headers: { 'accept-encoding': encoding } })
      expect(accepted.headers['content-encoding'], encoding).toBe('gzip')
    }
    const etag = String(response.headers.etag)
    const again = await t.app.inject({ method: 'GET', url: '/login', headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.rawPayload.length).toBe(0)
  })

  it('sends it plain to a client that does not accept gzip, and serves a rebuilt file at once', async () => {
    for (const encoding of [undefined, 'identity', 'gzip;q=0', '*;q=0', 'br']) {
      const response = await t.app.inject({ method: 'GET', url: '/wanted', headers: encoding ? { 'accept-encoding': encoding } : {} })
      expect(response.headers['content-encoding']).toBeUndefined()
      expect(response.body).toBe(shell)
    }
    const rebuilt = shell.replace('Kestrel', 'Kestrel 2')
    fs.writeFileSync(path.join(clientDir, 'index.html'), rebuilt)
    fs.utimesSync(path.join(clientDir, 'index.html'), new Date(), new Date(Date.now() + 5_000))
    expect((await t.app.inject({ method: 'GET', url: '/wanted' })).body).toBe(rebuilt)
  })

  it('still answers unknown API paths and files with a JSON 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/nope' })).json().error.code).toBe('not_found')
    expect((await t.app.inject({ method: 'GET', url: '/missing.js' })).json().error.code).toBe('not_found')
  })
})
