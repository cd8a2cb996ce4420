/**
 * A second Kestrel server for a spec that needs settings the suite's server does not have (a
 * basemap archive, say): the same e2e/serve.ts (the real server on its own temporary database,
 * seeded), started on its own port with extra environment, and stopped with SIGTERM so it deletes
 * its database. It serves the same built client (CLIENT_DIR) as the suite's server.
 */
import { spawn } from 'node:child_process'
import { expect } from '@playwright/test'

export type ExtraServer = { url: string; stop: () => Promise<void> }

/** The suite's port plus an offset: each spec that starts a server picks its own offset. */
export function extraServerPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 8787) + offset
}

export async function startExtraServer(port: number, env: Record<string, string>): Promise<ExtraServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/serve.ts'], {
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), LOGIN_RATE_LIMIT: '10000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  // Seeding takes a minute on a loaded two-core machine.
  await expect.poll(async () => {
    if (child.exitCode !== null) throw new Error(`the extra server exited (${child.exitCode}):\n${output}`)
    try {
      return (await fetch(`${url}/api/health`)).ok
    } catch {
      return false
    }
  }, { timeout: 240_000, intervals: [1_000] }).toBe(true)
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
