import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** A recording stand-in for the browser's speech synthesis; ends an utterance when told to. */
class FakeUtterance {
  lang = ''
  voice: unknown = null
  volume = 1
  onend: (() => void) | null = null
  onerror: (() => void) | null = null
  constructor(readonly text: string) {}
}

function installFakeSpeech(voices: { lang: string }[]) {
  const started: FakeUtterance[] = []
  let speaking: FakeUtterance | null = null
  let overlaps = 0
  const synthesis = {
    getVoices: () => voices,
    speak(utterance: FakeUtterance) {
      if (speaking) overlaps += 1
      speaking = utterance
      started.push(utterance)
    },
    cancel: vi.fn(() => {
      speaking = null
    }),
  }
  const finish = () => {
    const done = speaking
    speaking = null
    done?.onend?.()
  }
  vi.stubGlobal('window', { speechSynthesis: synthesis, setTimeout, clearTimeout })
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance)
  return { started, finish, overlaps: () => overlaps, synthesis }
}

describe('speech queue', () => {
  beforeEach(() => vi.resetModules())
  afterEach(() => vi.unstubAllGlobals())

  it('says one thing at a time, in order, British English', async () => {
    const fake = installFakeSpeech([{ lang: 'en-US' }, { lang: 'en-GB' }])
    const { speakQueued, hasVoice } = await import('./speech-queue.ts')
    expect(hasVoice()).toBe(true)
    speakQueued('first')
    speakQueued('second')
    expect(fake.started.map((u) => u.text)).toEqual(['first'])
    expect(fake.started[0]).toMatchObject({ lang: 'en-GB', voice: { lang: 'en-GB' } })
    fake.finish()
    expect(fake.started.map((u) => u.text)).toEqual(['first', 'second'])
    fake.finish()
    expect(fake.overlaps()).toBe(0)
  })

  it('keeps at most three waiting, dropping the oldest', async () => {
    const fake = installFakeSpeech([{ lang: 'en-GB' }])
    const { speakQueued } = await import('./speech-queue.ts')
    for (const text of ['now', 'a', 'b', 'c', 'd']) speakQueued(text)
    for (let i = 0; i < 4; i += 1) fake.finish()
    expect(fake.started.map((u) => u.text)).toEqual(['now', 'b', 'c', 'd'])
  })

  it('moves on when the browser never says it finished', async () => {
    vi.useFakeTimers()
    try {
      const fake = installFakeSpeech([{ lang: 'en-GB' }])
      const { speakQueued } = await import('./speech-queue.ts')
      speakQueued('stuck')
      speakQueued('next')
      vi.advanceTimersByTime(60_000)
      expect(fake.started.map((u) => u.text)).toEqual(['stuck', 'next'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('cancel forgets what was waiting', async () => {
    const fake = installFakeSpeech([])
    const { speakQueued, cancelSpeech, hasVoice } = await import('./speech-queue.ts')
    expect(hasVoice()).toBe(false)
    speakQueued('one')
    speakQueued('two')
    cancelSpeech()
    expect(fake.synthesis.cancel).toHaveBeenCalled()
    speakQueued('three')
    expect(fake.started.map((u) => u.text)).toEqual(['one', 'three'])
  })
})
