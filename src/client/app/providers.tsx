/**
 * The app's outermost wrappers: the last-resort error boundary, the query client, the router.
 */
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router/dom'
import { AppCrash, ErrorBoundary } from '../components/error-boundary.tsx'
import { queryClient } from '../lib/query-client.ts'
import type { createAppRouter } from './router.tsx'

export function AppProviders({ router }: { router: ReturnType<typeof createAppRouter> }) {
  return (
    <ErrorBoundary fallback={() => <AppCrash />}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ErrorBoundary>
  )
}
