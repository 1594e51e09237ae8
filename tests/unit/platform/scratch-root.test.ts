/**
 * Where the test run's PostgreSQL goes (tests/setup/scratch-root.ts): a roomy tmpfs, else the OS's temp directory; and
 * the directories of runs killed before their teardown, removed by the next run.
 */
import nodeFs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { makeRunDir, MIN_FREE_BYTES, removeAbandonedRuns, RUN_PREFIX, scratchRoot, TMPFS_MAGIC } from '../../setup/scratch-root'

const EXT4_MAGIC = 0xef53
const fs = (type: number, freeBytes: number) => () => ({ type, bsize: 4096, bavail: Math.floor(freeBytes / 4096) })
const base = { env: {}, candidates: ['/dev/shm'], writable: () => true, tmpdir: () => '/tmp' }

describe('scratchRoot', () => {
  it('takes /dev/shm when it is a tmpfs with room for the run', () => {
    expect(scratchRoot({ ...base, statfs: fs(TMPFS_MAGIC, 24 * 1024 ** 3) })).toBe('/dev/shm')
    expect(scratchRoot({ ...base, statfs: fs(TMPFS_MAGIC, MIN_FREE_BYTES) })).toBe('/dev/shm')
  })

  it("falls back to the OS's temp directory for a small tmpfs (a container's 64 MB), a disk, an unwritable or missing one", () => {
    expect(scratchRoot({ ...base, statfs: fs(TMPFS_MAGIC, 64 * 1024 ** 2) })).toBe('/tmp')
    expect(scratchRoot({ ...base, statfs: fs(EXT4_MAGIC, 100 * 1024 ** 3) })).toBe('/tmp')
    expect(scratchRoot({ ...base, statfs: fs(TMPFS_MAGIC, 24 * 1024 ** 3), writable: () => false })).toBe('/tmp')
    const missing = () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
    }
    expect(scratchRoot({ ...base, statfs: missing })).toBe('/tmp')
  })

  it('TEST_PG_DIR names the directory whatever the machine has', () => {
    expect(scratchRoot({ ...base, env: { TEST_PG_DIR: '/srv/pg-tests' }, statfs: fs(TMPFS_MAGIC, 24 * 1024 ** 3) })).toBe('/srv/pg-tests')
  })
})

describe('removeAbandonedRuns', () => {
  const root = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'scratch-root-'))
  afterAll(() => nodeFs.rmSync(root, { recursive: true, force: true }))
  const owned = (pid: number) => {
    const dir = makeRunDir(root)
    nodeFs.writeFileSync(path.join(dir, 'owner.pid'), String(pid))
    nodeFs.mkdirSync(path.join(dir, 'data', 'base'), { recursive: true })
    return dir
  }

  it("removes the runs whose process has ended, keeps the running ones, unowned ones for a day, and anything else's", () => {
    const mine = makeRunDir(root)
    expect(nodeFs.readFileSync(path.join(mine, 'owner.pid'), 'utf8')).toBe(String(process.pid))
    const ended = owned(999_001)
    const running = owned(999_002)
    const unownedNew = path.join(root, `${RUN_PREFIX}new`)
    const unownedOld = path.join(root, `${RUN_PREFIX}old`)
    nodeFs.mkdirSync(unownedNew)
    nodeFs.mkdirSync(unownedOld)
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000)
    nodeFs.utimesSync(unownedOld, twoDaysAgo, twoDaysAgo)
    const other = path.join(root, 'someone-else')
    nodeFs.mkdirSync(other)

    const removed = removeAbandonedRuns(root, (pid) => pid === process.pid || pid === 999_002)
    expect(removed.sort()).toEqual([ended, unownedOld].sort())
    expect([mine, running, unownedNew, other].map((d) => nodeFs.existsSync(d))).toEqual([true, true, true, true])
    expect([ended, unownedOld].map((d) => nodeFs.existsSync(d))).toEqual([false, false])
  })

  it('answers nothing for a root that does not exist', () => {
    expect(removeAbandonedRuns(path.join(root, 'missing'))).toEqual([])
  })
})
