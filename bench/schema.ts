/**
 * Prepares the bench database's schema before the production server starts.
 *
 * Production (`NODE_ENV=production`) never pushes the schema: it runs the migrations in src/migrations. While the
 * project has no migration files yet (`prodMigrations` is an empty list, which Payload answers with "No migrations
 * to run."), the schema is pushed once from a child process in development mode — exactly what the test harness
 * does (tests/setup/push-schema.ts) — and the production server then starts on the pushed schema. Once real
 * migration files exist, the push is skipped and the production server migrates the empty database itself.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { tsxNodeArgs } from '../src/lib/node-flags'

/** Migration files other than the generated index. */
export function migrationFiles(root: string): string[] {
  const dir = path.join(root, 'src/migrations')
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !/^index\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
}

/** Pushes the schema (and the database-extras migration's statements, applied after a push) into `databaseUrl`; returns what was done. */
export function prepareSchema(root: string, databaseUrl: string): 'migrations' | 'pushed' {
  if (migrationFiles(root).length) return 'migrations'
  const push = spawnSync(process.execPath, [...tsxNodeArgs(), path.join(root, 'tests/setup/push-schema.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'development',
      PAYLOAD_DB_PUSH: 'true',
      PAYLOAD_SECRET: 'bench-secret',
      LOG_LEVEL: 'error',
      JOBS_AUTORUN: 'false',
      DISABLE_PAYLOAD_HMR: 'true',
    },
  })
  if (push.status !== 0) throw new Error(`schema push failed:\n${push.stdout}\n${push.stderr}`)
  return 'pushed'
}
