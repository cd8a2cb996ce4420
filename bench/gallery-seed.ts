/**
 * More wanted people than the demo force has, for the gallery benchmark: people of an already
 * seeded force who are not wanted become wanted, each a copy of a seeded wanted record taken in
 * turn (so priorities, offences and places keep the seed's mix), with a demo drawing as a photo
 * when they have none. Written through the seed's own bulk insert; a benchmark-only step, never
 * part of `npm run seed`.
 */
import type { Insertable } from 'kysely'
import { insertRows } from '../src/server/seed/bulk-insert.ts'
import type { Description } from '../src/server/seed/people.ts'
import { demoPhotos, demoPhotoSvg, demoPhotoType } from '../src/server/seed/photos.ts'
import { createRandom } from '../src/server/seed/random.ts'
import type { Store } from '../src/server/store/db.ts'
import { mediaVersion } from '../src/server/store/media.ts'
import type { MediaTable, WantedTable } from '../src/server/store/schema.ts'

const fallbackDescription: Description = { heightCm: 175, build: 'medium', hair: 'short dark brown', eyes: 'brown', marks: [] }

function description(json: string): Description {
  try {
    return { ...fallbackDescription, ...(JSON.parse(json) as Partial<Description>) }
  } catch {
    return fallbackDescription
  }
}

/** Makes wanted people until `total` are wanted; returns how many there are and how many were added. */
export async function addWantedPeople(store: Store, total: number): Promise<{ wanted: number; added: number }> {
  const templates = await store.db.selectFrom('wanted').selectAll().orderBy('personId').execute()
  if (templates.length === 0) throw new Error('seed the demo force first: there is no wanted record to copy')
  const needed = Math.max(0, total - templates.length)
  const candidates = await store.db.selectFrom('people').leftJoin('wanted', 'wanted.personId', 'people.id')
    .select(['people.id', 'people.description', 'people.photoMediaId']).where('wanted.personId', 'is', null)
    .orderBy('people.id').limit(needed).execute()
  if (candidates.length < needed) throw new Error(`only ${templates.length + candidates.length} people in the force: seed a larger one`)

  const r = createRandom(4)
  const now = new Date().toISOString()
  const wanted: Insertable<WantedTable>[] = []
  const unphotographed: { id: string; drawing: string }[] = []
  candidates.forEach((person, index) => {
    const template = templates[index % templates.length]!
    wanted.push({ ...template, personId: person.id, updatedAt: now })
    if (person.photoMediaId === null) unphotographed.push({ id: person.id, drawing: demoPhotoSvg(r, description(person.description)) })
  })
  const pictures = await demoPhotos(unphotographed.map((p) => p.drawing))
  const photos = unphotographed.map(({ id }, i): Insertable<MediaTable> => ({
    id: `photo-${id}`, personId: id, kind: 'photo', title: 'Demo drawing, not a photograph', contentType: demoPhotoType,
    bytes: pictures[i]!, version: mediaVersion(pictures[i]!), createdAt: now,
  }))
  await insertRows(store, 'wanted', wanted)
  await insertRows(store, 'media', photos)
  await store.db.transaction().execute(async (trx) => {
    for (const photo of photos) await trx.updateTable('people').set({ photoMediaId: photo.id }).where('id', '=', photo.personId!).execute()
  })
  return { wanted: templates.length + wanted.length, added: wanted.length }
}
