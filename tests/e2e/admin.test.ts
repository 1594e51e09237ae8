/**
 * The browser tests: a real Chromium (playwright-core) drives the real admin panel (express + Next). One server and
 * one browser serve every suite in tests/e2e/suites/. Next serves the production build named by E2E_NEXT_BUILD (CI
 * builds before testing), or else runs in dev mode, where /admin compiles once per server (about a minute and a
 * half of CPU); see `adminNextMode` in tests/helpers/browser.ts.
 *
 * Chromium: CHROMIUM_PATH or /usr/bin/chromium; when missing, the setup installs Debian's `chromium`
 * (`apt-get install -y chromium`, as root), or fails saying how to install it.
 */
import { chromium } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

import { adminNextMode, type AdminBrowser, FIRST_COMPILE_MS, findChromium, LAUNCH_ARGS, waitForOk } from '../helpers/browser'
import { testPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'
import { analyticsSuite } from './suites/analytics'
import { locksSuite } from './suites/locks'
import { scheduleSuite } from './suites/schedule'
import { scopeSuite } from './suites/scope'

const panel = {} as AdminBrowser

beforeAll(
  async () => {
    const executablePath = findChromium()
    await testPayload()
    panel.server = await startTestServer({ next: true, ...adminNextMode('admin') })
    await waitForOk(`${panel.server.url}/admin/login`, FIRST_COMPILE_MS)
    panel.browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS })
  },
  FIRST_COMPILE_MS + 5 * 60_000,
)

afterAll(async () => {
  await panel.browser?.close().catch(() => {})
  await panel.server?.close().catch(() => {})
})

// In this order: the analytics suite counts the moderation queue and the listings; the others add to both.
analyticsSuite(panel)
scheduleSuite(panel)
scopeSuite(panel)
locksSuite(panel)
