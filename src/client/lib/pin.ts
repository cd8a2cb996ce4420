/**
 * The app PIN: rules for a valid PIN, and turning a PIN into a verifier that can be stored on the
 * device without storing the PIN. PBKDF2-HMAC-SHA-256 through WebCrypto with a random 16-byte salt.
 *
 * Why this iteration count: a 4-to-8-digit PIN has too few possibilities for any hash to resist an
 * attacker who has copied the device's storage; what protects it is the five-attempt limit and the
 * erase after it. The count only has to make each guess slow enough to matter on stolen storage
 * while an unlock on a mid-range phone stays well under a second. Each record keeps its own count,
 * so raising it later does not break existing PINs.
 *
 * Works offline by design: the PIN is never sent anywhere.
 */
import type { PinRecord } from './database.ts'

export const pinIterations = 310_000
export const minPinLength = 4
export const maxPinLength = 8

const saltBytes = 16
const hashBits = 256

/** Why a new PIN is not acceptable, or null when it is. */
export function pinProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'Your PIN must be digits only.'
  if (pin.length < minPinLength || pin.length > maxPinLength) {
    return `Your PIN must be ${minPinLength} to ${maxPinLength} digits.`
  }
  return null
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return bytes
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, hashBits)
  return new Uint8Array(bits)
}

/** Make the stored verifier for a new PIN. */
export async function createPinRecord(
  pin: string,
  options: { iterations?: number; now?: number } = {},
): Promise<PinRecord> {
  const iterations = options.iterations ?? pinIterations
  const salt = crypto.getRandomValues(new Uint8Array(saltBytes))
  const hash = await derive(pin, salt, iterations)
  return {
    key: 'current',
    algorithm: 'PBKDF2-SHA-256',
    iterations,
    salt: toBase64(salt),
    hash: toBase64(hash),
    createdAt: options.now ?? Date.now(),
  }
}

/** Compare without an early exit, so timing does not reveal how much of the hash matched. */
function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false
  let difference = 0
  for (let index = 0; index < left.length; index += 1) difference |= (left[index] ?? 0) ^ (right[index] ?? 0)
  return difference === 0
}

export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  const candidate = await derive(pin, fromBase64(record.salt), record.iterations)
  return sameBytes(candidate, fromBase64(record.hash))
}
