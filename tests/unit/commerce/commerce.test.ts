import { describe, expect, it } from 'vitest'

import { apiBaseOptions } from '../../../endpoints/commerce/operations/stripe'
import {
  computeTotals,
  entersQuota,
  formatOrderNumber,
  hashCartToken,
  isPlausibleCartToken,
  mergeLines,
  newCartToken,
  ORDER_NUMBER_PATTERN,
  periodEnd,
  provisionalOrderNumber,
  quotaRefusal,
  refundableAmount,
  shortLines,
  statusAfterRefund,
  stockOrder,
  unitPriceOf,
  unpaidExpiry,
} from '../../../src/domain/commerce'
import { decide, describeMachine } from '../../../src/workflows/engine'
import { orderMachine } from '../../../src/domain/commerce/order-machine'

const settings = { taxRatePercent: 0, flatShipping: 10, freeShippingThreshold: 200 }

describe('unit prices', () => {
  it('uses the sale price when set and not above the price', () => {
    expect(unitPriceOf({ price: 100, salePrice: 79.99 })).toBe(79.99)
    expect(unitPriceOf({ price: 100, salePrice: null })).toBe(100)
    expect(unitPriceOf({ price: 100 })).toBe(100)
    expect(unitPriceOf({ price: 100, salePrice: 0 })).toBe(0)
    expect(unitPriceOf({ price: 100, salePrice: 120 })).toBe(100)
  })
})

describe('order totals', () => {
  it('adds exact decimals (no float drift)', () => {
    const t = computeTotals(
      [
        { unitPrice: 0.1, quantity: 3 },
        { unitPrice: 0.2, quantity: 1 },
      ],
      settings,
    )
    expect(t.lines.map((l) => l.total)).toEqual([0.3, 0.2])
    expect(t.subtotal).toBe(0.5)
    expect(t.total).toBe(10.5)
  })

  it('rounds tax half-up once on the subtotal', () => {
    // 3 × 3.35 = 10.05; 7.5 % → 0.75375 → 0.75
    let t = computeTotals([{ unitPrice: 3.35, quantity: 3 }], { ...settings, taxRatePercent: 7.5 })
    expect(t.subtotal).toBe(10.05)
    expect(t.tax).toBe(0.75)
    expect(t.total).toBe(20.8)
    // 10.10 × 5 % = 0.505 → 0.51 (half-up, not banker's)
    t = computeTotals([{ unitPrice: 10.1, quantity: 1 }], { ...settings, taxRatePercent: 5 })
    expect(t.tax).toBe(0.51)
    // tax on the rounded subtotal, not summed per line: 3 × 0.335 tax each would be 1.005
    t = computeTotals(
      [
        { unitPrice: 6.7, quantity: 1 },
        { unitPrice: 6.7, quantity: 1 },
        { unitPrice: 6.7, quantity: 1 },
      ],
      { ...settings, taxRatePercent: 5 },
    )
    expect(t.tax).toBe(1.01)
  })

  it('ships free from the threshold (inclusive), flat below, nothing for an empty order', () => {
    expect(computeTotals([{ unitPrice: 199.99, quantity: 1 }], settings).shipping).toBe(10)
    expect(computeTotals([{ unitPrice: 200, quantity: 1 }], settings).shipping).toBe(0)
    expect(computeTotals([{ unitPrice: 100, quantity: 2 }], settings).shipping).toBe(0)
    expect(computeTotals([], settings)).toMatchObject({ subtotal: 0, shipping: 0, total: 0 })
    // threshold 0 disables free shipping
    expect(computeTotals([{ unitPrice: 5000, quantity: 1 }], { ...settings, freeShippingThreshold: 0 }).shipping).toBe(10)
  })

  it('does not tax shipping; caps the discount at the subtotal', () => {
    const t = computeTotals([{ unitPrice: 50, quantity: 1 }], { ...settings, taxRatePercent: 10 }, 5)
    expect(t).toMatchObject({ subtotal: 50, discount: 5, tax: 4.5, shipping: 10, total: 59.5 })
    const capped = computeTotals([{ unitPrice: 20, quantity: 1 }], settings, 50)
    expect(capped.discount).toBe(20)
    expect(capped.total).toBe(10)
  })

  it('rounds each line to the cent', () => {
    const t = computeTotals([{ unitPrice: 0.005, quantity: 1 }], settings)
    expect(t.lines[0].unitPrice).toBe(0.01)
    expect(t.lines[0].total).toBe(0.01)
  })
})

