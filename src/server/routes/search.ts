/**
 * Finding people, vehicles and addresses by name, registration or postcode so an author can link
 * them to a briefing item. A consultation of personal data: each search is audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { subjectSearchQuerySchema, subjectSearchResponseSchema, type SubjectSearchResult } from '../../shared/api/search.ts'
import { requireAuth } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'

const LIMIT = 20
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app.store

  app.get('/api/intel/search', {
    config: { access: ['analyst', 'supervisor'] },
    schema: { summary: 'Find a person, vehicle or address to link', querystring: subjectSearchQuerySchema, response: { 200: subjectSearchResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const { kind, q } = request.query
    const text = q.toLowerCase()
    let items: SubjectSearchResult[]
    if (kind === 'person') {
      const words = text.split(/\s+/).filter(Boolean).slice(0, 3)
      let query = db.selectFrom('people').select(['id', 'surname', 'forenames', 'dob']).orderBy('surname').orderBy('forenames').limit(LIMIT)
      for (const word of words) {
        const like = `%${likeEscape(word)}%`
        query = query.where((eb) => eb.or([eb(eb.fn('lower', ['surname']), 'like', like), eb(eb.fn('lower', ['forenames']), 'like', like), eb('id', '=', word.toUpperCase())]))
      }
      items = (await query.execute()).map((p) => ({ kind, id: p.id, label: `${p.surname.toUpperCase()}, ${p.forenames}`, detail: p.dob ? `born ${p.dob}` : '' }))
    } else if (kind === 'vehicle') {
      const vrm = `%${likeEscape(text.replace(/\s+/g, ''))}%`
      const rows = await db.selectFrom('vehicles').select(['id', 'vrm', 'make', 'model', 'colour'])
        .where((eb) => eb(eb.fn('replace', [eb.fn('lower', ['vrm']), eb.val(' '), eb.val('')]), 'like', vrm)).orderBy('vrm').limit(LIMIT).execute()
      items = rows.map((v) => ({ kind, id: v.id, label: v.vrm, detail: `${v.colour} ${v.make} ${v.model}` }))
    } else {
      const like = `%${likeEscape(text)}%`
      const rows = await db.selectFrom('addresses').select(['id', 'line1', 'town', 'postcode'])
        .where((eb) => eb.or([eb(eb.fn('lower', ['postcode']), 'like', like), eb(eb.fn('lower', ['line1']), 'like', like)]))
        .orderBy('postcode').limit(LIMIT).execute()
      items = rows.map((a) => ({ kind, id: a.id, label: a.line1, detail: `${a.town} ${a.postcode}` }))
    }
    await appendAudit(db, dialect, {
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'consult', subjectKind: `${kind}-search`,
      reasonCode: 'briefing', reasonText: 'linking a briefing item', detail: { query: q, results: items.length },
    })
    return { items }
  })
}
export default searchRoutes
