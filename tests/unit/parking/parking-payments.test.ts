import { describe, expect, it } from 'vitest'

import { paymentStatusAfterRefund } from '../../../src/domain/commerce'
import { paymentHoldDeadline } from '../../../src/domain/parking'
import { parkingBookingMachine, type ParkingBookingDoc, unpaidHoldRefusal } from '../../../src/domain/parking/booking-machine'
import { decide } from '../../../src/workflows/engine'

const doc = (extra: Partial<ParkingBookingDoc> = {}): ParkingBookingDoc => ({
  status: 'pending',
  user: 1,
  spotOwner: 2,
  startTime: '2030-01-07T10:00:00.000Z',
  endTime: '2030-01-07T12:00:00.000Z',
  paymentStatus: 'unpaid',
  paymentDueBy: '2030-01-06T10:20:00.000Z',
  ...extra,
})
const at = (iso: string) => ({ system: true, input: { now: iso } })

describe('card payments of parking bookings (pure)', () => {
  it('the hold deadline is the booking time plus the hold, at least one minute', () => {
    expect(paymentHoldDeadline('2030-01-06T10:00:00Z', 20).toISOString()).toBe('2030-01-06T10:20:00.000Z')
    expect(paymentHoldDeadline('2030-01-06T10:00:00Z', 0).toISOString()).toBe('2030-01-06T10:01:00.000Z')
  })

  it('payment status after refunds: exact to the cent', () => {
    expect(paymentStatusAfterRefund(9.99, 0)).toBe('paid')
    expect(paymentStatusAfterRefund(9.99, 3.5)).toBe('partially_refunded')
    expect(paymentStatusAfterRefund(9.99, 9.98)).toBe('partially_refunded')
    expect(paymentStatusAfterRefund(9.99, 9.99)).toBe('refunded')
    expect(paymentStatusAfterRefund(0.3, 0.1 + 0.2)).toBe('refunded')
  })

  it('release_unpaid: only the system, only unpaid, only once the hold ran out', () => {
    expect(unpaidHoldRefusal(doc(), Date.parse('2030-01-06T10:20:00Z'))).toBeNull()
    expect(unpaidHoldRefusal(doc(), Date.parse('2030-01-06T10:19:59Z'))).toMatch(/not run out/)
    expect(unpaidHoldRefusal(doc({ paymentStatus: 'paid' }), Date.parse('2030-01-06T11:00:00Z'))).toMatch(/not waiting/)
    expect(unpaidHoldRefusal(doc({ paymentDueBy: null }), Date.parse('2030-01-06T11:00:00Z'))).toMatch(/not run out/)

    expect(decide(parkingBookingMachine, doc(), { action: 'release_unpaid' }, null, at('2030-01-06T10:21:00Z'))).toMatchObject({ ok: true })
    expect(decide(parkingBookingMachine, doc(), { action: 'release_unpaid' }, null, at('2030-01-06T10:00:00Z'))).toMatchObject({ ok: false, status: 409 })
    expect(decide(parkingBookingMachine, doc({ paymentStatus: 'paid' }), { action: 'release_unpaid' }, null, at('2030-01-06T10:21:00Z'))).toMatchObject({ ok: false, status: 409 })
    expect(decide(parkingBookingMachine, doc({ status: 'active' }), { action: 'release_unpaid' }, null, at('2030-01-06T10:21:00Z'))).toMatchObject({ ok: false, status: 409 })
    const driver = { id: 1, roles: ['buyer' as const] }
    const admin = { id: 9, roles: ['admin' as const] }
    for (const who of [driver, admin]) {
      expect(decide(parkingBookingMachine, doc(), { action: 'release_unpaid' }, who, { input: { now: '2030-01-06T10:21:00Z' } })).toMatchObject({ ok: false, status: 403 })
    }
  })
})

describe('payout summaries (pure)', () => {
  it('net per line and totals per currency, exact to the cent', async () => {
    const { summarizePayouts } = await import('../../../src/domain/commerce')
    const out = summarizePayouts([
      { period: '2026-01', source: 'parking', currency: 'USD', payments: 2, earned: 0.1, refunded: 0 },
      { period: '2026-01', source: 'orders', currency: 'USD', payments: 1, earned: 0.2, refunded: 0.05 },
      { period: '2026-02', source: 'parking', currency: 'EGP', payments: 3, earned: 450.5, refunded: 450.5 },
    ])
    expect(out.periods.map((p) => p.net)).toEqual([0.1, 0.15, 0])
    expect(out.totals).toEqual([
      { currency: 'EGP', payments: 3, earned: 450.5, refunded: 450.5, net: 0 },
      { currency: 'USD', payments: 3, earned: 0.3, refunded: 0.05, net: 0.25 },
    ])
    expect(summarizePayouts([])).toEqual({ periods: [], totals: [] })
  })
})
