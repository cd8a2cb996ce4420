/**
 * False on a component's first render, true from a task of its own after it. A screen whose first
 * render is long (the crime map's Leaflet map, the wanted gallery's measured cards) renders the
 * rest first and the heavy part in the next task, so neither holds the page for one long task that
 * a tap on a slow phone would wait behind (Lighthouse's Total Blocking Time counts each such task).
 */
import { useEffect, useState } from 'react'

export function useNextTask(): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    const timer = window.setTimeout(() => setReady(true), 0)
    return () => window.clearTimeout(timer)
  }, [])
  return ready
}
