import { describe, expect, it } from 'vitest'

import {
  appendPriceHistory,
  carListingMachine,
  initialSellerStatus,
  needsModeration,
  sellerTarget,
  slugify,
  stockStatusOf,
  uniqueSlug,
  whatsappLink,
  yearInRange,
} from '../../../src/domain/catalog/listing'
import { decide } from '../../../src/workflows/engine'

describe('listing moderation', () => {
  it('a new listing asking to be active is pending_review while moderated, active otherwise', () => {
    expect(initialSellerStatus('active', true)).toEqual({ ok: true, status: 'pending_review' })
    expect(initialSellerStatus('active', false)).toEqual({ ok: true, status: 'active' })
    expect(initialSellerStatus(undefined, true)).toEqual({ ok: true, status: 'draft' })
    expect(initialSellerStatus('pending_review', false)).toEqual({ ok: true, status: 'pending_review' })
    expect(initialSellerStatus('sale_pending', false)).toMatchObject({ ok: false, status: 400 })
    expect(initialSellerStatus('sold', false)).toMatchObject({ ok: false, status: 400 })
  })

  it('needs moderation only when the setting is on and the dealer is not verified', () => {
    expect(needsModeration({ listingModeration: true }, false)).toBe(true)
    expect(needsModeration({ listingModeration: true }, true)).toBe(false)
    expect(needsModeration({ listingModeration: false }, false)).toBe(false)
  })

  it('a seller cannot approve their own pending listing', () => {
    expect(sellerTarget('pending_review', 'active', false)).toMatchObject({ ok: false, status: 403 })
    expect(sellerTarget('pending_review', 'active', true)).toMatchObject({ ok: false, status: 403 })
  })

  it('no owner move makes a never-approved listing public', () => {
    for (const moderated of [true, false]) {
      for (const to of ['sold', 'sale_pending'] as const) {
        expect(sellerTarget('pending_review', to, moderated)).toMatchObject({ ok: false, status: 409 })
        expect(sellerTarget('draft', to, moderated)).toMatchObject({ ok: false, status: 409 })
      }
    }
    const publicFrom = (from: string) => carListingMachine.transitions.filter((t) => t.from.includes(from as never) && t.by.includes('owner') && ['active', 'sale_pending', 'sold'].includes(t.to))
    expect(publicFrom('pending_review')).toEqual([])
  })

  it('sale pending is reserved from active, sold or released by the owner, and stays sale pending when re-asked', () => {
    expect(sellerTarget('active', 'sale_pending', true)).toEqual({ ok: true, status: 'sale_pending' })
    expect(sellerTarget('sale_pending', 'sold', true)).toEqual({ ok: true, status: 'sold' })
    // releasing an approved, reserved listing is not a new publication: no review again
    expect(sellerTarget('sale_pending', 'active', true)).toEqual({ ok: true, status: 'active' })
  })

  it('re-publishing from draft is moderated like a new listing', () => {
    expect(sellerTarget('draft', 'active', true)).toEqual({ ok: true, status: 'pending_review' })
    expect(sellerTarget('draft', 'active', false)).toEqual({ ok: true, status: 'active' })
    expect(sellerTarget('archived', 'active', true)).toEqual({ ok: true, status: 'pending_review' })
    expect(sellerTarget('sold', 'active', true)).toEqual({ ok: true, status: 'pending_review' })
  })

  it('sellers follow the table for other moves', () => {
    expect(sellerTarget('active', 'sold', true)).toEqual({ ok: true, status: 'sold' })
    expect(sellerTarget('draft', 'sold', true)).toMatchObject({ ok: false, status: 409 })
    expect(sellerTarget('active', 'archived', true)).toEqual({ ok: true, status: 'archived' })
    expect(sellerTarget('sold', 'draft', true)).toEqual({ ok: true, status: 'draft' })
    expect(sellerTarget('active', 'active', true)).toEqual({ ok: true, status: 'active' })
    expect(sellerTarget('active', 'bogus' as never, true)).toMatchObject({ ok: false, status: 400 })
  })

  it('approve is for admins and editors, from pending_review only', () => {
    const doc = { status: 'pending_review' as const, seller: 7 }
    const editor = { id: 1, roles: ['editor' as const] }
    const seller = { id: 7, roles: ['seller' as const] }
    expect(decide(carListingMachine, doc, { action: 'approve' }, editor)).toMatchObject({ ok: true })
    expect(decide(carListingMachine, doc, { action: 'approve' }, seller)).toMatchObject({ ok: false, status: 403 })
    expect(decide(carListingMachine, { ...doc, status: 'draft' }, { action: 'approve' }, editor)).toMatchObject({ ok: false, status: 409 })
    expect(decide(carListingMachine, { ...doc, status: 'sale_pending' }, { action: 'approve' }, editor)).toMatchObject({ ok: false, status: 409 })
    expect(decide(carListingMachine, doc, { action: 'reject' }, editor)).toMatchObject({ ok: true, transition: { to: 'draft' } })
  })

  it('another seller is not the owner of a listing', () => {
    const other = { id: 8, roles: ['seller' as const] }
    expect(decide(carListingMachine, { status: 'active', seller: 7 }, { action: 'archive' }, other)).toMatchObject({ ok: false, status: 403 })
    expect(decide(carListingMachine, { status: 'active', seller: { id: 8 } }, { action: 'archive' }, other)).toMatchObject({ ok: true })
  })
})

