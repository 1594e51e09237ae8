/**
 * `npm run payload -- <command>`: Payload's CLI with the database started first when DATABASE_URL is unset
 * (embedded PostgreSQL), so `migrate`, `migrate:create` and `jobs:run` work on a fresh machine.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { ensureDatabase } from './database-url'

const args = process.argv.slice(2)
const needsDb = !['generate:types', 'generate:importmap', 'generate:db-schema'].includes(args[0] ?? '')
const embedded = needsDb ? await ensureDatabase() : null
const bin = path.resolve(process.cwd(), 'node_modules/payload/bin.js')
const child = spawn(process.execPath, [bin, ...args], {
  stdio: 'inherit',
  env: { ...process.env, PAYLOAD_CONFIG_PATH: path.resolve(process.cwd(), 'payload.config.ts') },
})
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
await embedded?.stop().catch(() => {})
process.exit(code)
