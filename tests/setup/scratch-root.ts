/**
 * Where the test run's PostgreSQL keeps its files. Every test file clones its own database (≈ 50 MB in ≈ 1,850
 * files); on a disk each clone cost 0.1–1.5 s of mostly kernel time as the page cache wrote it back, and removing a
 * whole run's clusters at the end took 50–120 s. On a RAM-backed tmpfs a clone takes ≈ 55 ms and the removal well
 * under a second. So the cluster goes under /dev/shm when that is a tmpfs with room to spare, else under the OS's
 * temporary directory (a container's 64 MB /dev/shm, a machine without one); `TEST_PG_DIR` names another.
 */
import fs from 'node:fs'
import os from 'node:os'

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
