/**
 * Demo "photos": a drawing of a head and shoulders, never a face. The head is a flat grey shape with
 * no features but the eyes, so it can never be taken for a real person; hair length and colour, eye
 * colour and build follow the person's description, so the drawing still helps a demo of
 * recognising someone. Every drawing carries a "DEMO" caption (drawn as lines, so no font is
 * needed). It is drawn as SVG and stored as a WebP picture of about 2 KB, as a force's custody
 * photos are pictures: a phone decodes a picture off the main thread, but draws an SVG on it,
 * which made the wanted gallery stutter (bench/gallery.ts).
 */
import sharp from 'sharp'
import type { Description } from './people.ts'
import { pick, type Random } from './random.ts'

const hairColours: readonly (readonly [string, string])[] = [['dark brown', '#3b2a1e'], ['light brown', '#8b6b47'],
  ['black', '#1b1b1b'], ['brown', '#6b4a2f'], ['fair', '#c9a96e'], ['blonde', '#d8b86a'], ['ginger', '#b5532a'],
  ['greying', '#8d8d8d'], ['grey', '#9a9a9a'], ['white', '#e6e6e6']]
const eyeColours: Readonly<Record<string, string>> = { brown: '#5a3a1a', blue: '#3a6ea5', hazel: '#8e7618', green: '#3f7f4f', grey: '#6f7f8f' }
const clothes = ['#2f3e4e', '#4a4a4a', '#6b2d2d', '#2d4a6b', '#35553a', '#5a4a6b', '#1f1f1f', '#7a6a4a']
const shoulderWidth: Readonly<Record<string, number>> = { slim: 40, medium: 46, athletic: 50, stocky: 52, heavy: 55 }

function hairShape(hair: string): string {
  if (hair === 'bald') return ''
  if (hair === 'shaved') return 'M38 58a22 24 0 0 1 44 0q-22-10-44 0z'
  if (/long|shoulder|braided/.test(hair)) return 'M36 66q-2-34 24-34t24 34v38q-6 4-10 0v-46q-14-6-28 0v46q-4 4-10 0z'
  if (/curly/.test(hair)) return 'M36 62q-4-30 24-30t24 30q-4-6-8-4q-4-8-8-4q-4-6-8-2q-4-6-8 0q-4-4-8 2q-4-2-8 8z'
  return 'M37 62q-1-30 23-30t23 30q-8-14-23-14t-23 14z'
}

export function demoPhotoSvg(r: Random, description: Description): string {
  const colour = hairColours.find(([name]) => description.hair.includes(name))?.[1] ?? '#3b2a1e'
  const eyes = eyeColours[description.eyes] ?? '#5a3a1a'
  const half = shoulderWidth[description.build] ?? 46
  const hair = hairShape(description.hair)
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 150" width="160" height="200" role="img" aria-label="Demo drawing, not a photograph">',
    '<rect width="120" height="150" fill="#dfe4ea"/>',
    `<path d="M${60 - half} 150q2-40 ${half}-42q${half - 2} 2 ${half} 42z" fill="${pick(r, clothes)}"/>`,
    '<rect x="52" y="86" width="16" height="24" fill="#aeb6c0"/>',
    '<ellipse cx="60" cy="66" rx="22" ry="27" fill="#c3c9d1"/>',
    hair ? `<path d="${hair}" fill="${colour}"/>` : '',
    `<circle cx="51" cy="66" r="2.6" fill="${eyes}"/><circle cx="69" cy="66" r="2.6" fill="${eyes}"/>`,
    '<rect y="124" width="120" height="26" fill="#000" fill-opacity=".65"/>',
    '<path d="M38 132v11h3.5q4.5 0 4.5-5.5t-4.5-5.5zM57 132h-7v11h7M50 137.5h5.5M60 143v-11l4.5 6 4.5-6v11" fill="none" stroke="#fff" stroke-width="2.4"/>',
    '<ellipse cx="76.5" cy="137.5" rx="4.3" ry="5.5" fill="none" stroke="#fff" stroke-width="2.4"/>',
    '</svg>',
  ].join('')
}

export const demoPhotoType = 'image/webp'

/** The drawings as WebP pictures, in order (libvips draws several at once on its own threads). */
export async function demoPhotos(svgs: readonly string[]): Promise<Buffer[]> {
  return Promise.all(svgs.map((svg) => sharp(Buffer.from(svg)).webp({ quality: 70, effort: 1 }).toBuffer()))
}