describe('order numbers', () => {
  it('formats ORD-<year>-<6 digits>', () => {
    expect(formatOrderNumber(2026, 1)).toBe('ORD-2026-000001')
    expect(formatOrderNumber(2026, 123456)).toBe('ORD-2026-123456')
    expect(ORDER_NUMBER_PATTERN.test(formatOrderNumber(2026, 42))).toBe(true)
    expect(formatOrderNumber(2026, 1_000_000)).toBe('ORD-2026-1000000')
    expect(() => formatOrderNumber(2026, 0)).toThrow()
  })

  it("a provisional number is unique and never of the form the year's counter reads (ORD-<year>-…)", () => {
    const many = Array.from({ length: 1000 }, () => provisionalOrderNumber())
    expect(new Set(many).size).toBe(1000)
    for (const n of many) {
      expect(ORDER_NUMBER_PATTERN.test(n)).toBe(false)
      expect(n).not.toMatch(/^ORD-\d{4}-/)
      expect(n).toMatch(/^ORD-PROVISIONAL-[0-9a-f]{24}$/)
    }
  })
})

describe('stock', () => {
  it('names every short line with requested and available', () => {
    const available = new Map([
      [1, 5],
      [2, 0],
      [3, 10],
    ])
    expect(
      shortLines(
        [
          { part: 1, quantity: 6 },
          { part: 2, quantity: 1 },
          { part: 3, quantity: 10 },
          { part: 4, quantity: 1 },
        ],
        available,
      ),
    ).toEqual([
      { part: 1, requested: 6, available: 5 },
      { part: 2, requested: 1, available: 0 },
      { part: 4, requested: 1, available: 0 },
    ])
  })

  it('takes stock in ascending part order; merges lines by part', () => {
    expect(stockOrder([{ part: 9 }, { part: 2 }, { part: 5 }]).map((l) => l.part)).toEqual([2, 5, 9])
    expect(
      mergeLines(
        [{ part: 1, quantity: 2, unitPrice: 5 }],
        [
          { part: 1, quantity: 3, unitPrice: 4 },
          { part: 2, quantity: 1, unitPrice: 1 },
        ],
      ),
    ).toEqual([
      { part: 1, quantity: 5, unitPrice: 5 },
      { part: 2, quantity: 1, unitPrice: 1 },
    ])
  })
})

