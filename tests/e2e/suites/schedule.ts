/**
 * Browser suite, run by tests/e2e/admin.test.ts: a real Chromium (playwright-core) drives the real admin panel.
 * An editor logs in, creates a post, schedules its publication with the admin's Schedule Publish drawer,
 * and sees the post listed as a draft with its scheduled publication.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminBrowser, SEED_MS, signIn } from '../../helpers/browser'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

const pad = (n: number) => String(n).padStart(2, '0')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Registers the suite; `panel` is filled in by the harness's beforeAll. */
export function scheduleSuite(panel: AdminBrowser): void {
  describe('admin: schedule a post', () => {
    let page: Page
    let editor: TestUser
    /** Content-Security-Policy violations Chromium reports while the admin runs (src/http/security-headers.ts). */
    const cspViolations: string[] = []

    beforeAll(async () => {
      editor = await createUser({ roles: ['editor'], data: { firstName: 'Browser', lastName: 'Editor' } })
      page = await panel.browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC', locale: 'en-US' })
      page.setDefaultTimeout(120_000)
      page.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text())
      })
    }, SEED_MS)

    afterAll(() => page?.close())

    it(
      'an editor logs in, creates a post, schedules it, and sees it listed as scheduled',
      async () => {
        const payload = await testPayload()
        const loginPage = await signIn(page, panel.server.url, editor)
        // The admin is served under a Content-Security-Policy, and works under it (no violation but third-party avatars).
        expect(loginPage?.headers()['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/)

        const title = `Scheduled from the browser ${Date.now()}`
        await page.goto(`${panel.server.url}/admin/collections/posts/create`)
        await page.locator('#field-title').fill(title)
        // Autosave creates the draft and moves to its URL.
        await page.waitForURL(/\/admin\/collections\/posts\/\d+/, { timeout: 180_000 })
        const id = Number(/posts\/(\d+)/.exec(page.url())![1])
        await expect.poll(async () => (await payload.find({ collection: 'posts', where: { id: { equals: id } }, draft: true, overrideAccess: true })).docs[0]?.title, { timeout: 60_000 }).toBe(title)

        // Publish button's sub-menu → Schedule Publish → type, date, save. (Retried when the dev server
        // reloads the page underneath us, e.g. after a file change.)
        const when = new Date(Date.now() + 2 * 86_400_000)
        when.setUTCHours(10, 0, 0, 0)
        const typed = `${MONTHS[when.getUTCMonth()]} ${when.getUTCDate()}, ${when.getUTCFullYear()} 10:00 AM`
        const drawer = page.locator('.schedule-publish')
        let scheduled = false
        for (let attempt = 1; attempt <= 3 && !scheduled; attempt++) {
          try {
            await page.locator('#action-save-popup button, #action-save-popup .popup-button').first().click({ timeout: 60_000 })
            await page.locator('#schedule-publish').click({ timeout: 30_000 })
            await drawer.waitFor({ timeout: 30_000 })
            await drawer
              .locator('label', { hasText: /^Publish$/ })
              .first()
              .click({ timeout: 30_000 })
            const input = drawer.locator('.react-datepicker__input-container input').first()
            await input.click({ timeout: 30_000 })
            await input.fill(typed)
            // Close the calendar popup without Escape (Escape would close the whole drawer).
            await drawer.locator('h2').first().click({ timeout: 30_000 })
            await page.locator('#scheduled-publish-save').click({ timeout: 30_000 })
            await drawer.locator('.schedule-publish__upcoming table tbody tr').first().waitFor({ timeout: 60_000 })
            scheduled = true
          } catch (err) {
            if (attempt === 3) throw err
            await page.goto(`${panel.server.url}/admin/collections/posts/${id}`)
          }
        }

        // The drawer lists the upcoming event, and the job is in the queue for that time.
        await expect
          .poll(
            async () => {
              const jobs = await payload.find({
                collection: 'payload-jobs',
                overrideAccess: true,
                where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { 'input.doc.value': { equals: String(id) } }] },
              })
              return jobs.docs.map((j) => ({ type: (j.input as { type?: string })?.type, at: new Date(j.waitUntil as string).toISOString(), user: (j.input as { user?: unknown })?.user }))
            },
            { timeout: 30_000 },
          )
          .toContainEqual({ type: 'publish', at: when.toISOString(), user: editor.id })

        // The posts list shows it as a draft with its scheduled publication.
        await page.goto(`${panel.server.url}/admin/collections/posts`)
        const row = page.locator('tr', { hasText: title })
        await row.waitFor()
        const rowText = (await row.innerText()).replace(/\s+/g, ' ')
        expect(rowText).toContain(`publish · ${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}T10:00`)
        expect(rowText).toMatch(/Draft/)
        // Still invisible to the public until the job runs.
        const pub = await fetch(`${panel.server.url}/api/posts/${id}`)
        expect(pub.status).toBe(404)
        expect(cspViolations.filter((v) => !/gravatar\.com/.test(v))).toEqual([])
      },
      10 * 60_000,
    )
  })
}
