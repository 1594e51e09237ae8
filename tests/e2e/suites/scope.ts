/**
 * Browser suite (issue 15, item 7), run by tests/e2e/admin.test.ts: a real Chromium (playwright-core) drives the
 * real admin panel as a seller. Their Cars list shows only their own listings (the count matches), the nav lacks
 * staff-only collections, no request goes to gravatar.com, and the header's locale label is not "undefined".
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminBrowser, SEED_MS, signIn } from '../../helpers/browser'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

/** Registers the suite; `panel` is filled in by the harness's beforeAll. It seeds a pending listing, so it runs after
 *  the analytics suite, whose moderation count it would change. */
export function scopeSuite(panel: AdminBrowser): void {
  describe('admin: a seller sees their own scope', () => {
    let page: Page
    let seller: TestUser
    const ownTitles: string[] = []
    const thirdPartyRequests: string[] = []

    beforeAll(async () => {
      const payload = await testPayload()
      const other = await createUser({ roles: ['seller'] })
      seller = await createUser({ roles: ['seller'], data: { firstName: 'Scoped', lastName: 'Seller' } })
      const make = await payload.create({ collection: 'makes', overrideAccess: true, data: { name: `Scopemake ${Date.now()}` } as never })
      const model = await payload.create({ collection: 'models', overrideAccess: true, data: { name: 'Scopemodel', make: make.id, yearFrom: 1990 } as never })
      const car = (owner: TestUser, title: string, status: string) =>
        payload.create({
          collection: 'cars',
          overrideAccess: true,
          context: { seed: true },
          data: { title, make: make.id, model: model.id, year: 2020, price: 10000, condition: 'used', seller: owner.id, status } as never,
        })
      const stamp = Date.now()
      for (const [i, status] of ['active', 'draft', 'pending_review'].entries()) {
        const title = `Own listing ${i} ${stamp}`
        ownTitles.push(title)
        await car(seller, title, status)
      }
      // Other sellers' public listings: visible through the API, but not in this seller's admin list.
      for (let i = 0; i < 4; i++) await car(other, `Foreign listing ${i} ${stamp}`, 'active')
      page = await panel.browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC', locale: 'en-US' })
      page.setDefaultTimeout(120_000)
      // Records every text the header's locale label ever shows (server render, hydration, client navigation).
      await page.addInitScript(() => {
        const w = window as unknown as { __labels: string[] }
        w.__labels = []
        const record = () => {
          for (const el of Array.from(document.querySelectorAll('.localizer-button__current-label'))) {
            const t = (el.textContent ?? '').trim()
            if (w.__labels[w.__labels.length - 1] !== t) w.__labels.push(t)
          }
        }
        new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true })
        document.addEventListener('DOMContentLoaded', record)
      })
      page.on('request', (req) => {
        const host = new URL(req.url()).hostname
        if (host && host !== '127.0.0.1' && host !== 'localhost') thirdPartyRequests.push(req.url())
      })
    }, SEED_MS)

    afterAll(() => page?.close())

    it(
      'own listings only, no staff collections in the nav, no gravatar, a real locale label',
      async () => {
        await signIn(page, panel.server.url, seller)

        // The dashboard header: "Locale: English" once settled (the label is in the DOM, collapsed on the dashboard).
        const label = page.locator('.localizer-button__current-label').first()
        await label.waitFor({ state: 'attached' })
        await expect.poll(async () => (await label.textContent())?.trim(), { timeout: 60_000 }).toBe('English')
        const afterLogin = await page.evaluate(() => (window as unknown as { __labels: string[] }).__labels)
        // A fresh load of the dashboard (server render + hydration) never shows "undefined".
        await page.evaluate(() => ((window as unknown as { __labels: string[] }).__labels = []))
        await page.reload()
        await label.waitFor({ state: 'attached' })
        await expect.poll(async () => (await label.textContent())?.trim(), { timeout: 60_000 }).toBe('English')
        const seen = await page.evaluate(() => (window as unknown as { __labels: string[] }).__labels)
        console.info('[admin-scope] locale labels seen after login:', afterLogin, 'after reload:', seen)
        expect(seen.length).toBeGreaterThan(0)
        expect(seen.filter((t) => /undefined/.test(t))).toEqual([])

        // The nav: the seller's collections, none of the staff-only ones.
        const navLinks = async () =>
          page
            .locator('nav a[href*="/admin/collections/"]')
            .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/^\/admin\/collections\//, '').replace(/\/.*$/, '')))
        await page.locator('nav a[href*="/admin/collections/cars"]').first().waitFor({ state: 'attached' })
        const nav = await navLinks()
        expect(nav).toContain('cars')
        expect(nav).toContain('dealers')
        for (const staffOnly of ['users', 'login-events', 'posts', 'comments', 'makes', 'plans', 'payments', 'contact-submissions', 'financial-products', 'services']) {
          expect(nav, staffOnly).not.toContain(staffOnly)
        }

        // The Cars list: exactly the seller's own listings (all statuses), none of the other seller's.
        await page.goto(`${panel.server.url}/admin/collections/cars?limit=100`)
        const rows = page.locator('table tbody tr')
        await rows.first().waitFor()
        await expect.poll(async () => rows.count(), { timeout: 60_000 }).toBe(ownTitles.length)
        const text = await page.locator('table tbody').innerText()
        for (const title of ownTitles) expect(text).toContain(title)
        expect(text).not.toMatch(/Foreign listing/)

        // The avatar is Payload's default icon: nothing was requested from gravatar or any other third party.
        await page.locator('.nav, nav').first().waitFor({ state: 'attached' })
        expect(thirdPartyRequests.filter((u) => /gravatar\.com/.test(u))).toEqual([])
        expect(thirdPartyRequests).toEqual([])
      },
      10 * 60_000,
    )
  })
}