describe('cart tokens', () => {
  it('issues random url-safe tokens and stores a stable hash', () => {
    const a = newCartToken()
    const b = newCartToken()
    expect(a).not.toBe(b)
    expect(isPlausibleCartToken(a)).toBe(true)
    expect(isPlausibleCartToken('short')).toBe(false)
    expect(isPlausibleCartToken("x'; drop table carts;--------")).toBe(false)
    expect(hashCartToken(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashCartToken(a)).toBe(hashCartToken(a))
    expect(hashCartToken(a)).not.toBe(a)
  })
})

describe('payments', () => {
  it('derives the ledger status from the refunded total', () => {
    expect(statusAfterRefund(100, 0)).toBe('succeeded')
    expect(statusAfterRefund(100, 40)).toBe('partially_refunded')
    expect(statusAfterRefund(100, 100)).toBe('refunded')
    expect(statusAfterRefund(0.3, 0.1 + 0.2)).toBe('refunded')
    expect(refundableAmount(100, 33.33)).toBe(66.67)
    expect(refundableAmount(10, 12)).toBe(0)
  })

  it('expires unpaid orders after the TTL', () => {
    expect(unpaidExpiry(new Date('2026-01-01T00:00:00Z'), 30).toISOString()).toBe('2026-01-01T00:30:00.000Z')
  })

  it('parses STRIPE_API_BASE into client options', () => {
    expect(apiBaseOptions('http://127.0.0.1:12111')).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' })
    expect(apiBaseOptions('https://api.example.com')).toEqual({ host: 'api.example.com', port: 443, protocol: 'https' })
    expect(apiBaseOptions(undefined)).toEqual({})
  })
})

describe('plans and quotas', () => {
  it('computes calendar periods, clamped to the month end', () => {
    expect(periodEnd(new Date('2026-01-31T10:00:00Z'), 'monthly').toISOString()).toBe('2026-02-28T10:00:00.000Z')
    expect(periodEnd(new Date('2026-03-15T00:00:00Z'), 'monthly').toISOString()).toBe('2026-04-15T00:00:00.000Z')
    expect(periodEnd(new Date('2024-02-29T00:00:00Z'), 'yearly').toISOString()).toBe('2025-02-28T00:00:00.000Z')
  })

  it('counts a listing entering active/pending only', () => {
    expect(entersQuota(null, 'draft')).toBe(false)
    expect(entersQuota(null, 'pending_review')).toBe(true)
    expect(entersQuota(null, 'sale_pending')).toBe(true)
    expect(entersQuota('draft', 'active')).toBe(true)
    expect(entersQuota('pending_review', 'active')).toBe(false)
    expect(entersQuota('sale_pending', 'active')).toBe(false)
    expect(entersQuota('sold', 'active')).toBe(true)
    expect(entersQuota('active', 'sold')).toBe(false)
  })

  it('refuses beyond maxListings with a message naming the plan', () => {
    expect(quotaRefusal('Free', 3, 2)).toBeNull()
    expect(quotaRefusal('Free', 3, 3)).toMatch(/Free plan allows 3 active or pending listings/)
    expect(quotaRefusal('Dealer', null, 10_000)).toBeNull()
    expect(quotaRefusal('Closed', 0, 0)).toMatch(/allows 0/)
  })
})

describe('order machine', () => {
  const buyer = { id: 1, roles: ['buyer' as const] }
  const seller = { id: 2, roles: ['seller' as const] }
  const otherSeller = { id: 3, roles: ['seller' as const] }
  const admin = { id: 9, roles: ['admin' as const] }
  const order = (status: string, paymentMethod = 'card') => ({ status: status as never, paymentMethod: paymentMethod as never, customer: 1, sellers: [2] })

  it('lets the customer cancel before shipping, not after', () => {
    expect(decide(orderMachine, order('pending'), { action: 'cancel' }, buyer).ok).toBe(true)
    expect(decide(orderMachine, order('paid'), { action: 'cancel' }, buyer).ok).toBe(true)
    expect(decide(orderMachine, order('shipped'), { action: 'cancel' }, buyer)).toMatchObject({ ok: false, status: 409 })
    expect(decide(orderMachine, order('paid'), { action: 'cancel' }, seller)).toMatchObject({ ok: false, status: 403 })
  })

  it('only the sellers of the order ship it, and card orders only once paid', () => {
    expect(decide(orderMachine, order('paid'), { action: 'ship' }, seller).ok).toBe(true)
    expect(decide(orderMachine, order('paid'), { action: 'ship' }, otherSeller)).toMatchObject({ ok: false, status: 403 })
    expect(decide(orderMachine, order('pending'), { action: 'ship' }, seller)).toMatchObject({ ok: false, status: 409 })
    expect(decide(orderMachine, order('pending', 'cash_on_delivery'), { action: 'ship' }, seller).ok).toBe(true)
  })

  it('payment and expiry are system transitions; COD orders never expire', () => {
    expect(decide(orderMachine, order('pending'), { action: 'pay' }, buyer)).toMatchObject({ ok: false, status: 403 })
    expect(decide(orderMachine, order('pending'), { action: 'pay' }, null, { system: true }).ok).toBe(true)
    expect(decide(orderMachine, order('pending'), { action: 'expire' }, null, { system: true }).ok).toBe(true)
    expect(decide(orderMachine, order('pending', 'cash_on_delivery'), { action: 'expire' }, null, { system: true })).toMatchObject({ ok: false, status: 409 })
    expect(decide(orderMachine, order('paid'), { to: 'delivered' }, admin)).toMatchObject({ ok: false, status: 409 })
  })

  it('describes itself as a markdown table', () => {
    const md = describeMachine(orderMachine)
    expect(md).toContain('| `pay` | pending | paid |')
    expect(md.split('\n')).toHaveLength(2 + orderMachine.transitions.length)
  })
})
