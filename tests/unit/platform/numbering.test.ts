import { describe, expect, it } from 'vitest'

import { provisionalOrderNumber } from '../../../src/domain/commerce'
import { isProvisionalNumber, provisionalNumber } from '../../../src/domain/numbering'
import { BOOKING_NUMBER, formatBookingNumber, isProvisionalBookingNumber, provisionalBookingNumber } from '../../../src/domain/services'

describe('provisional numbers (a document written first, numbered last)', () => {
  it('are unique and carry their prefix, never in the <prefix>-<year>- form the counters read', () => {
    const many = Array.from({ length: 2000 }, () => provisionalNumber('BK'))
    expect(new Set(many).size).toBe(many.length)
    for (const n of many) {
      expect(n).toMatch(/^BK-PROVISIONAL-[0-9a-f]{24}$/)
      expect(n).not.toMatch(/^BK-\d{4}-/)
      expect(BOOKING_NUMBER.test(n)).toBe(false)
    }
  })

  it('are told apart from real numbers and from another prefix', () => {
    const booking = provisionalBookingNumber()
    expect(isProvisionalBookingNumber(booking)).toBe(true)
    expect(isProvisionalNumber(booking, 'BK')).toBe(true)
    expect(isProvisionalNumber(booking, 'ORD')).toBe(false)
    expect(isProvisionalNumber(provisionalOrderNumber(), 'ORD')).toBe(true)
    expect(isProvisionalBookingNumber(provisionalOrderNumber())).toBe(false)
    expect(isProvisionalBookingNumber(formatBookingNumber(2026, 7))).toBe(false)
    for (const v of [null, undefined, 42, '', 'BK-PROVISIONA-x', { toString: () => 'BK-PROVISIONAL-x' }]) expect(isProvisionalBookingNumber(v)).toBe(false)
  })
})
