import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import pg from 'pg'
import { getPayload, type Payload, type Where } from 'payload'
import { inject } from 'vitest'

import { tsxNodeArgs } from '../../src/lib/node-flags'

let instance: Promise<Payload> | null = null

/** The test file's Payload instance (its own database, see tests/setup/per-file.ts). */
export function testPayload(): Promise<Payload> {
  instance ??= (async () => {
    const { default: config } = await import('../../payload.config')
    return getPayload({ config })
  })()
  return instance
}

/** The template with the demo data: built once per run, by the first file that asks for it. */
const DEMO_TEMPLATE_DB = 'autohub_demo_template'
/** The advisory lock (on the cluster's `postgres` database) that serializes building and cloning the demo template. */
const DEMO_LOCK = 4_172_001

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * The test file's Payload on a database that holds the demo data (`seedAll`, src/lib/seed.ts), as if the file had
 * seeded it itself: the file's database is replaced by a clone of one seeded template. The first file to ask builds
 * the template (`seedAll` in a child process, tests/setup/seed-demo.ts, ≈ 10 s) while holding an advisory lock;
 * the others wait on that lock and clone the finished template (≈ 0.1 s) instead of seeding again. Call it before
 * anything else in the file opens the database.
 */
export async function demoPayload(): Promise<Payload> {
  if (instance) throw new Error('demoPayload() must be the first use of the database in a test file (testPayload() already ran)')
  const fileDb = new URL(process.env.DATABASE_URL!).pathname.slice(1)
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') })
  await admin.connect()
  try {
    await admin.query('select pg_advisory_lock($1)', [DEMO_LOCK])
    const built = await admin.query('select 1 from pg_database where datname = $1', [DEMO_TEMPLATE_DB])
    if (!built.rowCount) await buildDemoTemplate(admin)
    await admin.query(`drop database "${fileDb}"`)
    await admin.query(`create database "${fileDb}" template "${DEMO_TEMPLATE_DB}" strategy file_copy`)
  } finally {
    await admin.end() // ends the session, and with it the advisory lock
  }
  return testPayload()
}

/** Seeds a clone of the schema template in a child process and renames it to DEMO_TEMPLATE_DB once seeding succeeded. */
async function buildDemoTemplate(admin: pg.Client): Promise<void> {
  const building = `${DEMO_TEMPLATE_DB}_building`
  await admin.query(`drop database if exists "${building}"`)
  await admin.query(`create database "${building}" template "${inject('templateDb')}" strategy file_copy`)
  const child = spawn(process.execPath, [...tsxNodeArgs(), path.join(root, 'tests/setup/seed-demo.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `${inject('pgUrlPrefix')}${building}`, PAYLOAD_DB_PUSH: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`seeding the demo template failed (exit ${code}):\n${output}`)
  await admin.query(`alter database "${building}" rename to "${DEMO_TEMPLATE_DB}"`)
}

/** A public (active) demo car with a seller and a dealer: a detail at depth 1 populates every kind of relation. */
export async function populatedDemoCar(payload: Payload): Promise<{ id: number }> {
  const where: Where = { and: [{ status: { equals: 'active' } }, { seller: { exists: true } }, { dealer: { exists: true } }] }
  const [car] = (await payload.find({ collection: 'cars', where, limit: 1, depth: 0, overrideAccess: true })).docs
  if (!car) throw new Error('the demo data has no public car with a seller and a dealer')
  return car
}
