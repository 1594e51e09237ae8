import { describe, expect, it } from 'vitest'

import fs from 'node:fs'
import path from 'node:path'

import { binariesDir, blockingDirectories } from '../../../src/db/embedded'

describe('blockingDirectories: what the postgres user cannot traverse when root starts embedded PostgreSQL', () => {
  const modes: Record<string, number> = { '/': 0o755, '/root': 0o700, '/root/app': 0o755, '/root/app/node_modules': 0o755, '/srv': 0o755, '/srv/app': 0o755, '/tmp': 0o1777, '/tmp/x': 0o700 }
  const stat = (p: string) => (p in modes ? { mode: modes[p] } : null)

  it('names the private ancestors of the binaries and the data directory, once each', () => {
    expect(blockingDirectories(['/root/app/node_modules', '/root/app/.data'], stat)).toEqual(['/root'])
    expect(blockingDirectories(['/tmp/x/data', '/srv/app'], stat)).toEqual(['/tmp/x'])
  })

  it('accepts traversable paths and directories that do not exist yet', () => {
    expect(blockingDirectories(['/srv/app/node_modules/pg', '/srv/app/.data/postgres', ''], stat)).toEqual([])
  })
})

describe('binariesDir', () => {
  it('locates the platform package whose initdb and postgres the embedded database runs', () => {
    const dir = binariesDir()
    expect(fs.existsSync(path.join(dir, '..', 'native', 'bin', 'initdb'))).toBe(true)
  })
})
