/**
 * The claim banner on every signed-in screen: "PC Ali Khan (1042) is collecting SMITH, John", a
 * release, an outcome, a lapse, and the answer to a claim this officer queued offline. New alerts
 * are announced politely to screen readers and, when the officer turned on "Speak alerts" in
 * Settings, spoken in British English. Each can be dismissed and goes by itself after a while;
 * alerts raised together share one banner, a line each (lib/app-alerts.ts).
 *
 * The banner floats above the screen. Its height is published as `--alerts-height`, so the page
 * keeps room below its content and scrolls what it focuses clear of it (styles/app.css): nothing
 * the officer needs to tap stays hidden under an alert.
 *
 * It is rendered inside the app frame, so nothing shows (or is spoken) behind the lock screen.
 * Offline behaviour: alerts come from the live stream, so none arrive while offline; events missed
 * meanwhile update the screens on reconnect without a burst of banners for old news.
 */
import { useEffect, useRef } from 'react'
import { dismissAlert, pushAlert, useAppAlerts } from '../lib/app-alerts.ts'
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
  /** How many lines of each alert have been spoken: a burst's later lines are said as they come. */
  const spoken = useRef(new Map<number, number>())
  const banner = useRef<HTMLElement>(null)
  const myCollar = user?.collarNumber ?? null

  useLiveEvents(alertedTypes, (event) => {
    if (serverNow() - Date.parse(event.at) > newsForMs || event.personId === null) return
    void wantedPersonName(event.personId).then((name) => {
      const text = claimAlertText(event, name ?? 'a wanted person', myCollar)
      if (text !== null) pushAlert({ text, tone: 'info', speak: true })
    })
  })

  useEffect(() => {
    const said = spoken.current
    for (const alert of alerts) {
      const count = said.get(alert.id) ?? 0
      if (alert.speak) for (const line of alert.lines.slice(count)) speakAlert(line)
      said.set(alert.id, alert.lines.length)
    }
    for (const id of said.keys()) if (!alerts.some((alert) => alert.id === id)) said.delete(id)
  }, [alerts])

  useEffect(() => {
    const element = banner.current
    if (!element) return
    const root = document.documentElement
    const observer = new ResizeObserver(() => root.style.setProperty('--alerts-height', `${element.offsetHeight}px`))
    observer.observe(element)
    return () => {
      observer.disconnect()
      root.style.removeProperty('--alerts-height')
    }
  }, [])

  return (
    <section ref={banner} className="claim-alerts" aria-label="Alerts">
      <div aria-live="polite" aria-atomic="false" className="claim-alerts__list">
        {alerts.map((alert) => (
          <div key={alert.id} className={`claim-alert claim-alert--${alert.tone}`}>
            {alert.lines.length === 1 ? (
              <p>{alert.lines[0]}</p>
            ) : (
              <ul className="claim-alert__lines">
                {alert.lines.map((line, index) => <li key={index}>{line}</li>)}
              </ul>
            )}
            <button type="button" className="button button--small" onClick={() => dismissAlert(alert.id)}>
              Dismiss<span className="visually-hidden"> alert: {dismissLabel(alert.lines)}</span>
            </button>
          </div>
        ))}
      </div>
    </section>
  )
}

function dismissLabel(lines: readonly string[]): string {
  const [first = ''] = lines
  return lines.length === 1 ? first : `${first} and ${lines.length - 1} more`
}