describe('stock status', () => {
  it.each([
    [0, true, 5, 'out_of_stock'],
    [-1, true, 5, 'out_of_stock'],
    [1, true, 5, 'low_stock'],
    [5, true, 5, 'low_stock'],
    [6, true, 5, 'in_stock'],
    [6, true, 10, 'low_stock'],
    [0, false, 5, 'in_stock'],
    [3, true, null, 'low_stock'],
    [null, true, 5, 'out_of_stock'],
  ])('qty %s manage %s threshold %s → %s', (qty, manage, threshold, expected) => {
    expect(stockStatusOf(qty as never, manage as boolean, threshold as never)).toBe(expected)
  })
})

describe('slugs', () => {
  it('slugifies titles', () => {
    expect(slugify('2019 BMW 3-Series 330i — M Sport!')).toBe('2019-bmw-3-series-330i-m-sport')
    expect(slugify('Citroën Ë-C4 & more')).toBe('citroen-e-c4-and-more')
    expect(slugify('تويوتا')).toBe('item')
  })
  it('appends the first free suffix', () => {
    expect(uniqueSlug('camry', [])).toBe('camry')
    expect(uniqueSlug('camry', ['camry', 'camry-2', 'camry-4'])).toBe('camry-3')
  })
})

describe('whatsapp link', () => {
  it('derives wa.me links from international numbers', () => {
    expect(whatsappLink('+971 50 123 4567')).toBe('https://wa.me/971501234567')
    expect(whatsappLink('00966-55-123-4567')).toBe('https://wa.me/966551234567')
    expect(whatsappLink('(202) 555-0147')).toBe('https://wa.me/2025550147')
    expect(whatsappLink('123')).toBeNull()
    expect(whatsappLink(null)).toBeNull()
  })
})

describe('price history', () => {
  const now = new Date('2025-01-02T03:04:05.000Z')
  it('records the first price and every change, not repeats', () => {
    const first = appendPriceHistory([], null, 20000, now)
    expect(first).toEqual([{ price: 20000, changedAt: now.toISOString() }])
    expect(appendPriceHistory(first, 20000, 20000, now)).toHaveLength(1)
    expect(appendPriceHistory(first, 20000, 18500, now).map((h) => h.price)).toEqual([20000, 18500])
  })
})

describe('compatibility years', () => {
  it('matches inside the range with open ends', () => {
    expect(yearInRange(2015, 2010, 2018)).toBe(true)
    expect(yearInRange(2010, 2010, 2018)).toBe(true)
    expect(yearInRange(2019, 2010, 2018)).toBe(false)
    expect(yearInRange(2009, 2010, null)).toBe(false)
    expect(yearInRange(2030, 2010, null)).toBe(true)
    expect(yearInRange(1990, null, null)).toBe(true)
  })
})
