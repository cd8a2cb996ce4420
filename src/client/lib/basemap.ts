/**
 * The basemap the maps draw (`GET /api/config/map`): fetched while signed in and online, kept in
 * Dexie (`deviceMeta` row `basemap`) so a map opened offline draws the same basemap, and handed to
 * the service worker through Cache Storage (`kestrel-basemap`, entry `basemapConfigPath`), which it
 * reads to know which image requests are tiles to cache. A device that has never been told uses
 * OpenStreetMap's standard tiles, the server's default.
 *
 * A PMTiles basemap can be downloaded whole ("for offline use"): the archive goes into the same
 * cache and the service worker answers the map's range requests from it, so the basemap works with
 * no network at all. An XYZ tile server is never downloaded in bulk (OpenStreetMap's policy
 * forbids it): the service worker keeps only the tiles viewed.
 *
 * Offline behaviour: everything here reads the device; fetching the config and downloading need a
 * connection. The device erase deletes the row, the config entry and the archive with the rest.
 */
import { useQuery } from '@tanstack/react-query'
import { useLiveQuery } from 'dexie-react-hooks'
import { basemapSchema, type Basemap, type PmtilesBasemap } from '../../shared/api/map.ts'
import { basemapCacheName, basemapConfigPath, defaultBasemap } from '../../shared/map-tiles.ts'
import { apiRequest } from './api-client.ts'
import { db, type BasemapDownloadRecord } from './database.ts'

/** Where the service worker reads the basemap from (Cache Storage, as a JSON answer). */
async function tellServiceWorker(basemap: Basemap, signal?: AbortSignal): Promise<void> {
  // Aborted (the device erase clears the queries): opening would re-create the erased cache.
  if (!('caches' in globalThis) || signal?.aborted) return
  const cache = await caches.open(basemapCacheName)
  await cache.put(basemapConfigPath, new Response(JSON.stringify(basemap), { headers: { 'Content-Type': 'application/json' } }))
}

async function storeBasemap(basemap: Basemap, signal?: AbortSignal): Promise<void> {
  await db.deviceMeta.put({ key: 'basemap', basemap })
  await tellServiceWorker(basemap, signal)
}

export async function getBasemap(signal?: AbortSignal): Promise<Basemap> {
  const basemap = await apiRequest('/api/config/map', basemapSchema, { signal })
  await storeBasemap(basemap, signal)
  return basemap
}

/**
 * Keeps the device's basemap up to date while signed in (every role that has maps): at start, on
 * reconnect and every half hour.
 */
export function useBasemapRefresh(enabled: boolean): void {
  useQuery({
    queryKey: ['basemap'],
    queryFn: ({ signal }) => getBasemap(signal),
    enabled,
    staleTime: 30 * 60_000,
    refetchInterval: 30 * 60_000,
    refetchOnReconnect: 'always',
  })
}

/** The basemap to draw: the server's last word on this device, OpenStreetMap's tiles if none; undefined while reading. */
export function useBasemap(): Basemap | undefined {
  return useLiveQuery(async () => {
    const row = await db.deviceMeta.get('basemap')
    return row?.key === 'basemap' ? row.basemap : defaultBasemap
  }, [])
}

/** The address a basemap archive is fetched and cached under (a server path made absolute). */
export function archiveUrl(basemap: PmtilesBasemap): string {
  return new URL(basemap.url, window.location.href).href
}

/** The archive saved on this device, if any (whichever basemap it was for); undefined while reading. */
export function useBasemapDownload(): BasemapDownloadRecord | null | undefined {
  return useLiveQuery(async () => {
    const row = await db.deviceMeta.get('basemapDownload')
    return row?.key === 'basemapDownload' ? row : null
  }, [])
}

export type DownloadProgress = { received: number; total: number | null }

/**
 * Downloads the whole PMTiles archive into Cache Storage, reporting progress, and records it. A
 * previous download (another archive or version) is replaced once the new one is complete.
 */
export async function downloadBasemap(basemap: PmtilesBasemap, onProgress: (progress: DownloadProgress) => void): Promise<void> {
  const url = archiveUrl(basemap)
  // no-store: the browser's HTTP cache would only keep a second copy of a large file.
  const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' })
  if (!response.ok || !response.body) throw new Error(`The basemap could not be downloaded (${response.status}).`)
  const total = Number(response.headers.get('Content-Length')) || basemap.bytes
  let received = 0
  const counted = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength
      onProgress({ received, total })
      controller.enqueue(chunk)
    },
  }))
  const cache = await caches.open(basemapCacheName)
  const previous = await db.deviceMeta.get('basemapDownload')
  await cache.put(url, new Response(counted, { status: 200, headers: response.headers }))
  if (previous?.key === 'basemapDownload' && previous.url !== url) await cache.delete(previous.url)
  await db.deviceMeta.put({ key: 'basemapDownload', url, version: basemap.version, bytes: received, savedAt: Date.now() })
}

/** Deletes the saved archive: the basemap then needs the network again. */
export async function removeBasemapDownload(): Promise<void> {
  const row = await db.deviceMeta.get('basemapDownload')
  if (row?.key !== 'basemapDownload') return
  await (await caches.open(basemapCacheName)).delete(row.url)
  await db.deviceMeta.delete('basemapDownload')
}
