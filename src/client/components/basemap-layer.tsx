/**
 * The basemap under every map (the crime map, the curfew map, the author's area map), as the
 * server configures it (lib/basemap.ts): an XYZ tile server through Leaflet's TileLayer, or a
 * PMTiles archive read with the `pmtiles` package, drawn by protomaps-leaflet when its tiles are
 * vectors and as images when they are PNG, JPEG, WebP or AVIF.
 *
 * It reports how the basemap is doing (`onStatus`): every tile of the current view failing is
 * "offline", some failing "partial". Overlays never depend on it: with no basemap they stay on the
 * map's plain background, and the page says so (basemap-notice.tsx).
 *
 * Offline behaviour: XYZ tiles viewed before and a downloaded archive are answered by the service
 * worker (src/sw.ts); anything else fails and is reported.
 *
 * Only the map chunks import this module, so Leaflet, pmtiles and protomaps-leaflet (loaded only
 * for a vector archive) never reach the start-up bundle.
 */
import { GridLayer, type Coords, type DoneCallback, type GridLayerOptions, type Layer } from 'leaflet'
import { FetchSource, PMTiles, TileType, type Header, type RangeResponse, type Source } from 'pmtiles'
import { useEffect, useMemo, useRef } from 'react'
import { TileLayer, useMap } from 'react-leaflet'
import type { Basemap, PmtilesBasemap } from '../../shared/api/map.ts'
import { archiveUrl, useBasemap } from '../lib/basemap.ts'

export type BasemapState = 'loading' | 'ok' | 'partial' | 'offline'

type Watch = { loading: () => void; loaded: () => void; failed: () => void }

/**
 * Counts loads and failures since the layer last started loading a view, and reports the state
 * after each.
 */
function useBasemapWatch(onStatus: ((state: BasemapState) => void) | undefined): Watch {
  const counts = useRef({ ok: 0, failed: 0 })
  const report = useRef(onStatus)
  useEffect(() => {
    report.current = onStatus
  })
  return useMemo(() => {
    const tell = () => {
      const { ok, failed } = counts.current
      report.current?.(failed === 0 ? 'ok' : ok === 0 ? 'offline' : 'partial')
    }
    return {
      loading: () => {
        counts.current = { ok: 0, failed: 0 }
      },
      loaded: () => {
        counts.current.ok += 1
        tell()
      },
      failed: () => {
        counts.current.failed += 1
        tell()
      },
    }
  }, [])
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/** The archive's byte ranges, each success or failure reported: how the basemap's health is seen. */
class WatchedSource implements Source {
  constructor(private readonly inner: Source, private readonly watch: Watch) {}
  getKey(): string {
    return this.inner.getKey()
  }
  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    try {
      const bytes = await this.inner.getBytes(offset, length, signal, etag)
      this.watch.loaded()
      return bytes
    } catch (error) {
      if (!isAbort(error)) this.watch.failed()
      throw error
    }
  }
}

const imageTypes: Partial<Record<TileType, string>> = {
  [TileType.Png]: 'image/png',
  [TileType.Jpeg]: 'image/jpeg',
  [TileType.Webp]: 'image/webp',
  [TileType.Avif]: 'image/avif',
}

/**
 * Raster tiles from a PMTiles archive as images. (The `pmtiles` package's own Leaflet adapter
 * never reports a failed tile, and the map must say when the basemap is offline.)
 */
class PmtilesRasterLayer extends GridLayer {
  private readonly aborts = new WeakMap<HTMLElement, AbortController>()

  constructor(private readonly archive: PMTiles, private readonly imageType: string, options: GridLayerOptions) {
    super(options)
    this.on('tileunload', (event: { tile: HTMLElement }) => this.aborts.get(event.tile)?.abort())
  }

  createTile(coords: Coords, done: DoneCallback): HTMLElement {
    const image = document.createElement('img')
    image.alt = ''
    const controller = new AbortController()
    this.aborts.set(image, controller)
    this.archive.getZxy(coords.z, coords.x, coords.y, controller.signal).then((tile) => {
      // Outside the archive: an empty tile, the map's background shows.
      if (!tile) return done(undefined, image)
      const url = URL.createObjectURL(new Blob([tile.data], { type: this.imageType }))
      image.onload = () => {
        URL.revokeObjectURL(url)
        done(undefined, image)
      }
      image.onerror = () => {
        URL.revokeObjectURL(url)
        done(new Error(`tile ${coords.z}/${coords.x}/${coords.y} is not an image`), image)
      }
      image.src = url
    }, (error: unknown) => {
      if (!isAbort(error)) done(error instanceof Error ? error : new Error(String(error)), image)
    })
    return image
  }
}

async function archiveLayer(archive: PMTiles, header: Header, basemap: PmtilesBasemap): Promise<Layer> {
  const options = { attribution: basemap.attribution, maxZoom: basemap.maxZoom, minZoom: 0 }
  if (header.tileType === TileType.Mvt) {
    const { leafletLayer } = await import('protomaps-leaflet')
    // protomaps-leaflet's GridLayer is a subclass of Leaflet's own, which it finds as window.L.
    return leafletLayer({ ...options, url: archive, flavor: 'light', maxDataZoom: header.maxZoom }) as unknown as Layer
  }
  const imageType = imageTypes[header.tileType]
  if (!imageType) throw new Error(`the basemap archive holds tiles of an unknown type (${header.tileType})`)
  return new PmtilesRasterLayer(archive, imageType, { ...options, maxNativeZoom: header.maxZoom, minNativeZoom: header.minZoom })
}

function PmtilesBasemapLayer({ basemap, watch }: { basemap: PmtilesBasemap; watch: Watch }) {
  const map = useMap()
  const { url } = basemap
  useEffect(() => {
    let layer: Layer | null = null
    let gone = false
    const archive = new PMTiles(new WatchedSource(new FetchSource(archiveUrl(basemap)), watch))
    void (async () => {
      try {
        const header = await archive.getHeader()
        const made = await archiveLayer(archive, header, basemap)
        if (gone) return
        layer = made
        layer.on('loading', watch.loading)
        layer.addTo(map)
      } catch (error) {
        // The header could not be read: no network and no download (already reported), or no archive.
        if (!gone) {
          watch.failed()
          if (!(error instanceof TypeError)) console.error('Kestrel: the basemap archive could not be opened', error)
        }
      }
    })()
    return () => {
      gone = true
      layer?.remove()
    }
    // A new archive is a new layer; a changed attribution or zoom alone waits for the next map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, url, watch])
  return null
}

function XyzBasemapLayer({ basemap, watch }: { basemap: Extract<Basemap, { kind: 'xyz' }>; watch: Watch }) {
  const events = useMemo(() => ({ loading: watch.loading, tileload: watch.loaded, tileerror: watch.failed }), [watch])
  return (
    <TileLayer
      key={basemap.url}
      url={basemap.url}
      attribution={basemap.attribution}
      maxZoom={basemap.maxZoom}
      referrerPolicy="strict-origin"
      // CORS, so the service worker caches plain answers it can check (src/sw.ts).
      crossOrigin=""
      eventHandlers={events}
    />
  )
}

/** The configured basemap; place it inside a react-leaflet MapContainer, before the overlays. */
export function BasemapLayer({ onStatus }: { onStatus?: (state: BasemapState) => void }) {
  const basemap = useBasemap()
  const watch = useBasemapWatch(onStatus)
  if (basemap === undefined) return null
  return basemap.kind === 'xyz' ? <XyzBasemapLayer basemap={basemap} watch={watch} /> : <PmtilesBasemapLayer basemap={basemap} watch={watch} />
}
