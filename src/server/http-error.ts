/**
 * A refusal with a status, a snake_case code and a message a person can act on. Routes throw these;
 * the error handler turns them into the one error shape `{ error: { code, message, ...extra } }`.
 */
import type { ErrorCode } from '../shared/api/errors.ts'

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found.`)
