/**
 * What every screen has, signed in or not: the offline status, the update offer, and the server's
 * device policy kept fresh (refetched on reconnect; the stored copy serves offline).
 */
import { useQuery } from '@tanstack/react-query'
import { Outlet } from 'react-router'
import { OfflineBanner } from '../components/offline-banner.tsx'
import { UpdatePrompt } from '../components/update-prompt.tsx'
import { clientConfigQueryOptions } from '../lib/api/get-client-config.ts'

export function RootLayout() {
  useQuery(clientConfigQueryOptions)
  return (
    <>
      <OfflineBanner />
      <UpdatePrompt />
      <Outlet />
    </>
  )
}
