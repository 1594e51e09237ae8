/** `claimWorkDir` (bench/lib.ts): one bench at a time on bench/.work. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { claimWorkDir } from '../../../bench/lib'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lock-'))
const lock = path.join(dir, '.work.lock')
afterEach(() => fs.rmSync(lock, { force: true }))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('claimWorkDir', () => {
  it('writes its pid, refuses a second claim while held, and frees the lock on release', () => {
    const release = claimWorkDir(lock)
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid))
    expect(() => claimWorkDir(lock)).toThrow(`another bench (pid ${process.pid}) is using ${dir}`)
    release()
    expect(fs.existsSync(lock)).toBe(false)
    claimWorkDir(lock)()
  })

  it('takes over a lock whose owner has exited', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid
    fs.writeFileSync(lock, String(gone))
    const release = claimWorkDir(lock)
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid))
    release()
  })

  it("a release does not remove another run's lock", () => {
    const release = claimWorkDir(lock)
    fs.writeFileSync(lock, '1')
    release()
    expect(fs.readFileSync(lock, 'utf8')).toBe('1')
  })
})
