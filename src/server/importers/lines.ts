/**
 * Reads an import file line by line for the importers, safely whatever the file holds.
 *
 * Node's readline cannot do this: it decodes bytes it cannot read as U+FFFD without a word (a
 * Latin-1 "Café" would be stored as "Caf\uFFFD"), and it holds a whole line in memory however long
 * it is. Here lines are split on the bytes, so:
 * - a line longer than `maxBytes` is skipped as it streams past (never more than `maxBytes` of it
 *   is held) and reported with its size, and the next line carries on with its right number;
 * - each line is decoded as strict UTF-8, and one that is not UTF-8 is reported with the first bad
 *   byte (Latin-1 and Windows-1252 files fail here), never stored garbled;
 * - a NUL byte makes a line unreadable (binary data; PostgreSQL cannot store it in text);
 * - a UTF-8 byte-order mark is dropped, Windows line endings are read;
 * - the file as a whole is refused before any line is read when it is UTF-16 (a byte-order mark) or
 *   binary (NUL bytes in its first block), so nothing is imported from it.
 * The last line of a file that does not end with a line break is marked `unterminated`: when such a
 * line is broken, the file was most likely cut short, and the importers say so.
 */
import fs from 'node:fs'

export type FileLine =
  | { number: number; text: string; unterminated: boolean }
  | { number: number; problem: string; unterminated: boolean }

/** The file cannot be read as text at all: nothing in it was imported. */
export class UnreadableFileError extends Error {}

const sniffBytes = 8192
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true })
const formatBytes = (n: number) => n.toLocaleString('en-GB')

function refuseUnreadable(head: Buffer): void {
  if (head[0] === 0xff && head[1] === 0xfe) throw new UnreadableFileError('the file is UTF-16 (little-endian byte-order mark FF FE), not UTF-8: save it as UTF-8')
  if (head[0] === 0xfe && head[1] === 0xff) throw new UnreadableFileError('the file is UTF-16 (big-endian byte-order mark FE FF), not UTF-8: save it as UTF-8')
  const nul = head.subarray(0, sniffBytes).indexOf(0)
  if (nul >= 0) throw new UnreadableFileError(`the file is binary, not text (a NUL byte at offset ${nul}; UTF-16 text without a byte-order mark looks the same): save it as UTF-8 text`)
}

function decodeLine(bytes: Buffer): { text: string } | { problem: string } {
  const nul = bytes.indexOf(0)
  if (nul >= 0) return { problem: `a NUL byte at byte ${nul + 1}: binary data, not text` }
  try {
    return { text: strictUtf8.decode(bytes) }
  } catch {
    // The valid prefix decodes the same either way, so the first U+FFFD marks the first bad byte.
    const lenient = lenientUtf8.decode(bytes)
    const at = Buffer.byteLength(lenient.slice(0, lenient.indexOf('\uFFFD')))
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0')
    return { problem: `not UTF-8 text (byte 0x${byte} at byte ${at + 1}): the file may be Latin-1 or Windows-1252; save it as UTF-8` }
  }
}

/** The lines of `file`, numbered from 1. Throws UnreadableFileError before the first line when the file is not UTF-8 text. */
export async function* readFileLines(file: string, options: { maxBytes: number }): AsyncGenerator<FileLine> {
  const { maxBytes } = options
  let parts: Buffer[] = []
  let held = 0
  let size = 0
  let number = 1
  let first = true
  const finish = (unterminated: boolean): FileLine => {
    if (size > maxBytes) return { number, unterminated, problem: `line is ${formatBytes(size)} bytes long, over the limit of ${formatBytes(maxBytes)}: skipped` }
    let bytes = Buffer.concat(parts, held)
    if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1)
    const decoded = decodeLine(bytes)
    return 'text' in decoded ? { number, unterminated, text: decoded.text } : { number, unterminated, problem: decoded.problem }
  }
  const take = (bytes: Buffer) => {
    size += bytes.length
    if (size <= maxBytes) {
      parts.push(bytes)
      held += bytes.length
    } else if (held > 0) {
      parts = []
      held = 0
    }
  }
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0
    if (first) {
      first = false
      refuseUnreadable(chunk)
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) start = 3
    }
    for (let end = chunk.indexOf(0x0a, start); end >= 0; end = chunk.indexOf(0x0a, start)) {
      take(chunk.subarray(start, end))
      yield finish(false)
      parts = []
      held = 0
      size = 0
      number += 1
      start = end + 1
    }
    if (start < chunk.length) take(chunk.subarray(start))
  }
  if (size > 0) yield finish(true)
}
