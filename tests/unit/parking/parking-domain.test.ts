import { describe, expect, it } from 'vitest'

import {
  availableSlots,
  billableUnits,
  bookingCost,
  cancellationRefund,
  checkInRefusal,
  fits,
  isOpenAt,
  liveFigureWindows,
  localTime,
  normalizePlate,
  occupancyPercent,
  openingHoursRefusal,
  peakOccupancy,
  pickPin,
  PIN_CANDIDATES,
  pinCandidates,
  type Occupancy,
} from '../../../src/domain/parking'

const at = (h: number, m = 0) => Date.UTC(2030, 0, 7, h, m) // Monday 7 Jan 2030, UTC
const b = (from: number, to: number, slots = 1): Occupancy => ({ start: at(from), end: at(to), slots })

describe('liveFigureWindows (what the live figures of a change read)', () => {
  const d = (h: number, m = 0) => new Date(at(h, m))
  it('one window covering now and the change when they overlap or touch', () => {
    expect(liveFigureWindows(d(10), d(12), d(11), d(11, 30))).toEqual([[d(10), d(12)]])
    expect(liveFigureWindows(d(12), d(14), d(11), d(12))).toEqual([[d(11), d(14)]]) // the change starts as now ends
    expect(liveFigureWindows(d(8), d(11), d(11), d(11, 30))).toEqual([[d(8), d(11, 30)]]) // it ends as now starts
  })
  it('two windows, now first, when the change is later or earlier: nothing between them is read', () => {
    const far = new Date(at(10) + 30 * 86_400_000)
    const farEnd = new Date(far.getTime() + 2 * 3_600_000)
    expect(liveFigureWindows(far, farEnd, d(10), d(10, 15))).toEqual([
      [d(10), d(10, 15)],
      [far, farEnd],
    ])
    expect(liveFigureWindows(d(6), d(8), d(10), d(10, 15))).toEqual([
      [d(10), d(10, 15)],
      [d(6), d(8)],
    ])
  })
})

describe('peakOccupancy (per instant, half-open intervals)', () => {
  it('back-to-back windows never share an instant', () => {
    expect(peakOccupancy([b(10, 12)], at(12), at(14))).toBe(0)
    expect(peakOccupancy([b(10, 12), b(12, 14)], at(9), at(15))).toBe(1)
    expect(fits(1, [b(10, 12)], at(12), at(14))).toBe(true)
  })

  it('11–13 conflicts with both 10–12 and 12–14 at capacity 1, fits at capacity 2', () => {
    const items = [b(10, 12), b(12, 14)]
    expect(peakOccupancy(items, at(11), at(13))).toBe(1)
    expect(fits(1, items, at(11), at(13))).toBe(false)
    expect(fits(2, items, at(11), at(13))).toBe(true)
  })

  it('counts the maximum simultaneous overlap, not the number of overlapping bookings', () => {
    // Three bookings overlap the window but at most two at once.
    const items = [b(8, 10), b(9, 11), b(10, 12)]
    expect(peakOccupancy(items, at(8), at(12))).toBe(2)
    expect(availableSlots(3, items, at(8), at(12))).toBe(1)
    // Naive counting would say 3 and refuse; per instant a third fits.
    expect(fits(3, items, at(8), at(12))).toBe(true)
  })

  it('clips to the window', () => {
    const items = [b(6, 9), b(7, 9), b(12, 18)]
    expect(peakOccupancy(items, at(9), at(12))).toBe(0)
    expect(peakOccupancy(items, at(8), at(12))).toBe(2)
    expect(peakOccupancy(items, at(11), at(13))).toBe(1)
  })

  it('weights blocks by slotsAffected and ignores empty items', () => {
    const items = [b(10, 14, 2), b(11, 12, 1), b(9, 10, 5), b(10, 12, 0)]
    expect(peakOccupancy(items, at(10), at(14))).toBe(3)
    expect(availableSlots(3, items, at(10), at(14))).toBe(0)
    expect(availableSlots(3, items, at(12), at(14))).toBe(1)
    expect(availableSlots(2, [b(10, 14, 5)], at(10), at(14))).toBe(0) // never negative
  })

  it('nested and identical windows stack', () => {
    const items = [b(10, 20), b(10, 20), b(12, 13), b(12, 13)]
    expect(peakOccupancy(items, at(10), at(20))).toBe(4)
    expect(peakOccupancy(items, at(13), at(20))).toBe(2)
  })

  it('an empty or inverted window occupies nothing; Infinity means from now on', () => {
    expect(peakOccupancy([b(10, 12)], at(12), at(12))).toBe(0)
    expect(peakOccupancy([b(10, 12)], at(13), at(11))).toBe(0)
    expect(peakOccupancy([b(10, 12), b(30, 40), b(35, 36)], at(11), Infinity)).toBe(2)
  })

  it('matches a brute-force minute scan on random data', () => {
    let seed = 42
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let round = 0; round < 200; round++) {
      const items: Occupancy[] = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => {
        const s = Math.floor(rnd() * 48) * 15
        return { start: at(0, s), end: at(0, s + 15 * (1 + Math.floor(rnd() * 8))), slots: 1 + Math.floor(rnd() * 3) }
      })
      const ws = Math.floor(rnd() * 40) * 15
      const we = ws + 15 * (1 + Math.floor(rnd() * 20))
      let brute = 0
      for (let m = ws; m < we; m++) {
        const t = at(0, m)
        const sum = items.reduce((a, it) => a + (Number(it.start) <= t && t < Number(it.end) ? it.slots! : 0), 0)
        brute = Math.max(brute, sum)
      }
      expect(peakOccupancy(items, at(0, ws), at(0, we))).toBe(brute)
    }
  })
})

