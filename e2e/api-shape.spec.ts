/** The HTTP surface: error shape, the client-route fallback, security headers, manifest, OpenAPI. */
import { apiErrorSchema } from '../src/shared/api/errors.ts'
import { expect, test } from './fixtures.ts'

test('an unknown API path is a 404 in the JSON error shape', async ({ request }) => {
  for (const path of ['/api/xyz', '/api/nope']) {
    const response = await request.get(path, { headers: { Accept: 'text/html' } })
    expect(response.status()).toBe(404)
    expect(response.headers()['content-type']).toMatch(/^application\/json/)
    const { error } = apiErrorSchema.parse(await response.json())
    expect(error.code).toBe('not_found')
  }
})

test('client routes are served the app shell, API paths never are', async ({ request }) => {
  const settings = await request.get('/settings', { headers: { Accept: 'text/html' } })
  expect(settings.status()).toBe(200)
  expect(settings.headers()['content-type']).toMatch(/^text\/html/)
  expect(await settings.text()).toContain('<div id="root">')

  const api = await request.get('/api/nope', { headers: { Accept: 'text/html' } })
  expect(api.headers()['content-type']).not.toMatch(/html/)
})

test('security headers are set on pages and API answers', async ({ request }) => {
  for (const path of ['/', '/api/health']) {
    const headers = (await request.get(path)).headers()
    expect(headers['x-content-type-options']).toBe('nosniff')
    const csp = headers['content-security-policy']
    expect(csp, `Content-Security-Policy on ${path}`).toBeTruthy()
    const directives = new Map(
      (csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name.toLowerCase(), values]),
    )
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src')
    expect(scriptSrc, 'script-src or default-src').toBeDefined()
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc).not.toContain("'unsafe-eval'")
  }
})

test('the web app manifest has 192, 512 and maskable icons', async ({ request }) => {
  const html = await (await request.get('/')).text()
  const href = /<link[^>]+rel="manifest"[^>]*href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]*rel="manifest"/.exec(html)
  const manifestPath = href?.[1] ?? href?.[2]
  expect(manifestPath, 'a <link rel="manifest"> in index.html').toBeDefined()
  const response = await request.get(new URL(manifestPath ?? '', 'http://host/').pathname)
  expect(response.status()).toBe(200)
  const manifest = (await response.json()) as { name?: string; start_url?: string; display?: string; icons?: { sizes?: string; purpose?: string; src?: string }[] }
  expect(manifest.name).toBeTruthy()
  expect(manifest.display).toBe('standalone')
  const icons = manifest.icons ?? []
  const sizes = icons.flatMap((icon) => (icon.sizes ?? '').split(/\s+/))
  expect(sizes).toContain('192x192')
  expect(sizes).toContain('512x512')
  expect(icons.some((icon) => (icon.purpose ?? '').split(/\s+/).includes('maskable'))).toBe(true)
  for (const icon of icons) {
    const image = await request.get(new URL(icon.src ?? '', new URL(manifestPath ?? '', 'http://host/')).pathname)
    expect(image.status(), `icon ${icon.src}`).toBe(200)
  }
})

test('the OpenAPI document describes the API', async ({ request }) => {
  const response = await request.get('/api/openapi.json')
  expect(response.status()).toBe(200)
  const doc = (await response.json()) as { openapi?: string; paths?: Record<string, unknown> }
  expect(doc.openapi).toMatch(/^3\./)
  expect(Object.keys(doc.paths ?? {})).toContain('/api/auth/login')
})
