/**
 * Hostile text for e2e/injection.spec.ts, and the hostile people the e2e server holds.
 *
 * People come only from the records system (there is no route that writes them), so e2e/serve.ts
 * loads these through the real people importer (`importPeopleFile`, from a JSON lines file, as
 * `npm run import -- people` does) once the demo force is seeded, and makes them wanted, so every
 * package carries them and the gallery, a check, a briefing link and a profile can show them.
 * Names stay short (a name is at most 100 characters); the very long strings go into the
 * free-text fields the spec fills in.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { PersonImport } from '../src/server/importers/people.ts'

/** Strings that would do something if a screen treated them as markup, script, a link or SQL. */
export const hostile = {
  sql: `Robert'); DROP TABLE people;--`,
  img: `<img src=x onerror="window.__pwned=1">`,
  script: `<script>window.__pwned=1</script>`,
  svg: `"><svg onload=window.__pwned=1>`,
  template: `{{constructor.constructor('window.__pwned=1')()}}`,
  link: `javascript:window.__pwned=1`,
  /** U+202E RIGHT-TO-LEFT OVERRIDE: shows "Smith exe.gnp" reversed, a filename-spoofing trick. */
  rtl: `Smith \u202Egnp.exe\u202C done`,
} as const

/** A long free text (about 4,000 characters, in words, as a long statement would be). */
export const longText = `${'Statement continues with more detail about the incident; '.repeat(70)}end <b>of</b> statement.`

export const hostilePeople = [
  {
    id: 'E2E-HOSTILE-1',
    surname: hostile.sql,
    forenames: hostile.img,
    dob: '1985-04-01',
    sex: 'M',
    aliases: [{ surname: hostile.script, forenames: hostile.link }],
    description: { heightCm: 180, build: `Slim ${hostile.svg}`, marks: [hostile.template, hostile.rtl] },
  },
  {
    id: 'E2E-HOSTILE-2',
    surname: hostile.svg,
    forenames: hostile.template,
    dob: '1990-11-30',
    sex: 'F',
    aliases: [{ surname: hostile.rtl, forenames: hostile.img }],
    description: { hair: hostile.link, marks: [hostile.script] },
  },
] as const satisfies readonly PersonImport[]

/** The people as a JSON lines file in a temporary folder, for the importer; returns its path. */
export function writeHostilePeopleFile(areaId: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-e2e-hostile-')), 'people.jsonl')
  fs.writeFileSync(file, hostilePeople.map((p) => JSON.stringify({ ...p, areaId })).join('\n') + '\n')
  return file
}

/** What a wanted record of a hostile person says: the offence and last known place are hostile too. */
export const hostileWanted = { offence: hostile.script, lastKnownPlace: hostile.svg }

/** A person's name as the app shows it ("SURNAME, Forenames"). */
export const shownName = (p: { surname: string; forenames: string }) => `${p.surname.toUpperCase()}, ${p.forenames}`
