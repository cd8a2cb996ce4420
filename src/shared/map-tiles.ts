/**
 * The basemap under every Kestrel map, as the server is configured (src/server/config.ts) and the
 * device is told (`GET /api/config/map`): either an XYZ tile server (a URL template such as
 * OpenStreetMap's, the default) or one PMTiles archive that the force hosts for full offline use.
 *
 * Pure functions both sides need: checking a tile URL template, the Content-Security-Policy sources
 * a template needs (the server's headers), and a pattern matching the template's tile URLs (the
 * service worker caches only those).
 */
import type { Basemap } from './api/map.ts'

/** OpenStreetMap's standard tiles with the attribution their licence asks for: the default basemap. */
export const defaultBasemap = {
  kind: 'xyz',
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  maxZoom: 19,
} as const satisfies Basemap

/** Hosts allowed to serve tiles over plain http (a tile server on the same machine, in development and tests). */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The placeholders Leaflet fills in a tile URL: `{s}` subdomain, `{z}`, `{x}`, `{y}` or `{-y}` (TMS), `{r}` retina suffix. */
const placeholder = /\{([^{}]*)\}/g
const knownPlaceholders = new Set(['s', 'z', 'x', 'y', '-y', 'r'])

/** Replaces placeholders with sample values so the template can be parsed as a URL. */
function sampleUrl(template: string): string {
  return template.replace(placeholder, (_whole, name: string) => (name === 's' ? 'a' : name === 'r' ? '' : '0'))
}

/**
 * What is wrong with an XYZ tile URL template, in words for whoever configures the server, or null
 * when it is usable: an absolute https URL (http only on this machine), with `{z}`, `{x}` and `{y}`
 * (or `{-y}`), no unknown placeholder, and `{s}` only as the first label of the host.
 */
export function tileTemplateProblem(template: string): string | null {
  const names = [...template.matchAll(placeholder)].map((match) => match[1] ?? '')
  const unknown = names.find((name) => !knownPlaceholders.has(name))
  if (unknown !== undefined) return `has the placeholder {${unknown}}; only {s}, {z}, {x}, {y}, {-y} and {r} are filled in`
  if (!names.includes('z') || !names.includes('x') || !(names.includes('y') || names.includes('-y'))) return 'must contain {z}, {x} and {y} (or {-y})'
  let url: URL
  try {
    url = new URL(sampleUrl(template))
  } catch {
    return 'is not an absolute URL'
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname))) return 'must be an https:// URL'
  if (url.username || url.password) return 'must not carry a user name or password'
  const host = template.slice(template.indexOf('//') + 2).split(/[/:?#]/)[0] ?? ''
  if (host.includes('{') && !/^\{s\}\.[^{}]+$/.test(host)) return 'may have {s} only as the first part of the host name ({s}.tile.example.org)'
  return null
}

/** The origin of an absolute https (or loopback http) URL, or null when it is not one. */
export function httpOrigin(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname))) return null
    return parsed.origin
  } catch {
    return null
  }
}

/**
 * The Content-Security-Policy source a tile template's requests come from: its origin, with a
 * `{s}` subdomain as a wildcard (`https://*.tile.example.org`). Assumes a valid template.
 */
export function tileSource(template: string): string {
  const origin = new URL(sampleUrl(template)).origin
  return template.includes('{s}') ? origin.replace('//a.', '//*.') : origin
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A pattern matching exactly the tile URLs a template makes (any subdomain, zoom and tile). */
export function tileUrlPattern(template: string): RegExp {
  let source = ''
  let last = 0
  for (const match of template.matchAll(placeholder)) {
    source += escapeRegExp(template.slice(last, match.index))
    const name = match[1]
    source += name === 's' ? '[a-z0-9-]+' : name === 'r' ? '(?:@2x)?' : '\\d+'
    last = match.index + match[0].length
  }
  source += escapeRegExp(template.slice(last))
  return new RegExp(`^${source}$`, 'i')
}

/** Where the device stores a downloaded PMTiles archive (Cache Storage), answered by the service worker. */
export const basemapCacheName = 'kestrel-basemap'

/**
 * The entry of `basemapCacheName` that holds the basemap as JSON, written by the page when the
 * server tells it (lib/basemap.ts) and read by the service worker to know which requests are tiles.
 * Never requested over the network.
 */
export const basemapConfigPath = '/kestrel-basemap-config.json'
