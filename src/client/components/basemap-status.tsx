/**
 * What a map page says about its basemap: the notice when the basemap cannot be reached (the
 * overlays are then on a plain background), and, for a force's PMTiles basemap, the control that
 * downloads the whole archive for offline use, shows whether it is saved and current, and removes
 * it. An XYZ tile server is never downloaded in bulk: only the tiles viewed are kept.
 *
 * No Leaflet here: the pages load this with their own code, the map itself comes later.
 */
import { useState } from 'react'
import './basemap-status.css'
import { archiveUrl, downloadBasemap, removeBasemapDownload, useBasemap, useBasemapDownload, type DownloadProgress } from '../lib/basemap.ts'
import { useOnline } from '../lib/connectivity.ts'
import { formatDayTime } from '../lib/date-format.ts'
import { formatBytes, fullDeviceMessage, isQuotaError } from '../lib/storage.ts'
import type { BasemapState } from './basemap-layer.tsx'

/**
 * "Basemap offline…" when no tile of the view loads, a softer word when some fail; nothing
 * otherwise. A live region (announced) unless `live` is false, for a map inside a form whose own
 * status line says what matters there.
 */
export function BasemapNotice({ state, overlays, live = true }: { state: BasemapState; overlays: string; live?: boolean }) {
  if (state !== 'offline' && state !== 'partial') return null
  return (
    <p className="notice" role={live ? 'status' : undefined}>
      {state === 'offline'
        ? `Basemap offline: the map tiles cannot be reached, so ${overlays} show on a plain background.`
        : 'Some basemap tiles could not be loaded.'}
    </p>
  )
}

function progressWords({ received, total }: DownloadProgress): string {
  return total ? `${Math.floor((received / total) * 100)} % of ${formatBytes(total)}` : formatBytes(received)
}

/** Download, update or remove the force's basemap archive on this device. Nothing for an XYZ basemap. */
export function BasemapDownload() {
  const basemap = useBasemap()
  const saved = useBasemapDownload()
  const online = useOnline()
  const [progress, setProgress] = useState<DownloadProgress | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  if (basemap === undefined || basemap.kind !== 'pmtiles' || saved === undefined) return null

  const current = saved !== null && saved.url === archiveUrl(basemap) && (basemap.version === null || saved.version === basemap.version)
  const download = async () => {
    setProblem(null)
    setProgress({ received: 0, total: basemap.bytes })
    try {
      await downloadBasemap(basemap, setProgress)
    } catch (error) {
      setProblem(isQuotaError(error) ? fullDeviceMessage : 'The basemap could not be downloaded. Check the connection and try again.')
    } finally {
      setProgress(null)
    }
  }

  let state: string
  if (progress) state = `Downloading the basemap: ${progressWords(progress)}.`
  else if (current) state = `The basemap is saved on this device (${formatBytes(saved.bytes)}, ${formatDayTime(new Date(saved.savedAt).toISOString())}): the map works with no connection.`
  else if (saved) state = 'A newer basemap is available: the one saved on this device is out of date.'
  else state = `The basemap is not saved on this device: with no connection the map shows only its overlays.${basemap.bytes === null ? '' : ` Downloading it takes ${formatBytes(basemap.bytes)}.`}`

  return (
    <section className="basemap-download" aria-labelledby="basemap-download-heading">
      <h2 id="basemap-download-heading">Basemap for offline use</h2>
      <p role="status">{state}</p>
      {problem ? <p className="notice">{problem}</p> : null}
      <div className="basemap-download__actions">
        {!current || progress ? (
          <button type="button" className="button button--primary" disabled={!online || progress !== null} onClick={() => void download()}>
            {saved ? 'Download the basemap again' : 'Download the basemap for offline use'}
          </button>
        ) : null}
        {saved && !progress ? (
          <button type="button" className="button" onClick={() => void removeBasemapDownload()}>
            Remove the saved basemap
          </button>
        ) : null}
      </div>
      {!online && !current ? <p className="hint">Downloading needs a connection.</p> : null}
    </section>
  )
}
