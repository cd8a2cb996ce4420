/** The basemap settings: OpenStreetMap by default, and every mistake a clear start-up error. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultBasemap } from '../shared/map-tiles.ts'
import { basemapConfigFrom, loadConfig } from './config.ts'
import { writeRasterArchive } from './testing/pmtiles-archive.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-basemap-config-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const archive = path.join(dir, 'west-midlands.pmtiles')
fs.writeFileSync(archive, writeRasterArchive({ maxZoom: 6 }))

describe('basemap configuration', () => {
  it('is OpenStreetMap’s standard tiles with their attribution when nothing is set', () => {
    expect(loadConfig({}).basemap).toEqual({ kind: 'xyz', url: defaultBasemap.url, attribution: defaultBasemap.attribution, maxZoom: 19 })
  })

  it('takes a tile server with its attribution and zoom', () => {
    expect(basemapConfigFrom({
      MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Example', MAP_TILE_MAX_ZOOM: '17',
    })).toEqual({ kind: 'xyz', url: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example', maxZoom: 17 })
  })

  it('takes a PMTiles archive at a URL or in a file it serves at /basemap/<file name>', () => {
    expect(basemapConfigFrom({ MAP_PMTILES_URL: 'https://maps.force.example/area.pmtiles' }))
      .toEqual({ kind: 'pmtiles', url: 'https://maps.force.example/area.pmtiles', attribution: defaultBasemap.attribution, maxZoom: 19, file: null })
    expect(basemapConfigFrom({ MAP_PMTILES_PATH: archive, MAP_TILE_ATTRIBUTION: '© Protomaps © OpenStreetMap' }))
      .toEqual({ kind: 'pmtiles', url: '/basemap/west-midlands.pmtiles', attribution: '© Protomaps © OpenStreetMap', maxZoom: 19, file: archive })
  })

  it('refuses to start with a broken setting, naming the variable and what to fix', () => {
    const notArchive = path.join(dir, 'notes.txt')
    fs.writeFileSync(notArchive, 'not a map at all')
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}.png', MAP_TILE_ATTRIBUTION: 'x' }, /^MAP_TILE_URL must contain \{z\}, \{x\} and \{y\}/],
      [{ MAP_TILE_URL: 'http://tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'x' }, /^MAP_TILE_URL must be an https:\/\/ URL/],
      [{ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' }, /^MAP_TILE_ATTRIBUTION is required with MAP_TILE_URL/],
      [{ MAP_TILE_MAX_ZOOM: '30' }, /^MAP_TILE_MAX_ZOOM must be a whole number from 0 to 24, got "30"/],
      [{ MAP_TILE_MAX_ZOOM: '12.5' }, /^MAP_TILE_MAX_ZOOM must be a whole number/],
      [{ MAP_PMTILES_URL: 'ftp://maps.example/area.pmtiles' }, /^MAP_PMTILES_URL must be an absolute https:\/\/ URL/],
      [{ MAP_PMTILES_URL: 'area.pmtiles' }, /^MAP_PMTILES_URL must be an absolute https:\/\/ URL/],
      [{ MAP_PMTILES_PATH: path.join(dir, 'missing.pmtiles') }, /^MAP_PMTILES_PATH must name a readable PMTiles file: .*missing\.pmtiles/],
      [{ MAP_PMTILES_PATH: dir }, /^MAP_PMTILES_PATH must name a readable PMTiles file/],
      [{ MAP_PMTILES_PATH: notArchive }, /^MAP_PMTILES_PATH must name a PMTiles version 3 archive; .*notes\.txt is not one/],
      [{ MAP_PMTILES_PATH: archive, MAP_PMTILES_URL: 'https://maps.example/a.pmtiles' }, /^set only one basemap: MAP_PMTILES_URL and MAP_PMTILES_PATH are both set/],
      [{ MAP_TILE_URL: defaultBasemap.url, MAP_TILE_ATTRIBUTION: 'x', MAP_PMTILES_PATH: archive }, /^set only one basemap: MAP_TILE_URL and MAP_PMTILES_PATH/],
    ]
    for (const [env, message] of cases) expect(() => loadConfig(env), JSON.stringify(env)).toThrow(message)
  })
})
