/**
 * Browser tests' shared setup: Debian's Chromium driven by playwright-core (never a downloaded browser).
 * Chromium: CHROMIUM_PATH or /usr/bin/chromium; when missing, installs Debian's `chromium` (`apt-get install -y
 * chromium`, as root), or fails saying how to install it.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page, Response } from 'playwright-core'

import type { RunningServer } from '../../src/server'

/** The one admin panel (express + Next: a dev server, or a production build, see `adminNextMode`) and Chromium that every browser suite drives (tests/e2e/admin.test.ts). */
export interface AdminBrowser {
  server: RunningServer
  browser: Browser
}

/** Flags that keep Chromium off this machine's closed network. */
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
/** Next in dev mode compiles /admin on the first request. */
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
 * How the browser tests serve the admin panel. With `E2E_NEXT_BUILD` (the build directory of a production build of
 * this checkout — CI builds first and sets it to `.next`) Next serves that build (`dev: false`): nothing compiles,
 * and the panel is tested as it ships (production CSP, minified bundles). The browser test then takes ≈ 30 s of CPU
 * instead of ≈ 95 s. Without it, a Next dev server with a build directory of its own (`.next/e2e/<name>`), so that
 * it never meets a developer's `npm run dev` (Next 16 locks the directory per dev server); that directory is thrown
 * away, so Turbopack's persistent cache is not written (NEXT_DEV_FS_CACHE, read by next.config.mjs): writing it
 * cost 24–27 s of CPU per server. Call before starting the server; pass the result to `startTestServer`.
 */
export function adminNextMode(name: string, env: Record<string, string | undefined> = process.env): { dev: boolean } {
  const built = env.E2E_NEXT_BUILD
  if (built) {
    if (!fs.existsSync(path.join(built, 'BUILD_ID'))) {
      throw new Error(`E2E_NEXT_BUILD=${built} holds no production build (no BUILD_ID): run \`npm run build\` first, or unset it.`)
    }
    env.NEXT_DIST_DIR = built
    return { dev: false }
  }
  env.NEXT_DIST_DIR = `.next/e2e/${name}`
  env.NEXT_DEV_FS_CACHE = 'false'
  return { dev: true }
}

/**
 * Signs a user in through the admin panel's login form and waits for the dashboard. Answers the login page's response
 * (its headers: the Content-Security-Policy).
 */
export async function signIn(page: Page, origin: string, user: { email: string; password: string }): Promise<Response | null> {
  const loginPage = await page.goto(`${origin}/admin/login`)
  await page.locator('#field-email').fill(user.email)
  await page.locator('#field-password').fill(user.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((u) => u.pathname === '/admin' || u.pathname === '/admin/', { timeout: 180_000 })
  return loginPage
}
