/**
 * Every view of the admin panel, in a real Chromium (playwright-core) on the demo data, for every role that may sign
 * in to the panel (admin, editor, seller, technician, parking owner): each collection and global the role's
 * navigation offers — its list, then the edit view of the list's first document, or the create view when the list is
 * empty and offers one — and the dashboard and account views. Every view must show its content (not "not found" or
 * "unauthorized"), with no error thrown in the page, no console error or warning, no request answered 4xx/5xx, no
 * request that leaves the server (a CDN, an avatar service: Payload's code/JSON field editor used to load Monaco from
 * cdn.jsdelivr.net, see src/http/editor-assets.ts), every code/JSON field's editor mounted, and no "undefined", "NaN",
 * "[object Object]" or "Invalid Date" in its text. The views come from the navigation, so a new collection or global
 * is covered without editing this file.
 *
 * The admin, whose navigation holds every collection and global, opens each view as a full page load: the server's
 * HTML and the browser's hydration of it (a mismatch is a console error). The other roles reach the same views by
 * following their links in the panel (the client router: the server renders the view, the browser swaps it in without
 * loading the page again), as a user moves through the panel: each such view costs about a third of a full load
 * (≈ 0.3 s against ≈ 0.9 s on this machine; 135 views for the four roles), and what differs per role, the data and
 * the fields their access lets them see, is rendered and checked the same way.
 *
 * Its own server and browser (the suites of admin.test.ts run on a database of their own making; this one needs the
 * demo data). Next serves the production build named by E2E_NEXT_BUILD (CI), or else a dev server
 * (tests/helpers/browser.ts), which renders a view in 2–6 s instead of ≈ 0.2 s: there only the admin's sweep runs
 * (every collection and global once, ≈ 115 views), unless E2E_EVERY_ROLE=1 asks for every role as CI runs them.
 */
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../src/access/roles'
import type { RunningServer } from '../../src/server'
import { adminNextMode, FIRST_COMPILE_MS, findChromium, LAUNCH_ARGS, signIn, waitForOk } from '../helpers/browser'
import { demoPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'
import { createUser } from '../helpers/users'

/** The roles the users collection lets into the panel (`access.admin`: everyone but a buyer). */
const PANEL_ROLES: Role[] = ['admin', 'editor', 'seller', 'technician', 'parking_owner']
/** Every role on a production build (CI) or when asked; on a dev server the admin's sweep alone (above). */
const ROLES: Role[] = process.env.E2E_NEXT_BUILD || process.env.E2E_EVERY_ROLE === '1' ? PANEL_ROLES : ['admin']
/** Text a view shows only when a value was not rendered as meant. */
const BROKEN_TEXT = [/\bundefined\b/, /\bNaN\b/, /\[object Object\]/, /Invalid Date/]
/** The root element of each kind of view; `.not-found` and `.unauthorized` are failures. */
const VIEW_ROOTS = '.dashboard, .collection-list, .collection-edit, .global-edit, .not-found, .unauthorized'

let server: RunningServer
let browser: Browser

beforeAll(
  async () => {
    const executablePath = findChromium()
    await demoPayload()
    server = await startTestServer({ next: true, ...adminNextMode('every-view') })
    await waitForOk(`${server.url}/admin/login`, FIRST_COMPILE_MS)
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS })
  },
  FIRST_COMPILE_MS + 5 * 60_000,
)

afterAll(async () => {
  await browser?.close().catch(() => {})
  await server?.close().catch(() => {})
})

