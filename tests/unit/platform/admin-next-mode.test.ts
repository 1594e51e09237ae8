import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { adminNextMode } from '../../helpers/browser'

describe('adminNextMode: how the browser test serves the admin panel', () => {
  it('without E2E_NEXT_BUILD: a dev server in a build directory of its own, persistent cache off', () => {
    const env: Record<string, string | undefined> = {}
    expect(adminNextMode('admin', env)).toEqual({ dev: true })
    expect(env).toEqual({ NEXT_DIST_DIR: '.next/e2e/admin', NEXT_DEV_FS_CACHE: 'false' })
  })

  it('with E2E_NEXT_BUILD naming a production build: that build, no dev server', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autohub-next-build-'))
    try {
      fs.writeFileSync(path.join(dir, 'BUILD_ID'), 'abc')
      const env: Record<string, string | undefined> = { E2E_NEXT_BUILD: dir }
      expect(adminNextMode('admin', env)).toEqual({ dev: false })
      expect(env.NEXT_DIST_DIR).toBe(dir)
      expect(env.NEXT_DEV_FS_CACHE).toBeUndefined()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('with E2E_NEXT_BUILD naming a directory without a build: a clear error, nothing changed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autohub-next-build-'))
    try {
      const env: Record<string, string | undefined> = { E2E_NEXT_BUILD: dir }
      expect(() => adminNextMode('admin', env)).toThrow(/holds no production build \(no BUILD_ID\): run `npm run build` first/)
      expect(env).toEqual({ E2E_NEXT_BUILD: dir })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
