/**
 * Day and night themes. Until the officer chooses, Kestrel follows the device's
 * `prefers-color-scheme`; a choice made in Settings is remembered on this device (localStorage
 * `kestrel.theme`; the device erase forgets it, like every Kestrel key). The theme is applied as
 * `data-theme` on <html> before the first render, so there is no flash of the wrong theme.
 */
import { createStore, useStore } from './external-store.ts'
import { onDeviceErased } from './device-erase.ts'
import { localKeys, readLocal, writeLocal } from './storage.ts'

type ThemePreference = 'night' | 'day' | null
type ThemeState = { preference: ThemePreference; deviceIsDark: boolean }

const darkQuery = '(prefers-color-scheme: dark)'
/** Match the theme's own header colour, so the browser chrome blends with the app bar. */
const themeColours = { day: '#0f2d52', night: '#0b1220' } as const

function storedPreference(): ThemePreference {
  const value = readLocal(localKeys.theme)
  return value === 'night' || value === 'day' ? value : null
}

const themeStore = createStore<ThemeState>({
  preference: storedPreference(),
  deviceIsDark: typeof matchMedia === 'function' && matchMedia(darkQuery).matches,
})

function isNight(state: ThemeState): boolean {
  return state.preference === null ? state.deviceIsDark : state.preference === 'night'
}

function applyTheme(): void {
  const night = isNight(themeStore.get())
  document.documentElement.dataset.theme = night ? 'night' : 'day'
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', night ? themeColours.night : themeColours.day)
}

export function useNightTheme(): { night: boolean; followsDevice: boolean } {
  const state = useStore(themeStore)
  return { night: isNight(state), followsDevice: state.preference === null }
}

export function setNightTheme(night: boolean): void {
  const preference = night ? 'night' : 'day'
  writeLocal(localKeys.theme, preference)
  themeStore.set((state) => ({ ...state, preference }))
}

/** Apply the theme now and keep it applied. Call once, before the first render. */
export function startTheme(): void {
  themeStore.subscribe(applyTheme)
  applyTheme()
  if (typeof matchMedia === 'function') {
    matchMedia(darkQuery).addEventListener('change', (event) => {
      themeStore.set((state) => ({ ...state, deviceIsDark: event.matches }))
    })
  }
  window.addEventListener('storage', (event) => {
    if (event.key === localKeys.theme || event.key === null) {
      themeStore.set((state) => ({ ...state, preference: storedPreference() }))
    }
  })
  onDeviceErased(() => themeStore.set((state) => ({ ...state, preference: null })))
}
