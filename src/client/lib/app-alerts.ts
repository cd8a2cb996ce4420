/**
 * Short-lived alerts for the banner every signed-in screen shows (components/claim-alerts.tsx):
 * "PC Ali Khan is collecting SMITH, John", or the answer to a claim queued offline. Memory only.
 *
 * Each alert goes by itself `alertLifetimeMs` after it was last added to, or when dismissed; a
 * stream of newer alerts does not keep an old one on screen. Alerts raised within `burstMs` of
 * each other share one banner, one line each: the events replayed after a reconnect (or several
 * colleagues' claims at once) stay together, in order, instead of pushing each other off the
 * screen. At most `mostShown` banners are kept; a newer one removes the oldest.
 *
 * Offline behaviour: alerts come from events and from the outbox's answers, so none arrive while
 * offline; those already shown stay until they time out.
 */
import { createStore, useStore } from './external-store.ts'

export type AlertTone = 'info' | 'success' | 'warning'

export type AppAlert = {
  id: number
  /** One line per alert raised; several when they came in one burst. */
  lines: readonly string[]
  tone: AlertTone
  /** Read aloud when the officer turned on "Speak alerts". */
  speak: boolean
  /** Device time (ms) of the first line, and when the alert goes by itself. */
  startedAt: number
  expiresAt: number
}

const mostShown = 3
/** A burst longer than this starts a second banner rather than growing one past the screen. */
const mostLines = 6
export const alertLifetimeMs = 12_000
export const burstMs = 1_500

export const appAlertsStore = createStore<readonly AppAlert[]>([])
let nextId = 1
let expiryTimer: ReturnType<typeof setTimeout> | undefined

export function useAppAlerts(): readonly AppAlert[] {
  return useStore(appAlertsStore)
}

/** Raise an alert: a line added to the newest banner if it is of the same kind and began just now. */
export function pushAlert(alert: { text: string; tone: AlertTone; speak: boolean }): AppAlert {
  const now = Date.now()
  const alerts = appAlertsStore.get()
  const newest = alerts.at(-1)
  const joins = newest !== undefined && newest.tone === alert.tone && newest.speak === alert.speak &&
    now - newest.startedAt <= burstMs && newest.lines.length < mostLines
  const shown: AppAlert = joins
    ? { ...newest, lines: [...newest.lines, alert.text], expiresAt: now + alertLifetimeMs }
    : { id: nextId++, lines: [alert.text], tone: alert.tone, speak: alert.speak, startedAt: now, expiresAt: now + alertLifetimeMs }
  appAlertsStore.set(joins ? [...alerts.slice(0, -1), shown] : [...alerts, shown].slice(-mostShown))
  scheduleExpiry()
  return shown
}

export function dismissAlert(id: number): void {
  appAlertsStore.set((alerts) => alerts.filter((alert) => alert.id !== id))
  scheduleExpiry()
}

export function clearAlerts(): void {
  appAlertsStore.set([])
  scheduleExpiry()
}

/** Remove every alert whose time is up. */
function expireAlerts(): void {
  const now = Date.now()
  appAlertsStore.set((alerts) => (alerts.some((alert) => alert.expiresAt <= now) ? alerts.filter((alert) => alert.expiresAt > now) : alerts))
  scheduleExpiry()
}

function scheduleExpiry(): void {
  clearTimeout(expiryTimer)
  const alerts = appAlertsStore.get()
  if (alerts.length === 0) return
  const next = Math.min(...alerts.map((alert) => alert.expiresAt))
  expiryTimer = setTimeout(() => expireAlerts(), Math.max(0, next - Date.now()))
}
