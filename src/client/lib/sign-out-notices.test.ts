import { describe, expect, it } from 'vitest'
import { signOutNotice } from './sign-out-notices.ts'

describe('signOutNotice', () => {
  it('says the device was erased, in the agreed words', () => {
    expect(signOutNotice('signed_out', 5)).toBe('You have signed out. Kestrel data on this device has been erased.')
    expect(signOutNotice('session_revoked', 5)).toBe('Your session was revoked. Kestrel data on this device has been erased.')
    expect(signOutNotice('session_expired', 5)).toBe('Your session has ended. Please sign in again.')
    expect(signOutNotice('unauthenticated', 5)).toBe('Your session has ended. Please sign in again.')
    expect(signOutNotice('pin_attempts', 5)).toBe('Signed out after 5 wrong PINs. Kestrel data on this device has been erased.')
  })
})
