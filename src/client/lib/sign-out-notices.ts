/**
 * What the sign-in page says after a session ended, by reason. Each ending erased the device, and
 * the officer is told so in plain words; end-to-end tests match these texts exactly.
 */
import type { SessionEndedCode } from './api-client.ts'

export type SignOutReason = 'signed_out' | 'pin_attempts' | SessionEndedCode

export function signOutNotice(reason: SignOutReason, maxPinAttempts: number): string {
  switch (reason) {
    case 'signed_out':
      return 'You have signed out. Kestrel data on this device has been erased.'
    case 'pin_attempts':
      return `Signed out after ${maxPinAttempts} wrong PINs. Kestrel data on this device has been erased.`
    case 'session_revoked':
      return 'Your session was revoked. Kestrel data on this device has been erased.'
    case 'session_expired':
    case 'unauthenticated':
      return 'Your session has ended. Please sign in again.'
  }
}
