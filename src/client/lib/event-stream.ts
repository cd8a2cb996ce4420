/**
 * The live event stream: claims, releases, outcomes, lapses (and what later features add) reach
 * every screen that cares, within a second of happening, through ONE server-sent event connection
 * per device however many Kestrel tabs are open.
 *
 * One connection per device: the tabs elect a leader with the Web Locks API (the lock
 * `kestrel-events`; the browser hands it to the next tab when the leader closes). Only the leader
 * opens the EventSource; it passes each event, its connection state and re-sync requests to the
 * other tabs over the BroadcastChannel `kestrel-events`. A browser without Web Locks gives every
 * tab its own stream, which is still correct, only heavier.
 *
 * Missing nothing: EventSource reconnects by itself, sending Last-Event-ID, and the server replays
 * what was missed. A new connection (another tab taking over, back from offline) starts from the
 * last id this device saw (`?lastEventId=`). The server's first frame says where it continues from;
 * when that is not where the device left off, or the server says `stream.reset`, listeners are told
 * to re-sync (fetch their state again) rather than trust a gap.
 *
 * Offline behaviour: while the browser reports no network the connection is closed and the state is
 * "offline"; on `online` it reopens from the last id seen, so the events of the offline spell are
 * replayed in order. When the browser gives up on the connection (EventSource cannot see the
 * status: the server may have answered 401), the session is checked through the API client, whose
 * 401 handling erases the device; otherwise the stream is reopened with backoff. The stream is
 * closed at sign-out.
 */
import { useEffect, useRef } from 'react'
import type { EventType, KestrelEvent } from '../../shared/api/events.ts'
import { createStore, useStore } from './external-store.ts'
import { needsResync, parseFrame, reopenDelayMs, streamUrl } from './event-frames.ts'
import { checkSession, sessionStore } from './session.ts'

export type StreamStatus =
  /** Signed out: no stream. */
  | 'stopped'
  | 'connecting'
  /** Connected: events arrive as they happen. */
  | 'live'
  /** Lost the connection; trying again. */
  | 'reconnecting'
  /** The device has no network; the stream resumes when it has. */
  | 'offline'

export const streamStatusStore = createStore<StreamStatus>('stopped')

export function useStreamStatus(): StreamStatus {
  return useStore(streamStatusStore)
}

type EventListener = (event: KestrelEvent) => void
type Subscription = { types: ReadonlySet<string> | null; listener: EventListener }
const subscriptions = new Set<Subscription>()
const resyncListeners = new Set<() => void>()

/** Hear events of these types (all types when `types` is omitted). Returns the unsubscribe. */
export function subscribeToEvents(listener: EventListener, types?: readonly EventType[]): () => void {
  const subscription: Subscription = { types: types ? new Set(types) : null, listener }
  subscriptions.add(subscription)
  return () => subscriptions.delete(subscription)
}

/** Hear "events may have been missed: fetch your state again". */
export function onResync(listener: () => void): () => void {
  resyncListeners.add(listener)
  return () => resyncListeners.delete(listener)
}

/**
 * React to events of the given types while a component is mounted. The listener may change on
 * every render; the subscription does not.
 */
export function useLiveEvents(types: readonly EventType[], listener: EventListener): void {
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  const key = types.join(',')
  useEffect(() => {
    const wanted = key.split(',').filter((type) => type !== '')
    const subscription: Subscription = { types: new Set(wanted), listener: (event) => latest.current(event) }
    subscriptions.add(subscription)
    return () => {
      subscriptions.delete(subscription)
    }
  }, [key])
}

function dispatch(event: KestrelEvent): void {
  for (const { types, listener } of [...subscriptions]) {
    if (types !== null && !types.has(event.type)) continue
    try {
      listener(event)
    } catch (error) {
      console.error('Kestrel: an event listener failed', error)
    }
  }
}

function dispatchResync(): void {
  for (const listener of [...resyncListeners]) listener()
}

type TabMessage =
  | { kind: 'event'; id: string | null; event: KestrelEvent }
  | { kind: 'resync' }
  | { kind: 'status'; status: StreamStatus; lastEventId: string | null }
  | { kind: 'hello' }

const channelName = 'kestrel-events'
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null

function tellOtherTabs(message: TabMessage): void {
  channel?.postMessage(message)
}

/** The last event id this device has seen, in any tab: where a new connection resumes. */
let lastEventId: string | null = null
/** Set while signed in: aborting it gives up leadership (or the wait for it). */
let wanted: AbortController | null = null
let leading = false
let releaseLock: (() => void) | null = null
let source: EventSource | null = null
let failures = 0
let reopenTimer: ReturnType<typeof setTimeout> | undefined

function setStatus(status: StreamStatus): void {
  streamStatusStore.set(status)
  if (leading) tellOtherTabs({ kind: 'status', status, lastEventId })
}

