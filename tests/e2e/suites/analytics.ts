/**
 * Browser suite (issue 19), run by tests/e2e/admin.test.ts: a real Chromium drives the real admin panel.
 * The admin signs in: the dashboard shows KPIs and charts drawn from /api/analytics/dashboard with data; from the
 * listings moderation queue the admin approves a pending listing and its seller gets the notification. A seller
 * signs in and sees only their own figures. Its screenshots go to docs/screenshots/ (shown in docs/analytics.md and the
 * README) when UPDATE_SCREENSHOTS=1, else to a temporary folder: a test run leaves the checkout as it found it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminBrowser, SEED_MS, signIn } from '../../helpers/browser'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === '1'
const SHOTS = UPDATE_DOCS ? path.resolve(__dirname, '../../../docs/screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'autohub-shots-'))
afterAll(() => {
  if (!UPDATE_DOCS) fs.rmSync(SHOTS, { recursive: true, force: true })
})
const today = new Date().toISOString().slice(0, 10)

let admin: TestUser, seller: TestUser, other: TestUser
let pendingId = 0
const ownViews = [7, 5]
const foreignViews = 40
const titles: Record<string, string> = {}

const exec = async (q: ReturnType<typeof sql>) => ((await testPayload()).db as unknown as { drizzle: { execute: (q: unknown) => Promise<{ rows: any[] }> } }).drizzle.execute(q).then((r) => r.rows)

/**
 * The Y-axis labels of a chart (values, or categories for a bar chart) drawn over its plot (the grid) or cut off.
 * In Arabic the charts are mirrored (the Y axis on the right): an SVG label anchored at its start inherits the page's
 * right-to-left direction and runs back over the plot unless the chart draws its text left to right.
 */
async function misplacedAxisLabels(figure: Locator): Promise<string[]> {
  const grid = await figure.locator('.recharts-cartesian-grid').boundingBox()
  const svg = await figure.locator('.recharts-wrapper > svg.recharts-surface').boundingBox()
  if (!grid || !svg) return ['no chart drawn']
  const ticks = await figure.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').all()
  if (!ticks.length) return ['no Y-axis labels drawn']
  const out: string[] = []
  for (const tick of ticks) {
    const box = await tick.boundingBox()
    const text = (await tick.textContent()) ?? ''
    if (!box) continue
    if (box.x < grid.x + grid.width - 1 && box.x + box.width > grid.x + 1) out.push(`${text}: over the plot`)
    if (box.x < svg.x - 1 || box.x + box.width > svg.x + svg.width + 1) out.push(`${text}: cut off`)
  }
  return out
}

async function signedIn(panel: AdminBrowser, user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await panel.browser.newContext({ viewport: { width: 1400, height: 1100 }, timezoneId: 'UTC', locale: 'en-US' })
  const page = await context.newPage()
  page.setDefaultTimeout(120_000)
  await signIn(page, panel.server.url, user)
  return { context, page }
}