describe('pricing: price × ceil(duration in the unit)', () => {
  it('hourly', () => {
    expect(billableUnits('hour', at(10), at(12))).toBe(2)
    expect(billableUnits('hour', at(10), at(12, 1))).toBe(3)
    expect(bookingCost(2.5, 'hour', at(10), at(12, 1))).toBe(7.5)
    expect(bookingCost(0.1, 'hour', at(0), at(3))).toBe(0.3) // not 0.30000000000000004
  })

  it('daily', () => {
    expect(bookingCost(20, 'day', at(10), at(11))).toBe(20)
    expect(bookingCost(19.99, 'day', at(10), at(10) + 24 * 3_600_000)).toBe(19.99)
    expect(bookingCost(19.99, 'day', at(10), at(10) + 24 * 3_600_000 + 1)).toBe(39.98)
  })

  it('monthly = 30 days', () => {
    const day = 86_400_000
    expect(bookingCost(300, 'month', at(0), at(0) + 30 * day)).toBe(300)
    expect(bookingCost(300, 'month', at(0), at(0) + 31 * day)).toBe(600)
    expect(bookingCost(333.33, 'month', at(0), at(0) + 61 * day)).toBe(999.99)
  })

  it('zero-length or inverted windows cost nothing', () => {
    expect(billableUnits('hour', at(10), at(10))).toBe(0)
    expect(bookingCost(5, 'hour', at(11), at(10))).toBe(0)
  })
})

describe('cancellation refund', () => {
  const policy = { fullRefundHoursBefore: 24, lateRefundPercent: 50 }
  const start = at(12)
  it('full refund up to and including the threshold', () => {
    expect(cancellationRefund(40, start, start - 24 * 3_600_000, policy)).toEqual({ refundAmount: 40, fullRefund: true, percent: 100 })
    expect(cancellationRefund(40, start, start - 48 * 3_600_000, policy).refundAmount).toBe(40)
  })
  it('late refund percent just after the threshold', () => {
    expect(cancellationRefund(40, start, start - 24 * 3_600_000 + 1000, policy)).toEqual({ refundAmount: 20, fullRefund: false, percent: 50 })
    expect(cancellationRefund(33.33, start, start - 3_600_000, policy).refundAmount).toBe(16.67) // half-up
    expect(cancellationRefund(10, start, start, { fullRefundHoursBefore: 2, lateRefundPercent: 0 }).refundAmount).toBe(0)
  })
})

describe('check-in window [start − grace, end]', () => {
  it('refuses too early and too late, accepts the edges', () => {
    expect(checkInRefusal(at(10), at(12), at(9, 44), 15)).toMatch(/early/)
    expect(checkInRefusal(at(10), at(12), at(9, 45), 15)).toBeNull()
    expect(checkInRefusal(at(10), at(12), at(12), 15)).toBeNull()
    expect(checkInRefusal(at(10), at(12), at(12) + 1, 15)).toMatch(/over/)
  })
})

