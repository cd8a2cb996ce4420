/**
 * Small, synchronous device settings in localStorage, and what the browser reports about storage.
 *
 * Every Kestrel key starts with `kestrel.` so the device erase can find them all. Only state that
 * must be readable before IndexedDB opens lives here (lock state, theme, cached server config): the
 * lock decision has to be made on the very first render after a reload. Personal data belongs in
 * Dexie, never here. Reads and writes never throw: a browser that refuses storage (private mode,
 * quota) leaves Kestrel running on in-memory defaults.
 */

export const localKeyPrefix = 'kestrel.'

export const localKeys = {
  lock: 'kestrel.lock',
  theme: 'kestrel.theme',
  config: 'kestrel.config',
  pendingLogout: 'kestrel.pending-logout',
  /** '1' when the officer chose to hear claim alerts spoken (lib/speak-alerts.ts). */
  speakAlerts: 'kestrel.speak-alerts',
  /** '1' when the officer muted spoken geofence prompts (lib/patrol-mode.ts). */
  promptsMuted: 'kestrel.prompts-muted',
  /** Milliseconds the server's clock is ahead of this device's (lib/server-clock.ts). */
  clockOffset: 'kestrel.clock-offset',
} as const
export type LocalKey = (typeof localKeys)[keyof typeof localKeys]

export function isKestrelLocalKey(key: string): boolean {
  return key.startsWith(localKeyPrefix)
}

export function readLocal(key: LocalKey): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

export function writeLocal(key: LocalKey, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Storage refused: the in-memory state still holds for this page.
  }
}

export function removeLocal(key: LocalKey): void {
  try {
    localStorage.removeItem(key)
  } catch {
    // Nothing to do: storage that cannot be written holds nothing of ours either.
  }
}

/** Read and parse a JSON value, or null when it is missing or unreadable. */
export function readLocalJson(key: LocalKey): unknown {
  const raw = readLocal(key)
  if (raw === null) return null
  try {
    const value: unknown = JSON.parse(raw)
    return value
  } catch {
    return null
  }
}

export type StorageUse = {
  usedBytes: number
  quotaBytes: number | null
  /** Whether the browser promised not to evict Kestrel's data under storage pressure. */
  persisted: boolean | null
}

/** What this origin uses on the device, or null when the browser does not say. */
export async function getStorageUse(): Promise<StorageUse | null> {
  if (!('storage' in navigator) || typeof navigator.storage.estimate !== 'function') return null
  const estimate = await navigator.storage.estimate()
  const persisted = typeof navigator.storage.persisted === 'function' ? await navigator.storage.persisted() : null
  return { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? null, persisted }
}

/**
 * Ask the browser to keep Kestrel's data under storage pressure (Safari and Chromium may otherwise
 * evict it). Chromium decides silently; Firefox may ask the officer. Never throws.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (!('storage' in navigator) || typeof navigator.storage.persist !== 'function') return false
    if (await navigator.storage.persisted()) return true
    return await navigator.storage.persist()
  } catch {
    return false
  }
}

const byteUnits = ['bytes', 'kB', 'MB', 'GB', 'TB'] as const

/** "12.3 MB": decimal units, as browsers and phone settings screens report storage. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown'
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${value.toFixed(digits)} ${byteUnits[unit]}`
}

/**
 * Whether an error means the device (or the browser's share of it) is full. IndexedDB and Cache
 * Storage throw a DOMException named QuotaExceededError; Dexie wraps it, sometimes inside an abort.
 */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current !== null && typeof current === 'object' && depth < 4; depth += 1) {
    if ('name' in current && current.name === 'QuotaExceededError') return true
    current = 'inner' in current ? current.inner : null
  }
  return false
}

/** A change the officer made (a note, an offline check's record) that the device had no room to store. */
export const storageFullMessage = 'This device is out of storage space, so Kestrel could not store this on the device. Free some space on the device, then try again.'

export const fullDeviceMessage =
  'This device is out of storage space, so Kestrel could not save everything for offline use. Free some space on the device, then tap Sync now.'
