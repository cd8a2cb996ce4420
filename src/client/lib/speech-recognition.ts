/**
 * Live speech-to-text through the Web Speech API (`SpeechRecognition`, `webkitSpeechRecognition`
 * in Chrome and Safari), British English with interim results. Browsers only transcribe live
 * sound from the microphone, and Chrome's does it on a server: with no signal it fails with a
 * `network` error. Callers treat any failure as "not transcribed" and keep the audio.
 *
 * TypeScript's DOM library does not describe this API everywhere, so the little we use is typed
 * here.
 */

type RecognitionAlternative = { transcript: string }
type RecognitionResult = { isFinal: boolean; length: number; [index: number]: RecognitionAlternative }
export type RecognitionEvent = { resultIndex: number; results: { length: number; [index: number]: RecognitionResult } }
type RecognitionErrorEvent = { error: string }

export type Recognition = {
  lang: string
  continuous: boolean
  interimResults: boolean
  onresult: ((event: RecognitionEvent) => void) | null
  onerror: ((event: RecognitionErrorEvent) => void) | null
  onend: (() => void) | null
  start(): void
  stop(): void
  abort(): void
}

type RecognitionConstructor = new () => Recognition

function recognitionConstructor(): RecognitionConstructor | null {
  const scope = globalThis as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor }
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null
}

export function speechRecognitionAvailable(): boolean {
  return recognitionConstructor() !== null
}

/** Why there is no live transcript, in the officer's words; null when it can be tried. */
export function whyNoTranscription(): string | null {
  if (!speechRecognitionAvailable()) return 'This browser cannot turn speech into text.'
  if (navigator.onLine === false) return 'No signal: speech-to-text needs a connection.'
  return null
}

/** The transcript so far: final phrases joined, and what is still being heard. */
export function transcriptOf(event: RecognitionEvent): { final: string; interim: string } {
  const finals: string[] = []
  const interims: string[] = []
  for (let i = 0; i < event.results.length; i += 1) {
    const result = event.results[i]!
    const text = result[0]?.transcript.trim() ?? ''
    if (text === '') continue
    ;(result.isFinal ? finals : interims).push(text)
  }
  return { final: finals.join(' '), interim: interims.join(' ') }
}

export type LiveTranscription = {
  /** Stop listening; resolves once the last final words are in. */
  stop(): Promise<void>
}

/**
 * Listens until stopped, restarting when the browser ends a session by itself (Chrome does after
 * a silence). `onText` gets everything heard so far; `onFailed` says why it gave up.
 */
export function startLiveTranscription(handlers: { onText: (final: string, interim: string) => void; onFailed: (why: string) => void }): LiveTranscription | null {
  const Constructor = recognitionConstructor()
  if (!Constructor) return null
  let committed = ''
  let current = ''
  let stopping = false
  let failed = false
  let ended: (() => void) | null = null
  let recognition: Recognition

  const begin = () => {
    recognition = new Constructor()
    recognition.lang = 'en-GB'
    recognition.continuous = true
    recognition.interimResults = true
    recognition.onresult = (event) => {
      const { final, interim } = transcriptOf(event)
      current = final
      handlers.onText([committed, final].filter(Boolean).join(' '), interim)
    }
    recognition.onerror = (event) => {
      if (event.error === 'no-speech' || event.error === 'aborted') return
      failed = true
      handlers.onFailed(event.error === 'network' ? 'Speech-to-text lost its connection.' : event.error === 'not-allowed' ? 'Speech-to-text was not allowed.' : 'Speech-to-text stopped working.')
    }
    recognition.onend = () => {
      committed = [committed, current].filter(Boolean).join(' ')
      current = ''
      if (stopping || failed) {
        ended?.()
        return
      }
      begin()
    }
    recognition.start()
  }
  try {
    begin()
  } catch {
    return null
  }
  return {
    stop: () => new Promise<void>((resolve) => {
      if (failed) {
        resolve()
        return
      }
      stopping = true
      ended = resolve
      // Never hang a save on a recogniser that does not answer.
      setTimeout(resolve, 3_000)
      recognition.stop()
    }),
  }
}
