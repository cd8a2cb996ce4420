/**
 * Kestrel's client entry. Order matters: the theme is applied and the lock state read before the
 * first render (no flash of the wrong theme, no glimpse of the app behind a lock), the service
 * worker is registered from the bundle (the CSP allows no inline script), and the session is
 * restored from the device, so the app opens offline.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProviders } from './app/providers.tsx'
import { startDeviceLock } from './lib/device-lock.ts'
import { registerServiceWorker } from './lib/service-worker.ts'
import { startSessionServices } from './lib/session.ts'
import { startTheme } from './lib/theme.ts'
import './styles/app.css'

startTheme()
startDeviceLock()
registerServiceWorker()
void startSessionServices()

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <AppProviders />
  </StrictMode>,
)
