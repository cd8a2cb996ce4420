/**
 * The gallery's filters: kept in the address, so coming back from a profile (or a reload) keeps
 * them, but edited in the page's own state. React Router applies a navigation after the event that
 * asked for it, so a control whose value came straight from the address was put back to its old
 * value until the navigation landed: a second change made meanwhile (a name typed straight after
 * choosing an area, on a slow phone) was built on the old address and undid the first, and a key
 * typed in that moment could be lost.
 *
 * Each change is written to the address whole (`replace`, so typing adds no history entries). The
 * page follows the address only when something else changes it (the back button, a link).
 */
import { useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { noFilters, type GalleryFilters } from './gallery-model.ts'

type FilterKey = 'area' | 'offence' | 'name'

function filtersFrom(params: URLSearchParams): GalleryFilters {
  return { areaId: params.get('area') || null, offence: params.get('offence') ?? '', name: params.get('name') ?? '' }
}

function paramsFrom(filters: GalleryFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.areaId !== null) params.set('area', filters.areaId)
  if (filters.name !== '') params.set('name', filters.name)
  if (filters.offence !== '') params.set('offence', filters.offence)
  return params
}

export function useAddressFilters(): { filters: GalleryFilters; setFilter: (key: FilterKey, value: string) => void; clearFilters: () => void } {
  const [searchParams, setSearchParams] = useSearchParams()
  const [filters, setFilters] = useState(() => filtersFrom(searchParams))
  // The addresses this page asked for that the router has not shown yet, oldest first.
  const written = useRef<string[]>([])
  const query = searchParams.toString()

  useEffect(() => {
    const own = written.current.indexOf(query)
    if (own >= 0) {
      written.current.splice(0, own + 1)
      return
    }
    // Changed by something else: the page shows what the address says.
    written.current = []
    setFilters((current) => (paramsFrom(current).toString() === query ? current : filtersFrom(new URLSearchParams(query))))
  }, [query])

  function write(next: GalleryFilters): void {
    setFilters(next)
    const params = paramsFrom(next)
    const text = params.toString()
    // Nothing to ask the router for: the address already says (or is about to say) this.
    if (text === (written.current.at(-1) ?? query)) return
    written.current.push(text)
    setSearchParams(params, { replace: true })
  }

  return {
    filters,
    setFilter: (key, value) => write({ ...filters, ...(key === 'area' ? { areaId: value === '' ? null : value } : { [key]: value }) }),
    clearFilters: () => write(noFilters),
  }
}
