/**
 * One error handler for the whole API: validation failures become 400 naming the field, body
 * problems 400/413/415, refusals keep their own status, a database out of reach (restarting, a
 * cut connection) is 503 `database_unavailable` with Retry-After, and anything unexpected is logged
 * and answered 500 without details, so no stack trace ever reaches a client.
 */
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { HttpError } from '../http-error.ts'
import { isDatabaseUnavailable } from '../store/db.ts'

export function sendError(reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { ...extra, code, message } })
}

const fastifyCodes: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The request body is empty but JSON was declared.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'This content type is not accepted here; send application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_request', message: 'The Content-Length header does not match the body.' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'invalid_request', message: 'The Content-Type header is invalid.' },
}

function describeValidation(error: FastifyError & { validation: { instancePath: string; message?: string }[] }, context: string | undefined): string {
  return error.validation
    .slice(0, 5)
    .map((issue) => {
      const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.')
      const where = field ? `${context ?? 'body'}.${field}` : (context ?? 'body')
      return `${where}: ${issue.message ?? 'is invalid'}`
    })
    .join('; ')
}

type FastifyDefaultError = { error?: unknown; message: string; code?: string }
const isDefaultError = (value: unknown): value is FastifyDefaultError =>
  typeof value === 'object' && value !== null && 'message' in value && !('error' in value && typeof value.error === 'object')

const defaultCodes: Record<number, string> = { 404: 'not_found', 406: 'not_acceptable', 414: 'uri_too_long' }

/** Whether any string in a parsed request part holds a NUL character, which no field needs and PostgreSQL refuses. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (depth > 20 || typeof value !== 'object' || value === null) return false
  for (const [key, inner] of Object.entries(value)) if (key.includes('\u0000') || holdsNul(inner, depth + 1)) return true
  return false
}

export default fp(async (app) => {
  // Some parts of Fastify answer by themselves in its default error shape (the event stream's 406,
  // the router's 414, for example); this puts those answers in ours too, so a client only ever
  // parses one shape.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !payload.startsWith('{') || payload.startsWith('{"error":{')) return payload
    let parsed: unknown
    try {
      parsed = JSON.parse(payload)
    } catch {
      return payload
    }
    if (!isDefaultError(parsed)) return payload
    const code = defaultCodes[reply.statusCode] ?? (reply.statusCode >= 500 ? 'internal_error' : 'invalid_request')
    return JSON.stringify({ error: { code, message: reply.statusCode >= 500 ? 'Something went wrong on the server.' : parsed.message } })
  })

  // NUL characters are refused in every parameter, query and body before any handler sees them.
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body)) {
      throw new HttpError(400, 'invalid_text', 'Text may not contain NUL (\\u0000) characters.')
    }
  })

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error.statusCode, error.code, error.message, error.extra)
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(reply, 400, 'invalid_request', describeValidation(error, error.validationContext))
    }
    const known = error.code ? fastifyCodes[error.code] : undefined
    if (known) return sendError(reply, known.status, known.code, known.message)
    if (error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP')) {
      return sendError(reply, 400, 'invalid_json', 'The request body could not be read.')
    }
    // PostgreSQL refusing text it cannot store (a safety net behind the NUL check above).
    if (error.code === '22021' || error.code === '22P05') return sendError(reply, 400, 'invalid_text', 'The text contains characters that cannot be stored.')
    if (error.statusCode === 429) return sendError(reply, 429, 'rate_limited', error.message)
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'invalid_request', error.message)
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      reply.header('retry-after', '2')
      return sendError(reply, 503, 'database_unavailable', 'The database is not answering just now. Try again in a moment.')
    }
    request.log.error({ err: error }, 'unhandled error')
    return sendError(reply, 500, 'internal_error', 'Something went wrong on the server. It has been logged; please try again.')
  })
}, { name: 'errors' })
