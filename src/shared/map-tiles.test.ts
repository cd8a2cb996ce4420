/** Tile URL templates: what the server accepts, the CSP source it allows, the URLs the service worker caches. */
import { describe, expect, it } from 'vitest'
import { defaultBasemap, tileSource, tileTemplateProblem, tileUrlPattern } from './map-tiles.ts'

describe('tile URL templates', () => {
  it('accepts OpenStreetMap’s, subdomains, TMS rows, retina and query keys', () => {
    for (const template of [
      defaultBasemap.url,
      'https://{s}.tiles.example.org/base/{z}/{x}/{y}{r}.png',
      'https://tiles.example.org/{z}/{x}/{-y}.jpg?key=abc',
      'http://127.0.0.1:9000/{z}/{x}/{y}.png',
    ]) expect(tileTemplateProblem(template), template).toBeNull()
  })

  it('says what is wrong with a template', () => {
    expect(tileTemplateProblem('https://tiles.example.org/{z}/{x}.png')).toMatch(/\{z\}, \{x\} and \{y\}/)
    expect(tileTemplateProblem('https://tiles.example.org/{z}/{x}/{y}/{style}.png')).toMatch(/\{style\}/)
    expect(tileTemplateProblem('/tiles/{z}/{x}/{y}.png')).toMatch(/absolute URL/)
    expect(tileTemplateProblem('http://tiles.example.org/{z}/{x}/{y}.png')).toMatch(/https/)
    expect(tileTemplateProblem('https://tiles.{s}.example.org/{z}/{x}/{y}.png')).toMatch(/first part of the host/)
    expect(tileTemplateProblem('https://user:pw@tiles.example.org/{z}/{x}/{y}.png')).toMatch(/password/)
  })

  it('gives the CSP source: the origin, with a subdomain as a wildcard', () => {
    expect(tileSource(defaultBasemap.url)).toBe('https://tile.openstreetmap.org')
    expect(tileSource('https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png')).toBe('https://*.tiles.example.org:8443')
  })

  it('matches exactly the tile URLs the template makes', () => {
    const osm = tileUrlPattern(defaultBasemap.url)
    expect(osm.test('https://tile.openstreetmap.org/13/4050/2690.png')).toBe(true)
    expect(osm.test('https://tile.openstreetmap.org/13/4050/2690.png?x=1')).toBe(false)
    expect(osm.test('https://tile.openstreetmap.org/copyright')).toBe(false)
    expect(osm.test('https://evil.example/https://tile.openstreetmap.org/1/1/1.png')).toBe(false)
    const sub = tileUrlPattern('https://{s}.tiles.example.org/{z}/{x}/{-y}{r}.png?key=a.b')
    expect(sub.test('https://b.tiles.example.org/3/4/5@2x.png?key=a.b')).toBe(true)
    expect(sub.test('https://b.tiles.example.org/3/4/5.png?key=a.b')).toBe(true)
    expect(sub.test('https://b.tiles.example.org/3/4/5.png?key=aXb')).toBe(false)
  })
})
