/**
 * The server as a colleague's device sees it, over HTTP with no browser: for tests that need
 * something to happen elsewhere in the force (a colleague's claim) while they watch a screen.
 */
import type { APIRequestContext, PlaywrightWorkerArgs, TestInfo } from '@playwright/test'
import { wantedResponseSchema } from '../src/shared/api/claims.ts'
import { syncResponseSchema } from '../src/shared/api/sync.ts'
import { demoPassword, expect, projects } from './fixtures.ts'

/** The officer signed in over the API, as the server sees them. */
export async function officerApi(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, collarNumber: string): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL })
  const response = await api.post('/api/auth/login', { data: { collarNumber, password: demoPassword } })
  expect(response.status(), `sign-in of ${collarNumber} over the API`).toBe(200)
  return api
}

/**
 * A wanted person no other test claims: in the last area by name (wanted.spec.ts takes the first
 * six), counted from the end of the area's list, one per project for each `slot` a spec sets aside.
 */
export async function unclaimedWantedPerson(api: APIRequestContext, testInfo: TestInfo, slot: number) {
  const pkg = syncResponseSchema.parse(await (await api.get('/api/sync')).json())
  const lastArea = [...pkg.reference.areas].sort((a, b) => a.name.localeCompare(b.name)).at(-1)
  const wanted = wantedResponseSchema.parse(await (await api.get('/api/wanted')).json()).items
  const inArea = wanted.filter((entry) => entry.areaId === lastArea?.id)
  const project = projects.indexOf(testInfo.project.name as (typeof projects)[number])
  const person = inArea.at(-1 - (slot * projects.length + project))
  if (!person || person.claim !== null) throw new Error(`no unclaimed wanted person set aside in ${lastArea?.name ?? 'the last area'} for slot ${slot}`)
  return person
}

/** A person's name as the app shows it: "SMITH, John". */
export const displayName = (person: { surname: string; forenames: string }) => `${person.surname.toUpperCase()}, ${person.forenames}`
