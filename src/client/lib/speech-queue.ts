/**
 * The device's one voice: everything Kestrel says (claim alerts, geofence prompts) goes through
 * this queue, so at most one utterance plays at a time and none talks over another. Utterances are
 * British English, in an en-GB voice when the device has one. A few waiting utterances are kept;
 * past that the oldest waiting one is dropped (news goes stale on the move).
 *
 * Browsers speak only after the officer has interacted with the page: `primeSpeech` is called in
 * a tap's handler (patrol mode's switch) to unlock it. Speech works offline with the device's own
 * voices; `hasVoice` says whether there are any (headless browsers and some phones have none).
 */
const maxWaiting = 3
/** Chrome sometimes never fires `end`: move on after the time the text could take, plus a margin. */
const guardMsPerChar = 120
const guardMarginMs = 5_000

const waiting: string[] = []
let current: SpeechSynthesisUtterance | null = null
let guard: number | undefined

export function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function'
}

/** Whether this device can say anything at all: speech synthesis with at least one voice. */
export function hasVoice(): boolean {
  return speechAvailable() && window.speechSynthesis.getVoices().length > 0
}

function britishVoice(): SpeechSynthesisVoice | undefined {
  return window.speechSynthesis.getVoices().find((candidate) => candidate.lang.replace('_', '-') === 'en-GB')
}

function utteranceOf(text: string): SpeechSynthesisUtterance {
  const utterance = new SpeechSynthesisUtterance(text)
  utterance.lang = 'en-GB'
  const voice = britishVoice()
  if (voice) utterance.voice = voice
  return utterance
}

function finished(utterance: SpeechSynthesisUtterance): void {
  if (current !== utterance) return
  current = null
  window.clearTimeout(guard)
  pump()
}

function pump(): void {
  if (current !== null) return
  const text = waiting.shift()
  if (text === undefined) return
  const utterance = utteranceOf(text)
  current = utterance
  utterance.onend = () => finished(utterance)
  utterance.onerror = () => finished(utterance)
  guard = window.setTimeout(() => finished(utterance), guardMarginMs + text.length * guardMsPerChar)
  window.speechSynthesis.speak(utterance)
}

/** Say `text` after whatever is being said now. Does nothing where speech is not available. */
export function speakQueued(text: string): void {
  if (!speechAvailable()) return
  waiting.push(text)
  if (waiting.length > maxWaiting) waiting.splice(0, waiting.length - maxWaiting)
  pump()
}

/**
 * Unlock speech from inside a tap: say `text` (a short confirmation) or, with none, a silent empty
 * utterance. Must be called synchronously in the event handler.
 */
export function primeSpeech(text?: string): void {
  if (!speechAvailable()) return
  if (text !== undefined) {
    speakQueued(text)
    return
  }
  const silent = new SpeechSynthesisUtterance('')
  silent.volume = 0
  window.speechSynthesis.speak(silent)
}

/** Stop speaking and forget what was waiting (patrol mode off, sign-out). */
export function cancelSpeech(): void {
  waiting.length = 0
  if (!speechAvailable()) return
  const wasSpeaking = current
  current = null
  window.clearTimeout(guard)
  if (wasSpeaking) window.speechSynthesis.cancel()
}
