/**
 * The claim banner on every signed-in screen: "PC Ali Khan (1042) is collecting SMITH, John", a
 * release, an outcome, a lapse, and the answer to a claim this officer queued offline. New alerts
 * are announced politely to screen readers and, when the officer turned on "Speak alerts" in
 * Settings, spoken in British English. Each can be dismissed and goes by itself after a while.
 *
 * It is rendered inside the app frame, so nothing shows (or is spoken) behind the lock screen.
 * Offline behaviour: alerts come from the live stream, so none arrive while offline; events missed
 * meanwhile update the screens on reconnect without a burst of banners for old news.
 */
import { useEffect, useRef } from 'react'
import { alertLifetimeMs, dismissAlert, pushAlert, useAppAlerts } from '../lib/app-alerts.ts'
import { claimAlertText } from '../lib/claims-text.ts'
import { wantedPersonName } from '../lib/claims-store.ts'
import { useLiveEvents } from '../lib/event-stream.ts'
import { useSignedInUser } from '../lib/session.ts'
import { serverNow } from '../lib/server-clock.ts'
import { speakAlert } from '../lib/speak-alerts.ts'
import '../styles/claims.css'

const alertedTypes = ['claim.created', 'claim.released', 'claim.outcome', 'claim.lapsed', 'claim.cancelled', 'claim.reassigned', 'claim.assist'] as const
/** Events older than this are replays after a reconnect: they update screens but raise no banner. */
const newsForMs = 60_000

export function ClaimAlerts() {
  const user = useSignedInUser()
  const alerts = useAppAlerts()
  const spoken = useRef(new Set<number>())
  const myCollar = user?.collarNumber ?? null

  useLiveEvents(alertedTypes, (event) => {
    if (serverNow() - Date.parse(event.at) > newsForMs || event.personId === null) return
    void wantedPersonName(event.personId).then((name) => {
      const text = claimAlertText(event, name ?? 'a wanted person', myCollar)
      if (text !== null) pushAlert({ text, tone: 'info', speak: true })
    })
  })

  useEffect(() => {
    for (const alert of alerts) {
      if (spoken.current.has(alert.id)) continue
      spoken.current.add(alert.id)
      if (alert.speak) speakAlert(alert.text)
    }
    if (alerts.length === 0) return
    const oldest = alerts[0]
    if (!oldest) return
    const timer = window.setTimeout(() => dismissAlert(oldest.id), alertLifetimeMs)
    return () => window.clearTimeout(timer)
  }, [alerts])

  return (
    <section className="claim-alerts" aria-label="Alerts">
      <div aria-live="polite" aria-atomic="false" className="claim-alerts__list">
        {alerts.map((alert) => (
          <div key={alert.id} className={`claim-alert claim-alert--${alert.tone}`}>
            <p>{alert.text}</p>
            <button type="button" className="button button--small" onClick={() => dismissAlert(alert.id)}>
              Dismiss<span className="visually-hidden"> alert: {alert.text}</span>
            </button>
          </div>
        ))}
      </div>
    </section>
  )
}
