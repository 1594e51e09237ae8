/**
 * The test files' own databases: named after the process that runs the file (one process per file: vitest's forks
 * pool with `isolate`), and dropped by a later file once that process has ended. So the run's cluster holds the
 * databases of the files running and of a few just finished, not one per file of the run (≈ 180 × 50 MB, which
 * also made stopping the cluster and removing its directory take a minute at the end of the run).
 */
import type pg from 'pg'

import { processAlive } from '../../src/lib/processes'

const PREFIX = 't_'

/** A new file database's name: `t_<pid>_<time>_<random>`. */
export function fileDatabaseName(pid = process.pid): string {
  return `${PREFIX}${pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
}

/** The pid a file database's name carries; null for any other database. */
export function creatorOf(name: string): number | null {
  const m = /^t_(\d+)_/.exec(name)
  return m ? Number(m[1]) : null
}

/**
 * Drops the file databases whose process has ended and which nobody is connected to (a server a test started may
 * outlive its file for a moment: its database is dropped by a later file). Never forces: a drop that meets a
 * connection after all fails and is left to the next file. Returns the names dropped.
 */
export async function dropFinishedFileDatabases(admin: pg.Client, alive: (pid: number) => boolean = processAlive): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    `select d.datname from pg_database d
      where d.datname like 't\\_%' and not exists (select 1 from pg_stat_activity a where a.datid = d.oid)`,
  )
  const dropped: string[] = []
  for (const { datname } of rows) {
    const pid = creatorOf(datname)
    if (pid === null || pid === process.pid || alive(pid)) continue
    try {
      await admin.query(`drop database if exists "${datname}"`)
      dropped.push(datname)
    } catch {
      // another file dropped it first, or a connection came in: a later file tries again
    }
  }
  return dropped
}
