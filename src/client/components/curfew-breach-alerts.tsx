/**
 * Possible curfew breaches, for supervisors, on every signed-in screen: a `curfew.breach` event
 * (an absent or refused result inside the curfew hours; the server sends these to supervisors
 * only) becomes a warning in the alert banner, "Possible curfew breach: SMITH, John — absent at
 * 23:31, 4 Curfew Close, B5 1AA. Recorded by PC Ali Khan (1042)", read aloud when the supervisor
 * turned on "Speak alerts". The banner itself is the claims' (components/claim-alerts.tsx).
 *
 * Offline behaviour: alerts come from the live stream; breaches recorded while this device was
 * offline are replayed on reconnect and update the screens, but old news raises no banner.
 */
import { resultLabels } from '../../shared/api/curfews.ts'
import { pushAlert } from '../lib/app-alerts.ts'
import { lazyDateTimeFormat } from '../lib/date-format.ts'
import { useLiveEvents } from '../lib/event-stream.ts'
import { serverNow } from '../lib/server-clock.ts'

/** Events older than this are replays after a reconnect: no banner. */
const newsForMs = 10 * 60_000
const timeOnly = lazyDateTimeFormat({ timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

export function CurfewBreachAlerts() {
  useLiveEvents(['curfew.breach'], (event) => {
    const breach = event.curfew
    if (!breach?.result || serverNow() - Date.parse(event.at) > newsForMs) return
    const at = breach.checkedAt ? ` at ${timeOnly().format(new Date(breach.checkedAt))}` : ''
    const where = breach.address ? `, ${breach.address}` : ''
    pushAlert({
      text: `Possible curfew breach: ${breach.personName ?? 'a person on curfew'} — ${resultLabels[breach.result].toLowerCase()}${at}${where}. Recorded by ${breach.officer.name} (${breach.officer.collarNumber})`,
      tone: 'warning',
      speak: true,
    })
  })
  return null
}
