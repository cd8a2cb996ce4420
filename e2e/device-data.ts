/**
 * Reads back what a device holds for its officer: the rows in the "kestrel" IndexedDB database
 * (Dexie) and the `kestrel-*` runtime caches (photos, documents, tiles). The service worker's
 * app-shell precache holds no personal data, so it is not counted.
 */
import { expect, type Page } from '@playwright/test'

export type DeviceData = {
  /** Whether the "kestrel" database exists at all (it may be deleted, or re-created empty). */
  databaseExists: boolean
  /** Rows per object store of the "kestrel" database. */
  rows: Record<string, number>
  totalRows: number
  /** Names of caches that may hold personal data. */
  personalCaches: string[]
}

export async function readDeviceData(page: Page): Promise<DeviceData> {
  return page.evaluate(async () => {
    const personalCaches = (await caches.keys()).filter((name) => name.startsWith('kestrel-') && !name.includes('precache'))
    const databases = await indexedDB.databases()
    if (!databases.some((d) => d.name === 'kestrel')) return { databaseExists: false, rows: {}, totalRows: 0, personalCaches }

    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const request = indexedDB.open('kestrel')
      // Deleted between the listing and the open: do not create it.
      request.onupgradeneeded = () => request.transaction?.abort()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => (request.error?.name === 'AbortError' ? resolve(null) : reject(request.error))
    })
    if (!db) return { databaseExists: false, rows: {}, totalRows: 0, personalCaches }
    try {
      const rows: Record<string, number> = {}
      const storeNames = [...db.objectStoreNames]
      if (storeNames.length > 0) {
        const tx = db.transaction(storeNames, 'readonly')
        await Promise.all(
          storeNames.map(
            (name) =>
              new Promise<void>((resolve, reject) => {
                const count = tx.objectStore(name).count()
                count.onsuccess = () => {
                  rows[name] = count.result
                  resolve()
                }
                count.onerror = () => reject(count.error)
              }),
          ),
        )
      }
      const totalRows = Object.values(rows).reduce((sum, n) => sum + n, 0)
      return { databaseExists: true, rows, totalRows, personalCaches }
    } finally {
      db.close()
    }
  })
}

/** Stands in for a photo a later feature caches: a personal-data entry in the `kestrel-media` cache. */
export async function cacheFakePhoto(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const cache = await caches.open('kestrel-media')
    await cache.put(
      new Request('/media/people/e2e-fake-photo.jpg'),
      new Response(new Blob(['not really a photo'], { type: 'image/jpeg' }), { headers: { 'Content-Type': 'image/jpeg' } }),
    )
  })
}

/**
 * Expects the device to hold nothing of the officer's: no rows in the "kestrel" database (deleted
 * or empty) and no personal-data caches. Retried, because erasing may finish just after the
 * sign-in page shows, and a read during a navigation fails.
 */
export async function expectDeviceErased(page: Page): Promise<void> {
  await expect(async () => {
    const data = await readDeviceData(page)
    expect(data.rows, 'rows left in the "kestrel" IndexedDB database').toEqual(Object.fromEntries(Object.keys(data.rows).map((name) => [name, 0])))
    expect(data.personalCaches, 'kestrel-* caches left').toEqual([])
  }).toPass({ timeout: 10_000 })
}

/**
 * Whether the device recorded that it holds every photo and document of its package (the package
 * meta's `mediaComplete`, src/client/lib/sync.ts): after that, a sync that changes nothing starts no
 * download pass.
 */
export async function packageMediaComplete(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const request = indexedDB.open('kestrel')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const db = request.result
          const read = db.transaction('meta', 'readonly').objectStore('meta').get('package')
          read.onsuccess = () => {
            db.close()
            const meta: unknown = read.result
            resolve(typeof meta === 'object' && meta !== null && 'mediaComplete' in meta && meta.mediaComplete === true)
          }
          read.onerror = () => reject(read.error)
        }
      }),
  )
}
