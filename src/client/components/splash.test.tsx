import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Splash } from './splash.tsx'

const indexHtml = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../index.html')

/** Markup compared as the browser reads it: no space between tags, and `<path …/>` as `<path …></path>`. */
function normalised(html: string): string {
  return html.replace(/>\s+</g, '><').replace(/\s+\/>/g, '/>').replace(/<(path)([^>]*)\/>/g, '<$1$2></$1>').trim()
}

describe('the splash painted before the code arrives', () => {
  it('is the same markup as the Splash React draws when it starts, so nothing jumps when React replaces it', () => {
    const root = /<div id="root">([\s\S]*?)<\/div>\s*<noscript>/.exec(fs.readFileSync(indexHtml, 'utf8'))?.[1]
    expect(root, 'index.html has a #root holding the splash').toBeDefined()
    expect(normalised(root!)).toBe(normalised(renderToStaticMarkup(<Splash message="Opening Kestrel…" />)))
  })
})
