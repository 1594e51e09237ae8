/**
 * Browser suite, run by tests/e2e/admin.test.ts: the admin panel's document locking works for a seller under the
 * edit locks' access (src/plugins/payload-own.ts: the locks of what one may edit). An admin starts editing a seller's
 * car, and Payload locks it for the admin. The seller opening the same car sees "Document locked" (the editor by id:
 * the admin's email is not the seller's to read), takes it over from the panel (its own PATCH of the lock), and the
 * lock is then the seller's. Every request the seller's panel makes to the locks answers 2xx.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminBrowser, SEED_MS, signIn } from '../../helpers/browser'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { createCar } from '../../int/negotiation/fixtures'

export function locksSuite(panel: AdminBrowser): void {
  describe('admin: edit locks between an admin and a seller', () => {
    let admin: TestUser
    let seller: TestUser
    let carID: number
    const contexts: BrowserContext[] = []
    const lockAnswers: string[] = []

    const open = async (user: TestUser): Promise<Page> => {
      const context = await panel.browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC', locale: 'en-US' })
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(120_000)
      await signIn(page, panel.server.url, user)
      return page
    }
    /** The user holding the car's lock, if any. */
    const lockHolder = async (): Promise<number | null> => {
      const payload = await testPayload()
      const { docs } = await payload.find({
        collection: 'payload-locked-documents',
        where: { and: [{ 'document.relationTo': { equals: 'cars' } }, { 'document.value': { equals: carID } }] },
        depth: 0,
        overrideAccess: true,
      })
      const user = (docs[0] as { user?: { value: number } } | undefined)?.user
      return user ? user.value : null
    }

    beforeAll(async () => {
      admin = await createUser({ roles: ['admin'] })
      seller = await createUser({ roles: ['seller'] })
      carID = (await createCar({ seller: seller.id, status: 'draft' })).id
    }, SEED_MS)

    afterAll(async () => {
      for (const context of contexts) await context.close().catch(() => {})
    })

    it(
      "the seller sees the admin's lock on their car and takes it over from the panel",
      async () => {
        const adminPage = await open(admin)
        await adminPage.goto(`${panel.server.url}/admin/collections/cars/${carID}`)
        // Payload takes the lock with the first form-state request of an edit (typing in a field)
        const title = adminPage.locator('#field-title')
        await adminPage.waitForLoadState('networkidle')
        await title.fill(`${await title.inputValue()} (admin)`)
        await expect.poll(() => title.inputValue()).toMatch(/\(admin\)$/)
        await expect.poll(lockHolder, { timeout: 60_000 }).toBe(admin.id)

        const sellerPage = await open(seller)
        sellerPage.on('response', (res) => {
          if (res.url().includes('/api/payload-locked-documents')) lockAnswers.push(`${res.request().method()} ${res.status()}`)
        })
        await sellerPage.goto(`${panel.server.url}/admin/collections/cars/${carID}`)
        const modal = sellerPage.locator('.document-locked')
        await modal.waitFor()
        // the admin's account is no public profile: the seller's panel names the editor by id, never by email
        const text = await modal.innerText()
        expect(text).toContain('Document locked')
        expect(text).toContain(`User: ${admin.id}`)
        expect(text).not.toContain(admin.email)
        await sellerPage.locator('#document-locked-take-over').click()
        await expect.poll(lockHolder, { timeout: 60_000 }).toBe(seller.id)
        await expect.poll(() => lockAnswers.some((a) => a.startsWith('PATCH')), { timeout: 60_000 }).toBe(true)
        expect(lockAnswers.filter((a) => !/ 2\d\d$/.test(a))).toEqual([])
        await sellerPage.locator('#field-title').waitFor()
      },
      10 * 60_000,
    )
  })
}
