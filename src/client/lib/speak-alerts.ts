/**
 * "Speak alerts": an officer on foot or driving can choose to hear claim alerts ("PC Ali Khan is
 * collecting SMITH, John") spoken in British English. Off unless the officer turns it on in
 * Settings; the choice is a device setting in localStorage (no personal data) and goes with the
 * device erase.
 *
 * Only a tab the officer can see speaks, so several open tabs never speak the same alert twice.
 * Speech synthesis works offline with the device's own voices; where there are none, nothing is
 * said and the alert is still on screen.
 */
import { createStore, useStore } from './external-store.ts'
import { speakQueued, speechAvailable } from './speech-queue.ts'
import { localKeys, readLocal, removeLocal, writeLocal } from './storage.ts'

export const speakAlertsStore = createStore<boolean>(readLocal(localKeys.speakAlerts) === '1')

export function useSpeakAlerts(): boolean {
  return useStore(speakAlertsStore)
}

export function setSpeakAlerts(on: boolean): void {
  if (on) writeLocal(localKeys.speakAlerts, '1')
  else removeLocal(localKeys.speakAlerts)
  speakAlertsStore.set(on)
}

export { speechAvailable }

/**
 * Say `text` if the officer asked for spoken alerts and this tab is on screen. It waits its turn
 * behind anything else being said (lib/speech-queue.ts), such as a geofence prompt.
 */
export function speakAlert(text: string): void {
  if (!speakAlertsStore.get() || !speechAvailable() || document.visibilityState !== 'visible') return
  speakQueued(text)
}

/** Re-read after the device erase removed the setting. */
export function reloadSpeakAlerts(): void {
  speakAlertsStore.set(readLocal(localKeys.speakAlerts) === '1')
}
