/**
 * `GET /api/intel/search?kind=&q=`: people, vehicles and addresses to link to an item. The server
 * audits each search as a consultation.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { SubjectKind } from '../../../../shared/api/intel.ts'
import { subjectSearchResponseSchema } from '../../../../shared/api/search.ts'
import { apiRequest } from '../../../lib/api-client.ts'

export function subjectSearchQueryOptions(kind: SubjectKind, q: string) {
  return queryOptions({
    queryKey: ['authoring', 'search', kind, q],
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ kind, q })
      return (await apiRequest(`/api/intel/search?${params.toString()}`, subjectSearchResponseSchema, { signal })).items
    },
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
}
