import { describe, expect, it } from 'vitest'

import {
  BOOKING_NUMBER,
  bookingStatusTexts,
  checkWorkingHours,
  computePricing,
  estimateEta,
  formatBookingNumber,
  guestTokenMatches,
  haversineKm,
  localTime,
  newGuestToken,
  overlaps,
} from '../../../src/domain/services'

const weekdays = { workingHours: { start: '09:00', end: '17:00' }, workingDays: ['sat', 'sun', 'mon', 'tue', 'wed', 'thu'] }

describe('pricing', () => {
  it('total is the base price without a discount', () => {
    expect(computePricing(350)).toEqual({ basePrice: 350, discount: 0, discountReason: null, total: 350 })
  })
  it('subtracts the discount exactly (no float drift)', () => {
    expect(computePricing(0.3, 0.1, 'promo').total).toBe(0.2)
    expect(computePricing(1200.55, 200.2, 'loyal customer')).toEqual({ basePrice: 1200.55, discount: 200.2, discountReason: 'loyal customer', total: 1000.35 })
  })
  it('rounds half-up to the piastre', () => {
    expect(computePricing(100.005).basePrice).toBe(100.01)
    expect(computePricing(100, 0.005).total).toBe(99.99)
  })
  it('never goes below zero and drops the reason of a zero discount', () => {
    expect(computePricing(100, 150, 'x')).toMatchObject({ discount: 100, total: 0 })
    expect(computePricing(100, 0, 'ignored').discountReason).toBeNull()
  })
  it('refuses negative amounts', () => {
    expect(() => computePricing(-1)).toThrow()
    expect(() => computePricing(10, -1)).toThrow()
  })
})

describe('booking numbers', () => {
  it('formats BK-<year>-<6 digits>', () => {
    expect(formatBookingNumber(2025, 1)).toBe('BK-2025-000001')
    expect(formatBookingNumber(2025, 123456)).toBe('BK-2025-123456')
    expect(BOOKING_NUMBER.test(formatBookingNumber(2026, 42))).toBe(true)
  })
  it('refuses sequences outside 1..999999', () => {
    expect(() => formatBookingNumber(2025, 0)).toThrow()
    expect(() => formatBookingNumber(2025, 1_000_000)).toThrow()
    expect(() => formatBookingNumber(2025, 1.5)).toThrow()
  })
})

describe('working hours (Africa/Cairo)', () => {
  // 2025-01-06 is a Monday; Cairo is UTC+2 in January.
  it('reads local weekday and time', () => {
    expect(localTime(new Date('2025-01-06T08:30:00Z'))).toMatchObject({ weekday: 'mon', minutes: 10 * 60 + 30, year: 2025 })
    // 23:30 UTC on Dec 31 is already Jan 1 in Cairo.
    expect(localTime(new Date('2024-12-31T23:30:00Z'))).toMatchObject({ weekday: 'wed', year: 2025 })
  })
  it('accepts a job that fits the day', () => {
    expect(checkWorkingHours(new Date('2025-01-06T07:00:00Z'), 60, weekdays)).toBeNull() // 09:00–10:00
    expect(checkWorkingHours(new Date('2025-01-06T14:00:00Z'), 60, weekdays)).toBeNull() // 16:00–17:00
  })
  it('refuses before opening, and a job that runs past closing', () => {
    expect(checkWorkingHours(new Date('2025-01-06T06:59:00Z'), 30, weekdays)).toMatch(/09:00–17:00/) // 08:59
    expect(checkWorkingHours(new Date('2025-01-06T14:30:00Z'), 60, weekdays)).toMatch(/09:00–17:00/) // 16:30–17:30
  })
  it('refuses a non-working day (Friday)', () => {
    expect(checkWorkingHours(new Date('2025-01-10T08:00:00Z'), 30, weekdays)).toMatch(/Friday/)
  })
  it('no configured days or hours means always open', () => {
    expect(checkWorkingHours(new Date('2025-01-10T01:00:00Z'), 30, {})).toBeNull()
    expect(checkWorkingHours(new Date('2025-01-10T01:00:00Z'), 30, null)).toBeNull()
  })
  it('follows Egyptian summer time (UTC+3 in July 2025)', () => {
    // 06:00Z = 09:00 Cairo in summer
    expect(checkWorkingHours(new Date('2025-07-07T06:00:00Z'), 60, weekdays)).toBeNull()
    expect(checkWorkingHours(new Date('2025-07-07T05:30:00Z'), 60, weekdays)).not.toBeNull()
  })
})

describe('overlap and ETA', () => {
  const t = (h: number) => new Date(Date.UTC(2025, 0, 6, h))
  it('half-open intervals: touching ends do not overlap', () => {
    expect(overlaps(t(9), t(10), t(10), t(11))).toBe(false)
    expect(overlaps(t(9), t(11), t(10), t(12))).toBe(true)
    expect(overlaps(t(9), t(12), t(10), t(11))).toBe(true)
  })
  it('haversine distance Cairo → Giza pyramids is about 13 km', () => {
    const d = haversineKm({ lat: 30.0444, lng: 31.2357 }, { lat: 29.9792, lng: 31.1342 })
    expect(d).toBeGreaterThan(11)
    expect(d).toBeLessThan(14)
  })
  it('ETA at 30 km/h, rounded up to the minute; zero once on site', () => {
    const now = new Date('2025-01-06T10:00:00Z')
    const eta = estimateEta({ lat: 30.0444, lng: 31.2357 }, { lat: 29.9792, lng: 31.1342 }, now)
    expect(eta.etaMinutes).toBe(Math.ceil((eta.distanceKm / 30) * 60))
    expect(eta.eta.getTime()).toBe(now.getTime() + eta.etaMinutes * 60_000)
    expect(estimateEta({ lat: 30, lng: 31 }, { lat: 30, lng: 31 }, now).etaMinutes).toBe(0)
  })
})

describe('guest tokens and texts', () => {
  it('a token matches only its own hash', () => {
    const a = newGuestToken()
    const b = newGuestToken()
    expect(a.token).not.toBe(b.token)
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(a.hash).not.toContain(a.token)
    expect(guestTokenMatches(a.token, a.hash)).toBe(true)
    expect(guestTokenMatches(b.token, a.hash)).toBe(false)
    expect(guestTokenMatches('', a.hash)).toBe(false)
    expect(guestTokenMatches(a.token, null)).toBe(false)
  })
  it('status texts exist in English and Arabic', () => {
    const t = bookingStatusTexts('on_way', 'BK-2025-000007')
    expect(t.title.en).toContain('BK-2025-000007')
    expect(t.message.ar).toContain('الفني في الطريق')
    expect(bookingStatusTexts('rejected', 'BK-2025-000001', 'No parts').message.en).toContain('Reason: No parts')
  })
})
