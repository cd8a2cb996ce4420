/**
 * The route table. Every page sits under the root layout (offline status, update offer); signed-in
 * pages sit in the app frame, behind the session guard and the lock screen, with a route-level
 * error element inside the frame so a failing page leaves the navigation usable.
 */
import { Navigate, createBrowserRouter } from 'react-router'
import { RouteError } from '../components/route-error.tsx'
import { Splash } from '../components/splash.tsx'
import { SignInPage } from '../features/auth/sign-in-page.tsx'
import { SetPinPage } from '../features/device-lock/set-pin-page.tsx'
import { AppLayout } from './app-layout.tsx'
import { RequireAnyRole, RequirePinSetup, RequireRole, RequireSession, SignedOutOnly } from './guards.tsx'
import { RootLayout } from './root-layout.tsx'
import {
  loadAccountsRoute,
  loadAddressProfileRoute,
  loadAuditRoute,
  loadAuthoringRoute,
  loadBriefingRoute,
  loadChecksRoute,
  loadCrimeMapRoute,
  loadCurfewsRoute,
  loadHomeRoute,
  loadMyChecksRoute,
  loadNotesRoute,
  loadPersonProfileRoute,
  loadSettingsRoute,
  loadVehicleProfileRoute,
  loadWantedRoute,
} from './routes/lazy-pages.ts'
import { NotFoundPage } from './routes/not-found-page.tsx'

/**
 * Made when the app first renders (main.tsx), not when this module loads: creating the router
 * starts the first navigation (and the lazy page's import), work that belongs in the first render's
 * task rather than in the long one that sets up every module.
 */
export const createAppRouter = () => createBrowserRouter([
  {
    element: <RootLayout />,
    hydrateFallbackElement: <Splash message="Opening Kestrel…" />,
    errorElement: (
      <main id="main" className="centre-page">
        <RouteError />
      </main>
    ),
    children: [
      {
        path: '/login',
        element: (
          <SignedOutOnly>
            <SignInPage />
          </SignedOutOnly>
        ),
      },
      // The name in the brief; the page lives at /login.
      { path: '/sign-in', element: <Navigate to="/login" replace /> },
      {
        path: '/set-pin',
        element: (
          <RequirePinSetup>
            <SetPinPage />
          </RequirePinSetup>
        ),
      },
      {
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, lazy: loadHomeRoute },
              { path: 'briefing', lazy: loadBriefingRoute },
              { path: 'wanted', lazy: loadWantedRoute },
              {
                path: 'checks',
                element: <RequireAnyRole roles={['officer', 'supervisor']} audience="officers and supervisors" />,
                children: [{ index: true, lazy: loadChecksRoute }],
              },
              {
                path: 'curfews',
                element: <RequireAnyRole roles={['officer', 'supervisor']} audience="officers and supervisors" />,
                children: [{ index: true, lazy: loadCurfewsRoute }],
              },
              {
                path: 'notes',
                element: <RequireAnyRole roles={['officer', 'supervisor']} audience="officers and supervisors" />,
                children: [{ index: true, lazy: loadNotesRoute }],
              },
              {
                path: 'map',
                element: <RequireAnyRole roles={['officer', 'supervisor', 'analyst']} audience="officers, supervisors and analysts" />,
                children: [{ index: true, lazy: loadCrimeMapRoute }],
              },
              {
                path: 'my-checks',
                element: <RequireAnyRole roles={['officer', 'supervisor', 'analyst']} audience="officers, supervisors and analysts" />,
                children: [{ index: true, lazy: loadMyChecksRoute }],
              },
              {
                path: 'audit',
                element: <RequireAnyRole roles={['supervisor']} audience="supervisors" />,
                children: [{ index: true, lazy: loadAuditRoute }],
              },
              { path: 'people/:id', lazy: loadPersonProfileRoute },
              { path: 'vehicles/:id', lazy: loadVehicleProfileRoute },
              { path: 'addresses/:id', lazy: loadAddressProfileRoute },
              {
                path: 'write-briefing',
                element: <RequireAnyRole roles={['analyst', 'supervisor']} audience="analysts and supervisors" />,
                children: [{ index: true, lazy: loadAuthoringRoute }],
              },
              { path: 'settings', lazy: loadSettingsRoute },
              {
                path: 'admin',
                element: <RequireRole role="admin" />,
                children: [{ index: true, lazy: loadAccountsRoute }],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
])
