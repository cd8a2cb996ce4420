/**
 * Where the real police.uk sample files are: they stay outside the repository (../shared/data/
 * police-uk beside the working folder). `POLICE_UK_SAMPLES` names the folder when a checkout lives
 * elsewhere (a CI clone, say); otherwise the sibling folder and the workplace's shared folder are
 * tried. Tests that need the files fail, saying where they looked, rather than skip.
 */
import fs from 'node:fs'
import path from 'node:path'

export function policeUkSampleDir(): string {
  const candidates = [
    process.env.POLICE_UK_SAMPLES,
    path.resolve(import.meta.dirname, '../../../../shared/data/police-uk'),
    '/work/shared/data/police-uk',
  ].filter((dir): dir is string => Boolean(dir))
  const found = candidates.find((dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.csv')))
  if (!found) throw new Error(`the police.uk sample files were not found (looked in ${candidates.join(', ')}); set POLICE_UK_SAMPLES`)
  return found
}
