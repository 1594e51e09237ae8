/**
 * Where the test run's PostgreSQL keeps its files. Every test file clones its own database (≈ 50 MB in ≈ 1,850
 * files); on a disk each clone cost 0.1–1.5 s of mostly kernel time as the page cache wrote it back, and removing a
 * whole run's clusters at the end took 50–120 s. On a RAM-backed tmpfs a clone takes ≈ 55 ms and the removal well
 * under a second. So the cluster goes under /dev/shm when that is a tmpfs with room to spare, else under the OS's
 * temporary directory (a container's 64 MB /dev/shm, a machine without one); `TEST_PG_DIR` names another.
 *
 * A run's directory carries the pid of the run's main process; a run killed before its teardown (SIGKILL, a closed
 * terminal) leaves its directory behind, which under /dev/shm holds RAM until the machine restarts, so the next run
 * removes those whose process has ended.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { processAlive } from '../../src/lib/processes'

/** `statfs`'s `f_type` of a tmpfs (linux/magic.h). */
export const TMPFS_MAGIC = 0x01021994
/** The room a run needs at most: the templates, the databases of the files running and of those not yet dropped. */
export const MIN_FREE_BYTES = 2 * 1024 ** 3

export interface ScratchOptions {
  env?: Record<string, string | undefined>
  candidates?: readonly string[]
  statfs?: (dir: string) => Pick<fs.StatsFs, 'type' | 'bavail' | 'bsize'>
  writable?: (dir: string) => boolean
  tmpdir?: () => string
}

const isWritable = (dir: string) => {
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

export function scratchRoot({ env = process.env, candidates = ['/dev/shm'], statfs = fs.statfsSync, writable = isWritable, tmpdir = os.tmpdir }: ScratchOptions = {}): string {
  if (env.TEST_PG_DIR) return env.TEST_PG_DIR
  for (const dir of candidates) {
    let stats: ReturnType<NonNullable<ScratchOptions['statfs']>>
    try {
      stats = statfs(dir)
    } catch {
      continue
    }
    if (stats.type === TMPFS_MAGIC && stats.bavail * stats.bsize >= MIN_FREE_BYTES && writable(dir)) return dir
  }
  return tmpdir()
}

export const RUN_PREFIX = 'autohub-test-pg-'
const OWNER_FILE = 'owner.pid'
/** A run directory without an owner file (made before they were written) is taken as abandoned after a day. */
const UNOWNED_MAX_AGE_MS = 24 * 3600_000

/** A new run directory under `root`, marked with this process's pid. */
export function makeRunDir(root: string): string {
  const dir = fs.mkdtempSync(path.join(root, RUN_PREFIX))
  fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid))
  return dir
}

/** Removes the run directories under `root` whose run has ended without removing its own; returns their paths. */
export function removeAbandonedRuns(root: string, alive: (pid: number) => boolean = processAlive, now = Date.now()): string[] {
  let names: string[]
  try {
    names = fs.readdirSync(root).filter((name) => name.startsWith(RUN_PREFIX))
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const dir = path.join(root, name)
    let abandoned: boolean
    try {
      const owner = Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8'))
      abandoned = !(Number.isInteger(owner) && owner > 0 && alive(owner))
    } catch {
      try {
        abandoned = now - fs.statSync(dir).mtimeMs > UNOWNED_MAX_AGE_MS
      } catch {
        continue // removed meanwhile
      }
    }
    if (!abandoned) continue
    fs.rmSync(dir, { recursive: true, force: true })
    removed.push(dir)
  }
  return removed
}
