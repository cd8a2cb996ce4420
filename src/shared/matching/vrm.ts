/**
 * Vehicle registration marks as read off a plate or heard over the radio: spacing and case never
 * matter, and the usual misreads (0/O, 1/I, 5/S, 8/B) are tried too. Exact reads rank first.
 */

export function normaliseVrm(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

const MISREADS: Record<string, string> = { '0': 'O', O: '0', '1': 'I', I: '1', '5': 'S', S: '5', '8': 'B', B: '8' }

/** Every reading of a normalised VRM with any of its ambiguous characters swapped, itself first; at most 256. */
export function vrmReadings(vrm: string): string[] {
  let readings = ['']
  for (const char of vrm) {
    const alt = MISREADS[char]
    readings = readings.flatMap((r) => (alt && readings.length < 128 ? [r + char, r + alt] : [r + char]))
  }
  return readings
}
