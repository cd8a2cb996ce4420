/**
 * The API contract for accounts and sessions: sign-in, sign-out, who am I, and the admin's
 * revocation. Server routes validate with these schemas; the client parses answers with them.
 */
import { z } from 'zod'

export const roles = ['officer', 'supervisor', 'analyst', 'admin'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

export const collarNumberSchema = z.string().regex(/^\d{1,8}$/, 'a collar number is 1 to 8 digits')

export const loginRequestSchema = z.strictObject({
  collarNumber: collarNumberSchema,
  password: z.string().min(1, 'enter your password').max(200),
})
export type LoginRequest = z.infer<typeof loginRequestSchema>

export const userSchema = z.object({
  id: z.number().int(),
  collarNumber: z.string(),
  name: z.string(),
  role: roleSchema,
  areaId: z.string().nullable(),
})
export type User = z.infer<typeof userSchema>

export const loginResponseSchema = z.object({ user: userSchema })
export type LoginResponse = z.infer<typeof loginResponseSchema>

export const meResponseSchema = z.object({
  user: userSchema,
  session: z.object({ expiresAt: z.string() }),
})
export type MeResponse = z.infer<typeof meResponseSchema>

export const clientConfigSchema = z.object({
  idleLockMinutes: z.number().positive(),
  sessionHours: z.number().positive(),
  maxPinAttempts: z.number().int().positive(),
  demo: z.boolean(),
})
export type ClientConfig = z.infer<typeof clientConfigSchema>

export const adminUserSchema = z.object({
  collarNumber: z.string(),
  name: z.string(),
  role: roleSchema,
  areaId: z.string().nullable(),
  activeSessions: z.number().int(),
  lockedUntil: z.string().nullable(),
})
export const adminUsersResponseSchema = z.object({ items: z.array(adminUserSchema) })
export type AdminUser = z.infer<typeof adminUserSchema>

export const revokeResponseSchema = z.object({ revoked: z.number().int() })
