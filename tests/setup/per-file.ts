/**
 * Runs before each test file (each in its own process): clones the template database into a fresh one and
 * points DATABASE_URL at it before anything imports the Payload config; then drops the databases of the files
 * that have finished (tests/setup/file-databases.ts).
 */
import pg from 'pg'
import { afterAll, inject } from 'vitest'

import { dropFinishedFileDatabases, fileDatabaseName } from './file-databases'

const adminUrl = inject('pgAdminUrl')
const name = fileDatabaseName()

const client = new pg.Client({ connectionString: adminUrl })
await client.connect()
for (let attempt = 0; ; attempt++) {
  try {
    // FILE_COPY copies the template's files (and checkpoints, cheap with the test cluster's fsync=off) instead of
    // writing every block to the WAL (PostgreSQL's default): measured two clones at a time of a 48 MB database,
    // ≈ 40 ms instead of 140–370 ms each.
    await client.query(`create database "${name}" template "${inject('templateDb')}" strategy file_copy`)
    break
  } catch (err) {
    // Two clones of one template at the same instant can collide; retry briefly.
    if (attempt > 20) throw err
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 150))
  }
}
try {
  await dropFinishedFileDatabases(client)
} finally {
  await client.end()
}

process.env.DATABASE_URL = `${inject('pgUrlPrefix')}${name}`
process.env.PAYLOAD_DB_PUSH = 'false'

// node-postgres's deprecations (a client given a query while it runs one, …) fail the file: pg 9 removes what they
// warn of. Node warns once per process and each file runs in its own (src/db/pool.ts chains a client's queries).
const pgDeprecations: string[] = []
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && /\bpg@9/.test(warning.message)) pgDeprecations.push(warning.stack ?? warning.message)
})
afterAll(() => {
  if (pgDeprecations.length) throw new Error(`node-postgres deprecation during this file:\n${pgDeprecations.join('\n')}`)
})

afterAll(async () => {
  const g = globalThis as { _payload?: Map<string, { payload?: { db?: { destroy?: () => Promise<void> } } }> }
  for (const cached of g._payload?.values() ?? []) await cached.payload?.db?.destroy?.().catch(() => {})
})
