/**
 * GET /api/config/map (who may ask, what it answers), the Content-Security-Policy that follows the
 * configured basemap, and a PMTiles archive served by Kestrel with range requests.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { basemapSchema } from '../../shared/api/map.ts'
import { defaultBasemap } from '../../shared/map-tiles.ts'
import { basemapConfigFrom } from '../config.ts'
import { collarFor, createTestApp, type TestApp } from '../testing/app.ts'
import { writeRasterArchive } from '../testing/pmtiles-archive.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-basemap-route-'))
const archivePath = path.join(dir, 'force area.pmtiles')
const archive = writeRasterArchive({ maxZoom: 8 })
fs.writeFileSync(archivePath, archive)
fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the web')

const apps: TestApp[] = []
afterAll(async () => {
  for (const t of apps) await t.close()
  fs.rmSync(dir, { recursive: true, force: true })
})
async function appWith(env: NodeJS.ProcessEnv): Promise<TestApp> {
  const t = await createTestApp('sqlite', { basemap: basemapConfigFrom(env) })
  apps.push(t)
  return t
}

function directive(csp: unknown, name: string): string[] {
  const found = String(csp).split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name)
  return found?.slice(1) ?? []
}

describe('GET /api/config/map', () => {
  it('tells officers, supervisors and analysts the default basemap; anonymous callers get 401 and admins 403', async () => {
    const t = await appWith({})
    for (const role of ['officer', 'supervisor', 'analyst'] as const) {
      const response = await t.app.inject({ method: 'GET', url: '/api/config/map', cookies: await t.signIn(collarFor(role)) })
      expect(response.statusCode, role).toBe(200)
      expect(basemapSchema.parse(response.json())).toEqual({ kind: 'xyz', url: defaultBasemap.url, attribution: defaultBasemap.attribution, maxZoom: 19 })
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/config/map' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } })
    const admin = await t.app.inject({ method: 'GET', url: '/api/config/map', cookies: await t.signIn(collarFor('admin')) })
    expect(admin.statusCode).toBe(403)
    expect(admin.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } })
    // Today's policy is kept: OpenStreetMap's tiles as images and for the service worker's fetches.
    const csp = (await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org'])
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://tile.openstreetmap.org'])
  })

  it('follows a configured tile server, and the CSP allows its origin instead of OpenStreetMap’s', async () => {
    const t = await appWith({ MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Example', MAP_TILE_MAX_ZOOM: '18' })
    const response = await t.app.inject({ method: 'GET', url: '/api/config/map', cookies: await t.signIn(collarFor('officer')) })
    expect(response.json()).toEqual({ kind: 'xyz', url: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example', maxZoom: 18 })
    const csp = response.headers['content-security-policy']
    expect(directive(csp, 'img-src')).toContain('https://*.tiles.example.org')
    expect(directive(csp, 'connect-src')).toContain('https://*.tiles.example.org')
    expect(String(csp)).not.toContain('openstreetmap')
  })

  it('names a PMTiles archive on another host, allowed in connect-src only', async () => {
    const t = await appWith({ MAP_PMTILES_URL: 'https://maps.force.example/area.pmtiles' })
    const response = await t.app.inject({ method: 'GET', url: '/api/config/map', cookies: await t.signIn(collarFor('analyst')) })
    expect(response.json()).toEqual({ kind: 'pmtiles', url: 'https://maps.force.example/area.pmtiles', attribution: defaultBasemap.attribution, maxZoom: 19, bytes: null, version: null })
    const csp = response.headers['content-security-policy']
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://maps.force.example'])
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'data:', 'blob:'])
  })

  it('serves its own PMTiles file with range requests, its size and a version that changes with the file, and nothing else of its folder', async () => {
    const t = await appWith({ MAP_PMTILES_PATH: archivePath })
    const cookies = await t.signIn(collarFor('officer'))
    const answer = basemapSchema.parse((await t.app.inject({ method: 'GET', url: '/api/config/map', cookies })).json())
    expect(answer).toMatchObject({ kind: 'pmtiles', url: '/basemap/force%20area.pmtiles', bytes: archive.length, version: expect.any(String) })
    const csp = (await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']
    expect(directive(csp, 'connect-src')).toEqual(["'self'"])

    // The archive is public like the app shell: a reader asks for its header with a range.
    const header = await t.app.inject({ method: 'GET', url: answer.url, headers: { range: 'bytes=0-126' } })
    expect(header.statusCode).toBe(206)
    expect(header.headers['content-range']).toBe(`bytes 0-126/${archive.length}`)
    expect(header.rawPayload.equals(archive.subarray(0, 127))).toBe(true)
    const whole = await t.app.inject({ method: 'GET', url: answer.url })
    expect(whole.statusCode).toBe(200)
    expect(whole.rawPayload.equals(archive)).toBe(true)
    expect(whole.headers['cache-control']).toBe('no-cache')

    for (const url of ['/basemap/secret.txt', '/basemap/', '/basemap/..%2Fsecret.txt']) {
      const refused = await t.app.inject({ method: 'GET', url })
      expect(refused.statusCode, url).toBe(404)
      expect(refused.json(), url).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
    }

    // A force replaces the file: the version changes, so devices know their download is old.
    const replaced = writeRasterArchive({ maxZoom: 9 })
    fs.writeFileSync(archivePath, replaced)
    fs.utimesSync(archivePath, new Date(), new Date(Date.now() + 5_000))
    const after = basemapSchema.parse((await t.app.inject({ method: 'GET', url: '/api/config/map', cookies })).json())
    expect(after).toMatchObject({ bytes: replaced.length })
    expect(after.kind === 'pmtiles' && after.version).not.toBe(answer.kind === 'pmtiles' && answer.version)
  })
})
