/** Where the test run's PostgreSQL goes (tests/setup/scratch-root.ts): a roomy tmpfs, else the OS's temp directory. */
import { describe, expect, it } from 'vitest'

import { MIN_FREE_BYTES, scratchRoot, TMPFS_MAGIC } from '../../setup/scratch-root'

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
