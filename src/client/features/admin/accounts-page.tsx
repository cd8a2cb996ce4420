/**
 * Admin → Accounts: find an officer and revoke their sessions. Administrators only (the route
 * guard says so to anyone else, and the server enforces it). Needs a connection: nothing here is
 * kept on the device, and offline the page says so instead of showing a stale list.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { EmptyState, ErrorState, LoadingState } from '../../components/data-state.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { errorMessage } from '../../lib/api-client.ts'
import { useOnline } from '../../lib/connectivity.ts'
import { roleName } from '../../lib/role-names.ts'
import type { Account } from './api/get-accounts.ts'
import { accountsQueryKey, accountsQueryOptions } from './api/get-accounts.ts'
import { revokeSessions } from './api/revoke-sessions.ts'

const searchDelayMs = 250
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short' })

/** The search text once typing has paused, so each keystroke does not cost a request. */
function useSettledValue(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs)
    return () => window.clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

type Outcome = { kind: 'done' | 'failed'; text: string }

function AccountRow({ account, busy, onRevoke }: { account: Account; busy: boolean; onRevoke: (collarNumber: string) => void }) {
  return (
    <tr>
      <th scope="row">{account.collarNumber}</th>
      <td>{account.name}</td>
      <td>{roleName(account.role)}</td>
      <td>{account.areaId ?? '—'}</td>
      <td className="number">{account.activeSessions}</td>
      <td>{account.locked && account.lockedUntil !== null ? `Locked until ${dateTime.format(new Date(account.lockedUntil))}` : 'Not locked'}</td>
      <td>
        <button
          type="button"
          className="button button--danger button--small"
          aria-label={`Revoke sessions for ${account.collarNumber}`}
          disabled={busy}
          onClick={() => onRevoke(account.collarNumber)}
        >
          Revoke sessions
        </button>
      </td>
    </tr>
  )
}

export function AccountsPage() {
  const online = useOnline()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')
  const query = useSettledValue(search.trim(), searchDelayMs)
  const accounts = useQuery(accountsQueryOptions(query))
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const revoke = useMutation({
    mutationFn: revokeSessions,
    onMutate: () => setOutcome(null),
    onSuccess: (_revoked, collarNumber) => {
      setOutcome({ kind: 'done', text: `Sessions revoked for ${collarNumber}` })
      void queryClient.invalidateQueries({ queryKey: accountsQueryKey })
    },
    onError: (error, collarNumber) => {
      setOutcome({ kind: 'failed', text: `Sessions for ${collarNumber} were not revoked. ${errorMessage(error)}` })
    },
  })

  let results
  if (accounts.data !== undefined) {
    results =
      accounts.data.length === 0 ? (
        <EmptyState>{query === '' ? 'There are no accounts yet.' : `No officer matches “${query}”.`}</EmptyState>
      ) : (
        <div className="table-scroll" role="region" aria-label="Officers" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Collar number</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Area</th>
                <th scope="col">Active sessions</th>
                <th scope="col">Sign-in lock</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((account) => (
                <AccountRow
                  key={account.collarNumber}
                  account={account}
                  busy={revoke.isPending && revoke.variables === account.collarNumber}
                  onRevoke={(collarNumber) => revoke.mutate(collarNumber)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )
  } else if (accounts.isError) {
    results = <ErrorState onRetry={() => void accounts.refetch()}>Accounts could not be loaded. {errorMessage(accounts.error)}</ErrorState>
  } else if (!online) {
    results = <EmptyState>Accounts needs a connection. They are not kept on this device.</EmptyState>
  } else {
    results = <LoadingState>Loading accounts…</LoadingState>
  }

  return (
    <div className="page page--wide">
      <PageTitle>Accounts</PageTitle>
      <p>Find an officer and revoke their sessions, for example when a device is lost. Their devices erase Kestrel data the next time they reach the server.</p>
      <form role="search" className="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="find-officer">Find officer</label>
          {/* A text input, not type="search": the role stays "textbox", as the agreed UI contract
              names it; the surrounding form carries the search landmark. */}
          <input
            id="find-officer"
            type="text"
            enterKeyHint="search"
            autoComplete="off"
            spellCheck={false}
            placeholder="Collar number or name"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </form>
      {outcome?.kind === 'done' ? (
        <p className="notice notice--success" role="status">
          {outcome.text}
        </p>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <p className="alert" role="alert">
          {outcome.text}
        </p>
      ) : null}
      {results}
    </div>
  )
}
