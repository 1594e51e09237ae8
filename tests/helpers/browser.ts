/**
 * Browser tests' shared setup: Debian's Chromium driven by playwright-core (never a downloaded browser).
 * Chromium: CHROMIUM_PATH or /usr/bin/chromium; when missing, installs Debian's `chromium` (`apt-get install -y
 * chromium`, as root), or fails saying how to install it.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

import type { Browser } from 'playwright-core'

import type { RunningServer } from '../../src/server'

/** The one admin panel (express + Next in dev mode) and Chromium that every browser suite drives (tests/e2e/admin.test.ts). */
export interface AdminBrowser {
  server: RunningServer
  browser: Browser
}

/** Flags that keep Chromium off this machine's closed network. */
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
/** Next (dev mode) compiles /admin on the first request. */
export const FIRST_COMPILE_MS = 8 * 60_000
/** A suite's own data setup (users, listings, a page). */
export const SEED_MS = 3 * 60_000

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  const found = candidates.find((p) => fs.existsSync(p))
  if (found) return found
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 5 * 60_000 })
    spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore', env, timeout: 10 * 60_000 })
    if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  }
  throw new Error('No Chromium found for the browser test. Install it with `apt-get update && apt-get install -y chromium` (as root), ' + 'or point CHROMIUM_PATH at a Chromium/Chrome binary.')
}

/** Polls `url` until it answers 200 (Next compiles /admin on first request) or the deadline passes. */
export async function waitForOk(url: string, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs
  let last = ''
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(Math.max(1_000, deadline - Date.now())) })
      if (res.status === 200) return
      last = `HTTP ${res.status}`
    } catch (err) {
      last = String(err)
    }
    await new Promise((r) => setTimeout(r, 1_000)) // poll interval
  }
  throw new Error(`${url} not ready after ${deadlineMs} ms (${last})`)
}

/**
 * Gives the browser tests' Next dev server a build directory of its own (`.next/e2e/<name>`), so that it never
 * meets a developer's `npm run dev` (Next 16 locks the directory per dev server). The directory is thrown away, so
 * Turbopack's persistent cache is not written (NEXT_DEV_FS_CACHE, read by next.config.mjs): writing it cost
 * 24–27 s of CPU per server. Call before starting the server.
 */
export function ownNextBuildDir(name: string): void {
  process.env.NEXT_DIST_DIR = `.next/e2e/${name}`
  process.env.NEXT_DEV_FS_CACHE = 'false'
}