describe('opening hours', () => {
  const weekdays = { alwaysOpen: false, days: [{ day: 'mon' as const, open: '08:00', close: '20:00' }] }
  it('no hours or the 24/7 flag: always open', () => {
    expect(isOpenAt(null, at(3))).toBe(true)
    expect(isOpenAt({ alwaysOpen: true, days: [] }, at(3))).toBe(true)
  })
  it('per-weekday open/close; unlisted days closed', () => {
    expect(isOpenAt(weekdays, at(7, 59))).toBe(false)
    expect(isOpenAt(weekdays, at(8))).toBe(true)
    expect(isOpenAt(weekdays, at(19, 59))).toBe(true)
    expect(isOpenAt(weekdays, at(20))).toBe(false)
    expect(isOpenAt(weekdays, at(10) + 86_400_000)).toBe(false) // Tuesday
    expect(isOpenAt({ alwaysOpen: false, days: [] }, at(10))).toBe(false)
  })
  it('all-day flag and overnight spans', () => {
    const h = {
      alwaysOpen: false,
      days: [
        { day: 'mon' as const, allDay: true },
        { day: 'tue' as const, open: '18:00', close: '02:00' },
      ],
    }
    expect(isOpenAt(h, at(0))).toBe(true)
    expect(isOpenAt(h, at(23, 59))).toBe(true)
    const tue = at(0) + 86_400_000
    expect(isOpenAt(h, tue + 3_600_000)).toBe(false) // Tue 01:00 (Mon was all day, not overnight)
    expect(isOpenAt(h, tue + 19 * 3_600_000)).toBe(true)
    expect(isOpenAt(h, tue + 25 * 3_600_000)).toBe(true) // Wed 01:00, tail of Tuesday's span
    expect(isOpenAt(h, tue + 26 * 3_600_000)).toBe(false)
  })
  it('uses the spot time zone', () => {
    // 05:00 UTC Monday = 09:00 in Dubai (UTC+4)
    expect(localTime(at(5), 'Asia/Dubai')).toEqual({ weekday: 'mon', minutes: 9 * 60 })
    expect(isOpenAt(weekdays, at(5), 'Asia/Dubai')).toBe(true)
    expect(isOpenAt(weekdays, at(5), 'UTC')).toBe(false)
  })
  it('entry and exit must be within the hours (leaving at closing time is fine)', () => {
    expect(openingHoursRefusal(weekdays, at(9), at(20))).toBeNull()
    expect(openingHoursRefusal(weekdays, at(7), at(9))).toMatch(/start/)
    expect(openingHoursRefusal(weekdays, at(9), at(20, 30))).toMatch(/end/)
  })
})

describe('helpers', () => {
  it('normalizes plates', () => {
    expect(normalizePlate(' ab-123 c ')).toBe('AB123C')
    expect(normalizePlate('dxb.a.4567')).toBe('DXBA4567')
  })
  it('picks a free 4-digit PIN', () => {
    const taken = new Set(['0007'])
    let calls = 0
    expect(pickPin(taken, () => (calls++ === 0 ? 7 : 42))).toBe('0042')
    const all = new Set(Array.from({ length: 9999 }, (_, i) => String(i).padStart(4, '0')))
    expect(pickPin(all, () => 0)).toBe('9999')
    expect(pickPin(new Set([...all, '9999']), () => 0)).toBeNull()
  })
  it('offers distinct random PIN candidates, in the order drawn', () => {
    const draws = [42, 7, 42, 9999, 0, 7, 13, 500, 501, 502, 503]
    let i = 0
    expect(pinCandidates(() => draws[i++])).toEqual(['0042', '0007', '9999', '0000', '0013', '0500', '0501', '0502'])
    expect(pinCandidates(() => 3, 4)).toEqual(['0003']) // a source that repeats itself gives up after 20 draws per candidate
    expect(PIN_CANDIDATES).toBe(8)
  })
  it('occupancy percent', () => {
    expect(occupancyPercent(3600, 2, 7200)).toBe(25)
    expect(occupancyPercent(1, 3, 7)).toBe(4.76)
    expect(occupancyPercent(100, 0, 100)).toBe(0)
  })
})
