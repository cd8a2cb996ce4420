/**
 * The one error shape every Kestrel API answer uses when something is refused or wrong.
 * Clients branch on `code`; `message` is written for the person in front of the screen.
 */
import { z } from 'zod'

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }).loose(),
})
export type ApiError = z.infer<typeof apiErrorSchema>

export const errorCodes = [
  'invalid_request',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'session_expired',
  'session_revoked',
  'forbidden',
  'cross_origin',
  'invalid_credentials',
  'account_locked',
  'demo_disabled',
  'rate_limited',
  'not_found',
  'conflict',
  'internal_error',
  'database_unavailable',
] as const
export type ErrorCode = (typeof errorCodes)[number]