/** What went wrong on a page, each entry prefixed with the view it happened on. */
function watch(page: Page, origin: string): { problems: string[]; at(view: string): void } {
  const problems: string[] = []
  let view = '/admin/login'
  page.on('pageerror', (e) => problems.push(`${view}: page error ${e.message.slice(0, 300)}`))
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${view}: console.${m.type()} ${m.text().slice(0, 300)} (${m.location().url.replace(origin, '') || 'no source'})`)
  })
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) problems.push(`${view}: request to ${r.url().slice(0, 200)}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${view}: ${r.status()} for ${r.request().method()} ${r.url().replace(origin, '').slice(0, 200)}`)
  })
  return { problems, at: (v) => (view = v) }
}

/**
 * How a view is reached: `load` — a full page load (the server's HTML, then hydration); `follow` — a click on the
 * view's link in the page (the panel's navigation, a list row, the create button, the account link), which the client
 * router follows without a page load; a view no link on the page leads to is loaded.
 */
type Reach = 'load' | 'follow'

/** Opens a view and waits until it stands: its root rendered, the page loaded, every code editor mounted. Answers whether a link was followed. */
async function open(page: Page, origin: string, view: string, problems: string[], reach: Reach = 'load'): Promise<boolean> {
  // A DOM click: a link inside a collapsed navigation group is not visible, and the router handles the click all the same.
  const followed =
    reach === 'follow' &&
    (await page.evaluate((href) => {
      const link = document.querySelector<HTMLAnchorElement>(`a[href="${href}"]`)
      link?.click()
      return Boolean(link)
    }, view))
  if (followed) await page.waitForURL((u) => u.pathname === view)
  else await page.goto(`${origin}${view}`, { waitUntil: 'load' })
  const root = page.locator(VIEW_ROOTS).first()
  await root.waitFor({ state: 'attached' })
  const kind = await root.evaluate((el) => el.className)
  if (/\b(not-found|unauthorized)\b/.test(kind)) problems.push(`${view}: shows ${kind}`)
  // Monaco mounts after the view, from /vendor/monaco-editor…: every `.code-editor` must get its `.monaco-editor`.
  const editors = await page.locator('.code-editor').count()
  if (editors) {
    await page
      .waitForFunction((n) => document.querySelectorAll('.code-editor .monaco-editor').length >= n, editors, { timeout: 30_000 })
      .catch(() => problems.push(`${view}: ${editors} code editor(s), not all mounted within 30 s`))
  }
  const text = await page.locator('body').innerText()
  for (const broken of BROKEN_TEXT) {
    const at = text.search(broken)
    if (at >= 0) problems.push(`${view}: text ${broken} in "…${text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, ' ')}…"`)
  }
  return followed
}

/** Signs in on a fresh page of `context`. */
const linksOf = (page: Page, selector: string) => page.locator(selector).evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))])

describe('every admin view renders cleanly for every panel role', () => {
  for (const role of ROLES) {
    it(
      role,
      async () => {
        const user = role === 'admin' ? { email: 'admin@example.com', password: 'admin12345' } : await createUser({ roles: [role] })
        const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC', locale: 'en-US' })
        const page = await context.newPage()
        page.setDefaultTimeout(120_000)
        const origin = server.url
        const { problems, at } = watch(page, origin)
        const reach: Reach = role === 'admin' ? 'load' : 'follow'
        try {
          await signIn(page, origin, user)
          at('/admin')
          await open(page, origin, '/admin', problems)
          const collections = await linksOf(page, 'nav a[href*="/admin/collections/"]')
          const globals = await linksOf(page, 'nav a[href*="/admin/globals/"]')
          expect(collections.length, `${role}: collections in the navigation`).toBeGreaterThan(0)
          const visited: string[] = []
          let followed = 0
          for (const list of collections) {
            at(list)
            if (await open(page, origin, list, problems, reach)) followed++
            visited.push(list)
            const [first] = await linksOf(page, `.collection-list table tbody tr a[href^="${list}/"]`)
            const [create] = first ? [] : await linksOf(page, `a[href="${list}/create"]`)
            const next = first ?? create
            if (next) {
              at(next)
              if (await open(page, origin, next, problems, reach)) followed++
              visited.push(next)
            }
          }
          for (const view of [...globals, '/admin/account']) {
            at(view)
            if (await open(page, origin, view, problems, reach)) followed++
            visited.push(view)
          }
          console.info(`[every-view] ${role}: ${visited.length} views (${followed} by a link), ${collections.length} collections, ${globals.length} globals`)
          // the other roles follow the panel's links (every view has one: navigation, list row, create button, account)
          if (reach === 'follow') expect(followed, `${role}: views reached by following a link`).toBe(visited.length)
          // the admin reaches every kind of view: lists, documents (some with code editors) and globals
          if (role === 'admin') expect(visited.filter((v) => /\/collections\/[^/]+\/\d+$/.test(v)).length).toBeGreaterThan(20)
          expect(problems, problems.join('\n')).toEqual([])
        } finally {
          await context.close()
        }
      },
      15 * 60_000,
    )
  }
})

/**
 * The panel in Arabic (src/plugins/arabic-admin.ts): what the browser shows an admin whose language is Arabic — the
 * navigation (every collection, global and group), the list columns and the edit form's labels, tabs and row names
 * of the collections with the most fields, a global and the account — holds no text without Arabic letters. That every
 * text has its Arabic is checked on the config by tests/unit/platform/arabic-admin.test.ts; this shows Payload puts it
 * on the page (the label functions evaluated for the reader's language).
 */
const ARABIC_VIEWS = ['cars', 'service-bookings', 'parking-spots', 'parking-bookings', 'users', 'parts']
/** Texts that are the same in both languages: numbers, dates, codes; and Payload's own label of the id column. */
const NO_LETTERS = /^[^A-Za-z]*$/
const SAME_IN_BOTH = new Set(['ID'])

describe('the panel in Arabic', () => {
  it(
    'navigation, list columns and form labels are Arabic, right to left',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC', locale: 'ar' })
      const page = await context.newPage()
      page.setDefaultTimeout(120_000)
      const origin = server.url
      const { problems, at } = watch(page, origin)
      const english: string[] = []
      /** The texts of `selector` on the page that hold Latin letters and no Arabic. */
      const latinOnly = async (view: string, selector: string) => {
        const texts = await page.locator(selector).evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText.trim()).filter(Boolean))
        for (const text of texts) if (!NO_LETTERS.test(text) && !SAME_IN_BOTH.has(text) && !/[\u0600-\u06FF]/.test(text)) english.push(`${view} ${selector}: "${text}"`)
        return texts.length
      }
      try {
        await signIn(page, origin, { email: 'admin@example.com', password: 'admin12345' })
        at('/admin')
        await open(page, origin, '/admin', problems)
        expect((await page.locator('html').getAttribute('dir'))?.toLowerCase()).toBe('rtl')
        expect(await latinOnly('/admin', 'nav a[href*="/admin/collections/"], nav a[href*="/admin/globals/"]')).toBeGreaterThan(50)
        expect(await latinOnly('/admin', 'nav .nav-group__label, nav .nav-group__toggle')).toBeGreaterThanOrEqual(10)
        for (const slug of ARABIC_VIEWS) {
          const list = `/admin/collections/${slug}`
          at(list)
          await open(page, origin, list, problems)
          expect(await latinOnly(list, '.collection-list thead th')).toBeGreaterThan(0)
          const [first] = await linksOf(page, `.collection-list table tbody tr a[href^="${list}/"]`)
          expect(first, `${list}: a document to open`).toBeDefined()
          at(first)
          await open(page, origin, first, problems)
          expect(await latinOnly(first, '.field-label, .tabs-field__tab-button, .array-field__header-content .array-field__title')).toBeGreaterThan(5)
        }
        for (const view of ['/admin/globals/platform-settings', '/admin/account']) {
          at(view)
          await open(page, origin, view, problems)
          await latinOnly(view, '.field-label, .tabs-field__tab-button')
        }
        expect(english, english.join('\n')).toEqual([])
        expect(problems, problems.join('\n')).toEqual([])
      } finally {
        await context.close()
      }
    },
    10 * 60_000,
  )
})