function closeSource(): void {
  clearTimeout(reopenTimer)
  if (source) {
    source.onmessage = null
    source.onerror = null
    source.close()
    source = null
  }
}

function onFrame(data: string, id: string): void {
  const frame = parseFrame(data)
  if (frame.kind === 'open') {
    failures = 0
    const resync = needsResync(lastEventId, frame.head)
    lastEventId = String(frame.head)
    setStatus('live')
    if (resync) {
      tellOtherTabs({ kind: 'resync' })
      dispatchResync()
    }
  } else if (frame.kind === 'reset') {
    tellOtherTabs({ kind: 'resync' })
    dispatchResync()
  } else if (frame.kind === 'event') {
    const eventId = id === '' ? null : id
    if (eventId !== null) lastEventId = eventId
    tellOtherTabs({ kind: 'event', id: eventId, event: frame.event })
    dispatch(frame.event)
  }
}

/** The browser gave up on the stream: was it the session? If not, try again later. */
async function afterFatalError(): Promise<void> {
  failures += 1
  try {
    // A 401 here ends the session through the API client's listener, which stops the stream.
    await checkSession()
  } catch {
    // Offline or the server is down: the reopen below tries again.
  }
  if (!leading || wanted === null) return
  clearTimeout(reopenTimer)
  reopenTimer = setTimeout(openSource, reopenDelayMs(failures))
}

function openSource(): void {
  closeSource()
  if (!leading) return
  if (!navigator.onLine) {
    setStatus('offline')
    return
  }
  setStatus(streamStatusStore.get() === 'live' || failures > 0 ? 'reconnecting' : 'connecting')
  const eventSource = new EventSource(streamUrl(lastEventId))
  source = eventSource
  eventSource.onmessage = (message: MessageEvent<string>) => onFrame(message.data, message.lastEventId)
  eventSource.onerror = () => {
    if (source !== eventSource) return
    if (eventSource.readyState === EventSource.CLOSED) {
      // Refused (401, 5xx or not an event stream): EventSource will not retry by itself.
      closeSource()
      setStatus(navigator.onLine ? 'reconnecting' : 'offline')
      void afterFatalError()
    } else {
      // EventSource is retrying by itself, with Last-Event-ID.
      setStatus(navigator.onLine ? 'reconnecting' : 'offline')
    }
  }
}

function lead(): void {
  leading = true
  failures = 0
  openSource()
}

function start(): void {
  if (wanted) return
  const controller = new AbortController()
  wanted = controller
  streamStatusStore.set(navigator.onLine ? 'connecting' : 'offline')
  if (typeof navigator.locks?.request !== 'function') {
    lead()
    return
  }
  // Ask whoever leads for the connection's state; the answer comes as a 'status' message.
  tellOtherTabs({ kind: 'hello' })
  navigator.locks
    .request(channelName, { signal: controller.signal }, () => {
      if (controller.signal.aborted) return undefined
      // Held until this tab stops wanting the stream (sign-out) or closes.
      return new Promise<void>((resolve) => {
        releaseLock = resolve
        lead()
      })
    })
    .catch(() => {
      // Aborted while waiting for the lock: signed out meanwhile.
    })
}

function stop(): void {
  if (!wanted) return
  wanted.abort()
  wanted = null
  closeSource()
  leading = false
  releaseLock?.()
  releaseLock = null
  lastEventId = null
  failures = 0
  streamStatusStore.set('stopped')
}

function onTabMessage(message: TabMessage): void {
  if (wanted === null) return
  if (message.kind === 'hello') {
    if (leading) tellOtherTabs({ kind: 'status', status: streamStatusStore.get(), lastEventId })
    return
  }
  if (leading) return
  if (message.kind === 'event') {
    if (message.id !== null) lastEventId = message.id
    dispatch(message.event)
  } else if (message.kind === 'resync') {
    dispatchResync()
  } else {
    if (message.lastEventId !== null) lastEventId = message.lastEventId
    streamStatusStore.set(message.status)
  }
}

function isTabMessage(data: unknown): data is TabMessage {
  return typeof data === 'object' && data !== null && 'kind' in data && typeof data.kind === 'string'
}

/** Run the stream whenever an officer is signed in on this device. Call once at start. */
export function startEventStream(): void {
  const follow = (): void => {
    if (sessionStore.get().status === 'signed-in') start()
    else stop()
  }
  sessionStore.subscribe(follow)
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isTabMessage(event.data)) onTabMessage(event.data)
  })
  window.addEventListener('offline', () => {
    if (!leading) return
    closeSource()
    setStatus('offline')
  })
  window.addEventListener('online', () => {
    if (!leading) return
    failures = 0
    openSource()
  })
  follow()
}
