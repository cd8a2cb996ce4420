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

/** A screen's query of that server, observed as a mounted screen would, until `close`. */
async function openScreen() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const server = slowServer()
  const unsubscribe = new QueryObserver(client, { queryKey: ['curfews', 'due'], queryFn: server.queryFn }).subscribe(() => {})
  await vi.waitFor(() => expect(server.asked).toBe(1))
  const close = () => {
    unsubscribe()
    client.clear()
  }
  return { client, server, close }
}

/** The server changes, the screen is told, and its query's answer must be the changed state. */
async function changeAndRefetch({ client, server }: Awaited<ReturnType<typeof openScreen>>) {
  server.change('checked')
  const refetched = refetchAfterChange(client, ['curfews'])
  await vi.waitFor(() => expect(server.asked).toBe(2))
  server.answerAll()
  await refetched
  expect(client.getQueryData(['curfews', 'due'])).toBe('checked')
}

describe('refetchAfterChange', () => {
  it('starts a fresh fetch when a change arrives during the first one, so the answer includes it', async () => {
    const screen = await openScreen()
    // The colleague's check is stored after the first fetch read the server: the event arrives now.
    await changeAndRefetch(screen)
    screen.close()
  })

  it('fetches again when the query already holds data', async () => {
    const screen = await openScreen()
    screen.server.answerAll()
    await vi.waitFor(() => expect(screen.client.getQueryData(['curfews', 'due'])).toBe('not checked'))
    await changeAndRefetch(screen)
    screen.close()
  })
})
