/**
 * One embedded PostgreSQL for the whole run, in a fresh temporary data directory (in RAM where the machine allows:
 * tests/setup/scratch-root.ts) on a free port. The schema is pushed once into a template database; every test file
 * then gets its own database cloned from it (tests/setup/per-file.ts), so files run in parallel without sharing rows.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { TestProject } from 'vitest/node'

import { startEmbeddedPostgres } from '../../src/db/embedded'
import { tsxNodeArgs } from '../../src/lib/node-flags'
import { makeRunDir, removeAbandonedRuns, scratchRoot } from './scratch-root'

const __dirname = path.dirname(fileURLToPath(import.meta.url))

export const TEMPLATE_DB = 'autohub_template'

export default async function setup(project: TestProject) {
  const root = scratchRoot()
  removeAbandonedRuns(root)
  const dataDir = makeRunDir(root)
  const t0 = Date.now()
  const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), database: TEMPLATE_DB, log: false })
  process.env.DATABASE_URL = db.url
  const push = spawnSync(process.execPath, [...tsxNodeArgs(), path.resolve(__dirname, 'push-schema.ts')], {
    env: { ...process.env, DATABASE_URL: db.url, PAYLOAD_DB_PUSH: 'true', NODE_ENV: 'test', PAYLOAD_SECRET: 'test-secret', LOG_LEVEL: 'error', JOBS_AUTORUN: 'false', DISABLE_PAYLOAD_HMR: 'true' },
    encoding: 'utf8',
    cwd: path.resolve(__dirname, '../..'),
  })
  if (push.status !== 0) {
    await db.stop().catch(() => {})
    throw new Error(`schema push failed:\n${push.stdout}\n${push.stderr}`)
  }
  if (process.env.TEST_VERBOSE) console.info(`[test] database ready in ${Date.now() - t0} ms (${db.url}, data in ${dataDir})`)

  project.provide('pgAdminUrl', db.urlFor('postgres'))
  project.provide('pgUrlPrefix', db.urlFor(''))
  project.provide('templateDb', TEMPLATE_DB)

  return async () => {
    await db.stop().catch(() => {})
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
    pgUrlPrefix: string
    templateDb: string
  }
}
