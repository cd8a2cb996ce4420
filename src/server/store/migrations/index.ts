/**
 * The ordered list of migrations. They are plain modules imported here (no file globbing), so the
 * same list runs from the server, the CLI and the tests.
 */
import type { Migration } from 'kysely'
import * as m0001 from './0001-foundation.ts'
import * as m0002 from './0002-briefing.ts'
import * as m0003 from './0003-claims-events.ts'
import * as m0004 from './0004-media-version.ts'
import * as m0005 from './0005-person-match-keys.ts'
import * as m0006 from './0006-crime-trends.ts'
import * as m0007 from './0007-curfew-checks.ts'
import * as m0008 from './0008-notes.ts'
import * as m0009 from './0009-briefing-fences.ts'
import * as m0010 from './0010-crime-rollup-read.ts'

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-briefing': m0002,
  '0003-claims-events': m0003,
  '0004-media-version': m0004,
  '0005-person-match-keys': m0005,
  '0006-crime-trends': m0006,
  '0007-curfew-checks': m0007,
  '0008-notes': m0008,
  '0009-briefing-fences': m0009,
  '0010-crime-rollup-read': m0010,
}
