/**
 * Reads a real server-sent event stream in tests: connects with fetch (as a browser's EventSource
 * would, cookie and Last-Event-ID included) and parses `id:` / `data:` frames.
 */
export type StreamEvent = { id: string | null; data: { type: string; personId?: string | null; [key: string]: unknown } }

export async function openEventStream(base: string, cookie: string, lastEventId?: string) {
  const controller = new AbortController()
  const response = await fetch(`${base}/api/events`, {
    headers: { cookie, accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
    signal: controller.signal,
  })
  if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`)
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const received: StreamEvent[] = []
  let buffer = ''
  const wake: { waiting: (() => void) | null } = { waiting: null }
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const id = /^id: ?(.*)$/m.exec(frame)?.[1] ?? null
          const data = frame.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.replace(/^data: ?/, '')).join('\n')
          if (data) received.push({ id, data: JSON.parse(data) as StreamEvent['data'] })
          wake.waiting?.()
        }
      }
    } catch {
      // aborted, or the connection was cut
    }
  })()
  return {
    status: response.status,
    received,
    /** Waits until `predicate` holds for the events received, or fails after `timeoutMs`. */
    async until(predicate: (events: StreamEvent[]) => boolean, timeoutMs = 5000): Promise<StreamEvent[]> {
      const deadline = Date.now() + timeoutMs
      while (!predicate(received)) {
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`stream: condition not met in ${timeoutMs} ms; received ${JSON.stringify(received.map((e) => [e.id, e.data.type]))}`)
        await new Promise<void>((resolve) => {
          wake.waiting = resolve
          setTimeout(resolve, Math.min(left, 100))
        })
      }
      return received
    },
    close: () => controller.abort(),
    /** Resolves when the stream has ended: closed here, by the server, or cut. */
    ended,
  }
}
