/**
 * Audio notes over HTTP (see README "Audio notes"). Officers and supervisors write notes; a note
 * is stored once by its client-made id, and its recording is uploaded as raw bytes, whole or in
 * `Content-Range` pieces that resume from `GET /api/notes/:id/audio/status`.
 *
 * Who reads what: a note's author reads it, its recording and its status. A note attached to a
 * subject (person, vehicle, address, briefing item, claim, curfew check) is also read by officers,
 * supervisors and analysts (the roles that open profiles and briefing items) through
 * `GET /api/notes?attachedTo=kind:id` and by its id. A stand-alone note is its author's alone:
 * anyone else gets 404, as if it did not exist. Notes are personal data, so every read of a
 * note's text or recording leaves an audit record. Administrators have no access.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { FastifyRequest } from 'fastify'
import {
  createNoteRequestSchema, editNoteTextRequestSchema, maxNoteAudioBytes, noteAudioStatusSchema, noteAudioType, noteIdParamsSchema,
  noteSchema, notesQuerySchema, notesResponseSchema, parseContentRange, type NoteAttachment,
} from '../../shared/api/notes.ts'
import { HttpError, notFound } from '../http-error.ts'
import { requireAuth, type AuthContext } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'
import {
  createNote, editNoteText, findNote, listAttachedNotes, listOwnNotes, noteWithAudio, putNoteAudio, readNoteAudio, type NoteRow,
} from '../store/notes.ts'
import { deviceOf } from './checks.ts'

const writers = ['officer', 'supervisor'] as const
const readers = ['officer', 'supervisor', 'analyst'] as const
const noAudio = { received: 0, total: null, complete: false, contentType: null, sha256: null }

const notesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app.store

  // Recordings arrive as raw bytes. Only this plugin's routes accept audio/*, up to the note limit.
  app.addContentTypeParser(/^audio\//, { parseAs: 'buffer', bodyLimit: maxNoteAudioBytes }, (_request, body, done) => done(null, body))

  const audit = (request: FastifyRequest, auth: AuthContext, subjectKind: string, subjectId: string | null, detail: Record<string, unknown>) =>
    appendAudit(db, dialect, {
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'consult', subjectKind, subjectId, reasonCode: 'notes',
      detail: { ...detail, device: deviceOf(request) },
    })

  /** The note if the caller may read it; otherwise 404, whether it exists or not. */
  async function readable(id: string, auth: AuthContext): Promise<NoteRow> {
    const row = await findNote(db, id)
    const shared = row?.attachedKind !== null && (readers as readonly string[]).includes(auth.user.role)
    if (!row || (row.officerId !== auth.user.id && !shared)) throw notFound('Note')
    return row
  }

  /** The note if the caller wrote it; otherwise 404. */
  async function own(id: string, auth: AuthContext): Promise<NoteRow> {
    const row = await findNote(db, id)
    if (!row || row.officerId !== auth.user.id) throw notFound('Note')
    return row
  }

  app.post('/api/notes', {
    config: { access: writers },
    schema: {
      summary: 'Store a note once by its client-made id: 201 the first time, 200 with the stored note on a replay, 409 for a different body under that id',
      body: createNoteRequestSchema, response: { 200: noteSchema, 201: noteSchema },
    },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    const outcome = await createNote(db, auth.user.id, request.body)
    if (outcome.status === 'conflict') {
      throw new HttpError(409, 'note_conflict', outcome.sameOfficer
        ? 'A different note was already stored under this id. A stored note is never changed by sending it again.'
        : 'This note id is already in use.')
    }
    return reply.code(outcome.status === 'created' ? 201 : 200).send(outcome.note)
  })

  app.get('/api/notes', {
    config: { access: readers },
    schema: {
      summary: 'Your own notes, newest first; with attachedTo=kind:id, the notes attached to that subject',
      querystring: notesQuerySchema, response: { 200: notesResponseSchema },
    },
  }, async (request) => {
    const auth = requireAuth(request)
    const { attachedTo, limit } = request.query
    let items
    if (attachedTo) {
      const split = attachedTo.indexOf(':')
      const attachment = { kind: attachedTo.slice(0, split), id: attachedTo.slice(split + 1) } as NoteAttachment
      items = await listAttachedNotes(db, attachment, limit)
    } else {
      items = await listOwnNotes(db, auth.user.id, limit)
    }
    if (items.length > 0 || attachedTo) {
      await audit(request, auth, attachedTo ? `${attachedTo.slice(0, attachedTo.indexOf(':'))}-notes` : 'own-notes', attachedTo?.slice(attachedTo.indexOf(':') + 1) ?? null, {
        resultCount: items.length, resultIds: items.map((n) => n.id),
      })
    }
    return { items }
  })

  app.get('/api/notes/:id', {
    config: { access: readers },
    schema: { summary: 'One note', params: noteIdParamsSchema, response: { 200: noteSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const row = await readable(request.params.id, auth)
    await audit(request, auth, 'note', row.id, { officer: row.collarNumber })
    return noteWithAudio(db, row)
  })

  app.put('/api/notes/:id/text', {
    config: { access: writers },
    schema: {
      summary: 'Correct your note\'s transcript; the latest edit (by editedAt) wins, so replays and late arrivals are harmless',
      params: noteIdParamsSchema, body: editNoteTextRequestSchema, response: { 200: noteSchema },
    },
  }, async (request) => {
    const auth = requireAuth(request)
    await own(request.params.id, auth)
    await editNoteText(db, request.params.id, request.body.text, request.body.editedAt)
    return noteWithAudio(db, (await findNote(db, request.params.id))!)
  })

  app.put('/api/notes/:id/audio', {
    config: { access: writers },
    bodyLimit: maxNoteAudioBytes,
    schema: {
      summary: 'Upload your note\'s recording as raw bytes (audio/webm, audio/ogg, audio/mp4, audio/wav), whole or as a Content-Range piece',
      params: noteIdParamsSchema, response: { 200: noteAudioStatusSchema },
    },
  }, async (request) => {
    const auth = requireAuth(request)
    const contentType = noteAudioType(request.headers['content-type'])
    if (!contentType || !Buffer.isBuffer(request.body)) {
      throw new HttpError(415, 'unsupported_media_type', 'Send the recording as audio/webm, audio/ogg, audio/mp4 or audio/wav.')
    }
    const bytes = request.body
    if (bytes.length === 0) throw new HttpError(400, 'invalid_request', 'The recording is empty.')
    const rangeHeader = request.headers['content-range']
    let start = 0
    let total = bytes.length
    if (rangeHeader !== undefined) {
      const range = parseContentRange(rangeHeader)
      if (!range || range.end - range.start + 1 !== bytes.length) {
        throw new HttpError(400, 'invalid_range', 'Content-Range must be "bytes START-END/TOTAL" and match the bytes sent.')
      }
      ;({ start, total } = range)
    }
    if (total > maxNoteAudioBytes) throw new HttpError(413, 'payload_too_large', `A recording may be at most ${maxNoteAudioBytes / 1024 / 1024} MB.`)
    await own(request.params.id, auth)
    const outcome = await putNoteAudio(db, request.params.id, { contentType, start, total, bytes })
    if (outcome.status === 'gap') {
      throw new HttpError(416, 'upload_gap', `The server has ${outcome.received} bytes of this recording: resume from there.`, { received: outcome.received })
    }
    if (outcome.status === 'conflict') throw new HttpError(409, 'audio_conflict', outcome.message)
    return outcome.audio
  })

  app.get('/api/notes/:id/audio/status', {
    config: { access: writers },
    schema: { summary: 'How much of your note\'s recording the server holds: resume an upload from `received`', params: noteIdParamsSchema, response: { 200: noteAudioStatusSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const note = await noteWithAudio(db, await own(request.params.id, auth))
    return note.audio ?? noAudio
  })

  app.get('/api/notes/:id/audio', {
    config: { access: readers },
    schema: { summary: 'The note\'s recording, byte for byte, with its content type', params: noteIdParamsSchema },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    const row = await readable(request.params.id, auth)
    const audio = await readNoteAudio(db, row.id)
    if (!audio || audio.received !== audio.total) throw new HttpError(404, 'not_found', 'This note\'s recording has not arrived yet.')
    await audit(request, auth, 'note-audio', row.id, { officer: row.collarNumber })
    return reply.type(audio.contentType).header('cache-control', 'private, no-store').header('x-content-sha256', audio.sha256 ?? '').send(Buffer.from(audio.bytes))
  })
}
export default notesRoutes
