/**
 * Short-lived alerts for the banner every signed-in screen shows (components/claim-alerts.tsx):
 * "PC Ali Khan is collecting SMITH, John", or the answer to a claim queued offline. Memory only;
 * the newest few are kept and each goes by itself after a while or when dismissed.
 *
 * Offline behaviour: alerts come from events and from the outbox's answers, so none arrive while
 * offline; those already shown stay until they time out.
 */
import { createStore, useStore } from './external-store.ts'

export type AppAlert = {
  id: number
  text: string
  tone: 'info' | 'success' | 'warning'
  /** Read aloud when the officer turned on "Speak alerts". */
  speak: boolean
}

const mostShown = 3
export const alertLifetimeMs = 12_000

export const appAlertsStore = createStore<readonly AppAlert[]>([])
let nextId = 1

export function useAppAlerts(): readonly AppAlert[] {
  return useStore(appAlertsStore)
}

export function pushAlert(alert: Omit<AppAlert, 'id'>): AppAlert {
  const shown = { ...alert, id: nextId++ }
  appAlertsStore.set((alerts) => [...alerts, shown].slice(-mostShown))
  return shown
}

export function dismissAlert(id: number): void {
  appAlertsStore.set((alerts) => alerts.filter((alert) => alert.id !== id))
}

export function clearAlerts(): void {
  appAlertsStore.set([])
}
