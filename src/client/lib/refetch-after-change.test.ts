import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { refetchAfterChange } from './refetch-after-change.ts'

/** A query whose answers the test releases one at a time, each read from the server state when asked. */
function slowServer() {
  let state = 'not checked'
  const pending: { resolve: () => void }[] = []
  let asked = 0
  const queryFn = async ({ signal }: { signal: AbortSignal }) => {
    asked += 1
    const read = state
    await new Promise<void>((resolve, reject) => {
      pending.push({ resolve })
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
    })
    return read
  }
  return {
    queryFn,
    change: (next: string) => { state = next },
    answerAll: () => { for (const p of pending.splice(0)) p.resolve() },
    get asked() { return asked },
  }
}

describe('refetchAfterChange', () => {
  it('starts a fresh fetch when a change arrives during the first one, so the answer includes it', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const server = slowServer()
    const observer = new QueryObserver(client, { queryKey: ['curfews', 'due'], queryFn: server.queryFn })
    const unsubscribe = observer.subscribe(() => {})
    await vi.waitFor(() => expect(server.asked).toBe(1))

    // The colleague's check is stored after the first fetch read the server: the event arrives now.
    server.change('checked')
    const refetched = refetchAfterChange(client, ['curfews'])
    await vi.waitFor(() => expect(server.asked).toBe(2))
    server.answerAll()
    await refetched

    expect(client.getQueryData(['curfews', 'due'])).toBe('checked')
    unsubscribe()
    client.clear()
  })

  it('fetches again when the query already holds data', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const server = slowServer()
    const observer = new QueryObserver(client, { queryKey: ['curfews', 'due'], queryFn: server.queryFn })
    const unsubscribe = observer.subscribe(() => {})
    await vi.waitFor(() => expect(server.asked).toBe(1))
    server.answerAll()
    await vi.waitFor(() => expect(client.getQueryData(['curfews', 'due'])).toBe('not checked'))

    server.change('checked')
    const refetched = refetchAfterChange(client, ['curfews'])
    await vi.waitFor(() => expect(server.asked).toBe(2))
    server.answerAll()
    await refetched

    expect(client.getQueryData(['curfews', 'due'])).toBe('checked')
    unsubscribe()
    client.clear()
  })
})
