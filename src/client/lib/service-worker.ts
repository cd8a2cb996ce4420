/**
 * Registering Kestrel's service worker (src/sw.ts) and offering its updates. Registration is here,
 * in the bundle, rather than an inline script, because the server's CSP forbids inline scripts.
 *
 * Updates follow vite-pwa's prompt pattern: a new worker installs in the background and waits; the
 * app shows "A new version of Kestrel is ready"; only the officer's "Update now" sends SKIP_WAITING
 * and reloads, and only in the tab where they tapped. Nothing reloads by itself mid-task: a tab
 * whose worker was replaced from another tab just shows the same prompt. Long shifts keep one page
 * open, so the worker is also checked for updates every hour.
 *
 * Production builds only: in development the worker would fight Vite's module server.
 */
import { Workbox } from 'workbox-window'
import { createStore, useStore } from './external-store.ts'

type UpdateState = { ready: boolean; applying: boolean }

const updateStore = createStore<UpdateState>({ ready: false, applying: false })
const updateCheckIntervalMs = 60 * 60_000

let workbox: Workbox | null = null

export function useServiceWorkerUpdate(): UpdateState {
  return useStore(updateStore)
}

function offerUpdate(): void {
  updateStore.set((state) => ({ ...state, ready: true }))
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const wb = new Workbox('/sw.js', { scope: '/' })
  workbox = wb
  wb.addEventListener('waiting', offerUpdate)
  // Installed or activated by another tab of Kestrel: this page still runs the old code.
  wb.addEventListener('installed', (event) => {
    if (event.isUpdate && event.isExternal) offerUpdate()
  })
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate && event.isExternal) offerUpdate()
  })
  wb.register().catch((error: unknown) => console.error('Kestrel: service worker registration failed', error))
  window.setInterval(() => {
    if (navigator.onLine) wb.update().catch(() => undefined)
  }, updateCheckIntervalMs)
}

/** The officer tapped "Update now": activate the waiting worker, then reload onto the new version. */
export async function applyUpdate(): Promise<void> {
  updateStore.set((state) => ({ ...state, applying: true }))
  const registration = await navigator.serviceWorker?.getRegistration()
  if (workbox && registration?.waiting) {
    workbox.addEventListener('controlling', () => window.location.reload())
    workbox.messageSkipWaiting()
    return
  }
  // Nothing waiting: another tab already activated the new worker, so a reload is all it takes.
  window.location.reload()
}

export function dismissUpdate(): void {
  updateStore.set({ ready: false, applying: false })
}
