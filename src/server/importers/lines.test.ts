/**
 * The importers' line reader on real files: numbering, line endings and the byte-order mark, a
 * character split across two reads, the length limit at its edge, and a 64 MB line skipped without
 * ever being held in memory.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readFileLines, type FileLine } from './lines.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-lines-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function write(name: string, content: string | Buffer) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

async function readAll(file: string, maxBytes = 1024): Promise<FileLine[]> {
  const lines: FileLine[] = []
  for await (const line of readFileLines(file, { maxBytes })) lines.push(line)
  return lines
}

describe('readFileLines', () => {
  it('numbers every line, blank ones too, reads CRLF, drops a UTF-8 byte-order mark and marks a last line without a break', async () => {
    const file = write('plain.txt', '\uFEFFone\r\n\ntwo\r\nthree')
    expect(await readAll(file)).toEqual([
      { number: 1, text: 'one', unterminated: false },
      { number: 2, text: '', unterminated: false },
      { number: 3, text: 'two', unterminated: false },
      { number: 4, text: 'three', unterminated: true },
    ])
    expect(await readAll(write('ended.txt', 'one\n'))).toEqual([{ number: 1, text: 'one', unterminated: false }])
    expect(await readAll(write('empty.txt', ''))).toEqual([])
  })

  it('decodes a character whose bytes fall either side of a read', async () => {
    // Reads are 64 KiB: put the two bytes of "é" at 65,535 and 65,536.
    const file = write('split.txt', `${'a'.repeat(65_535)}é\nnext\n`)
    const lines = await readAll(file, 100_000)
    expect(lines.map((l) => ('text' in l ? l.text.slice(-2) : l.problem))).toEqual(['aé', 'xt'])
  })

  it('takes a line of exactly the limit and refuses one byte more, counting bytes, not characters', async () => {
    const file = write('limit.txt', `${'é'.repeat(8)}\n${'é'.repeat(8)}x\nok\n`)
    expect(await readAll(file, 16)).toEqual([
      { number: 1, text: 'é'.repeat(8), unterminated: false },
      { number: 2, problem: 'line is 17 bytes long, over the limit of 16: skipped', unterminated: false },
      { number: 3, text: 'ok', unterminated: false },
    ])
  })

  it('skips a 64 MB line without holding it: the heap does not grow by the line', async () => {
    const size = 64 * 1024 * 1024
    const file = path.join(dir, 'huge.txt')
    const handle = fs.openSync(file, 'w')
    fs.writeSync(handle, 'before\n')
    const block = Buffer.alloc(1024 * 1024, 'x')
    for (let written = 0; written < size; written += block.length) fs.writeSync(handle, block)
    fs.writeSync(handle, '\nafter\n')
    fs.closeSync(handle)

    const heapBefore = process.memoryUsage().heapUsed
    let heapAtHugeLine = 0
    const seen: FileLine[] = []
    for await (const line of readFileLines(file, { maxBytes: 1024 * 1024 })) {
      if (line.number === 2) heapAtHugeLine = process.memoryUsage().heapUsed
      seen.push(line)
    }
    expect(seen).toEqual([
      { number: 1, text: 'before', unterminated: false },
      { number: 2, problem: 'line is 67,108,864 bytes long, over the limit of 1,048,576: skipped', unterminated: false },
      { number: 3, text: 'after', unterminated: false },
    ])
    // Read as one string (as readline does) the line alone would add 64 MB to the heap.
    expect(heapAtHugeLine - heapBefore).toBeLessThan(16 * 1024 * 1024)
  })
})
