/**
 * The figures a benchmark hands back for the one-table summary that `npm run bench` prints at the
 * end: what was measured, its value, the goal it is held to and whether that goal was met (null
 * when the figure has no goal and is shown for information). Each benchmark still prints its own
 * detailed table; these are the headline numbers from it.
 */

export type Figure = { figure: string; value: string; goal: string; met: boolean | null }

/** The row shape most benchmarks print with `console.table`. */
export type GoalRow = { measure: string; value: string; goal: string; ok: string }

/** The rows of a benchmark's own table that were judged against a goal, as summary figures. */
export function goalFigures(rows: readonly GoalRow[], prefix = ''): Figure[] {
  return rows
    .filter((row) => row.goal !== '' && row.goal !== '-' && row.ok !== '')
    .map((row) => ({ figure: `${prefix}${row.measure}`, value: row.value, goal: row.goal, met: row.ok === 'yes' }))
}