/** Registers the suite; `panel` is filled in by the harness's beforeAll. */
export function analyticsSuite(panel: AdminBrowser): void {
  describe('the admin panel as a workplace', () => {
    beforeAll(async () => {
      const payload = await testPayload()
      admin = await createUser({ roles: ['admin'] })
      seller = await createUser({ roles: ['seller'], data: { firstName: 'Dash', lastName: 'Seller' } })
      other = await createUser({ roles: ['seller'] })
      titles.make = `Chartmake ${Date.now()}`
      const make = await payload.create({ collection: 'makes', overrideAccess: true, data: { name: titles.make } as never })
      const model = await payload.create({ collection: 'models', overrideAccess: true, data: { name: 'Chartmodel', make: make.id, yearFrom: 1990 } as never })
      const car = async (owner: TestUser, title: string, status: string) =>
        (await payload.create({
          collection: 'cars',
          overrideAccess: true,
          context: { seed: true },
          data: { title, make: make.id, model: model.id, year: 2020, price: 10000, condition: 'used', seller: owner.id, status } as never,
        })) as unknown as { id: number }
      const stamp = Date.now()
      const own = [await car(seller, `Own red coupe ${stamp}`, 'active'), await car(seller, `Own blue van ${stamp}`, 'active')]
      titles.own0 = `Own red coupe ${stamp}`
      titles.own1 = `Own blue van ${stamp}`
      titles.foreign = `Foreign truck ${stamp}`
      const foreign = await car(other, titles.foreign, 'active')
      titles.pending = `Pending wagon ${stamp}`
      pendingId = (await car(seller, titles.pending, 'pending_review')).id
      // The daily history: today's views of each listing.
      const day = `${today}T00:00:00Z`
      for (const [i, c] of own.entries())
        await exec(sql`insert into listing_daily_stats (car_id, seller_id, day, views, favorites, offers) values (${c.id}, ${seller.id}, ${day}::timestamptz, ${ownViews[i]}, 1, 0)`)
      await exec(sql`insert into listing_daily_stats (car_id, seller_id, day, views, favorites, offers) values (${foreign.id}, ${other.id}, ${day}::timestamptz, ${foreignViews}, 3, 2)`)
    }, SEED_MS)

    it(
      'admin: the dashboard charts show data; approving a pending listing from the queue notifies its seller',
      async () => {
        const { context, page } = await signedIn(panel, admin)
        const dash = page.locator('[data-testid="analytics-dashboard"] [data-dashboard-kind="admin"]')
        await dash.waitFor()
        // KPIs match the database: every car and user here was created today (inside the default 30 days).
        const [{ n: cars }] = await exec(sql`select count(*)::int as n from cars`)
        const [{ n: users }] = await exec(sql`select count(*)::int as n from users`)
        await expect.poll(async () => (await page.locator('[data-kpi="newListings"] [data-kpi-value]').innerText()).trim()).toBe(String(cars))
        expect((await page.locator('[data-kpi="newUsers"] [data-kpi-value]').innerText()).trim()).toBe(String(users))
        // The series chart: one line per metric with a drawn path, and the breakdown chart: one bar for the make.
        const lines = page.locator('figure[data-chart="series"] .recharts-line path.recharts-curve')
        await expect.poll(async () => lines.count()).toBe(4)
        expect(await lines.first().getAttribute('d')).toMatch(/^M/)
        const bars = page.locator('figure[data-chart="breakdown"] .recharts-bar-rectangle')
        await expect.poll(async () => bars.count()).toBe(1)
        await page.locator('[data-testid="analytics-dashboard"]').screenshot({ path: path.join(SHOTS, 'admin-dashboard.png') })

        // The moderation queue, reached from the nav link.
        const link = page.locator('[data-testid="moderation-nav"] a[href="/admin/moderation/listings"]')
        await link.waitFor()
        expect(await link.textContent()).toContain('(1)')
        await page.goto(`${panel.server.url}/admin/moderation/listings`)
        const row = page.locator(`[data-moderation-item="${pendingId}"]`)
        await row.waitFor()
        expect(await row.innerText()).toContain(titles.pending)
        await page.screenshot({ path: path.join(SHOTS, 'moderation-listings.png') })
        await row.locator('[data-action="approve"]').click()
        await page.locator('[data-moderation-done]').waitFor()
        await page.locator('[data-moderation-empty]').waitFor()
        const [car] = await exec(sql`select status from cars where id = ${pendingId}`)
        expect(car.status).toBe('active')
        const notes = await exec(sql`select type from notifications where user_id = ${seller.id}`)
        expect(notes.map((n) => n.type)).toEqual(['listing_update'])

        // Admin speed: the Cars list arrives with the make column filled on the server — the browser asks nothing of
        // /api/makes (Payload's default cell fetches each relation after render, showing "Loading…" meanwhile).
        const makeRequests: string[] = []
        page.on('request', (r) => {
          if (new URL(r.url()).pathname.startsWith('/api/makes')) makeRequests.push(r.url())
        })
        await page.goto(`${panel.server.url}/admin/collections/cars?limit=10`)
        const makeCell = page.locator('[data-relation-title="makes"]').first()
        await makeCell.waitFor()
        expect(await makeCell.textContent()).toBe(titles.make)
        await page.waitForLoadState('networkidle')
        expect(makeRequests).toEqual([])
        await context.close()
      },
      10 * 60_000,
    )

    it(
      'a seller sees only their own figures',
      async () => {
        const { context, page } = await signedIn(panel, seller)
        const dash = page.locator('[data-testid="analytics-dashboard"] [data-dashboard-kind="seller"]')
        await dash.waitFor()
        const views = ownViews.reduce((a, b) => a + b, 0)
        await expect.poll(async () => (await page.locator('[data-kpi="views"] [data-kpi-value]').innerText()).trim()).toBe(String(views))
        expect((await page.locator('[data-kpi="favorites"] [data-kpi-value]').innerText()).trim()).toBe('2')
        expect((await page.locator('[data-kpi="offers"] [data-kpi-value]').innerText()).trim()).toBe('0')
        const breakdown = page.locator('figure[data-chart="breakdown"]')
        await expect.poll(async () => breakdown.locator('.recharts-bar-rectangle').count()).toBe(2)
        const labels = await breakdown.locator('.recharts-cartesian-axis-tick-value').allTextContents()
        expect(labels.join(' ')).toContain(titles.own0.slice(0, 10))
        expect(labels.join(' ')).not.toContain('Foreign')
        expect(await page.locator('[data-kpi="newUsers"]').count()).toBe(0) // no platform figures
        expect(await page.locator('[data-testid="moderation-nav"]').count()).toBe(0)
        for (const chart of ['series', 'breakdown']) expect(await misplacedAxisLabels(page.locator(`figure[data-chart="${chart}"]`)), chart).toEqual([])
        await page.locator('[data-testid="analytics-dashboard"]').screenshot({ path: path.join(SHOTS, 'seller-dashboard.png') })

        // In Arabic the dashboard renders right to left, with Arabic digits.
        await context.addCookies([{ name: 'payload-lng', value: 'ar', url: panel.server.url }])
        await page.reload()
        await page.locator('[data-testid="analytics-dashboard"][dir="rtl"] [data-dashboard-kind="seller"]').waitFor()
        await expect.poll(async () => (await page.locator('[data-kpi="views"] [data-kpi-value]').innerText()).trim()).toBe(new Intl.NumberFormat('ar-EG').format(views))
        expect(await page.locator('[data-kpi="views"]').innerText()).toContain('المشاهدات')
        // mirrored charts: the Y axis on the right, its labels beside the plot, not over it
        await expect.poll(async () => page.locator('figure[data-chart="breakdown"] .recharts-bar-rectangle').count()).toBe(2)
        for (const chart of ['series', 'breakdown']) expect(await misplacedAxisLabels(page.locator(`figure[data-chart="${chart}"]`)), chart).toEqual([])
        await page.locator('[data-testid="analytics-dashboard"]').screenshot({ path: path.join(SHOTS, 'seller-dashboard-ar.png') })
        await context.close()
      },
      10 * 60_000,
    )
  })
}
