/**
 * Parking: capacity per instant, pricing, refunds, opening hours. Pure: no Payload import.
 *
 * Intervals are half-open `[start, end)`: a booking 10:00–12:00 and one 12:00–14:00 never share an instant.
 */
import { D, percentOf, toCents, type MoneyInput } from '../money'

export const PRICE_TYPES = ['hour', 'day', 'month'] as const
export type PriceType = (typeof PRICE_TYPES)[number]

/** Length of one billing unit; a month is 30 days. */
export const UNIT_MS: Record<PriceType, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  month: 30 * 86_400_000,
}

export type TimeInput = Date | string | number

export const ms = (t: TimeInput): number => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : new Date(t).getTime())

/** Something occupying `slots` slots of a spot over `[start, end)` (a booking: 1 slot; a block: slotsAffected). */
export interface Occupancy {
  start: TimeInput
  end: TimeInput
  slots?: number
}

/**
 * The largest number of slots occupied at any instant of `[windowStart, windowEnd)` (sweep over the
 * start/end points clipped to the window). `windowEnd` may be `Infinity` ("from now on").
 */
export function peakOccupancy(items: readonly Occupancy[], windowStart: TimeInput, windowEnd: TimeInput | number): number {
  const ws = ms(windowStart)
  const we = windowEnd === Infinity ? Infinity : ms(windowEnd)
  if (!(we > ws)) return 0
  const events: [number, number][] = []
  for (const it of items) {
    const slots = it.slots ?? 1
    if (!(slots > 0)) continue
    const s = Math.max(ms(it.start), ws)
    const e = Math.min(ms(it.end), we)
    if (!(e > s)) continue
    events.push([s, slots], [e, -slots])
  }
  // At equal times, releases come before acquisitions (half-open intervals).
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let current = 0
  let peak = 0
  for (const [, delta] of events) {
    current += delta
    if (current > peak) peak = current
  }
  return peak
}

/** Slots free during the whole window: total minus the peak occupancy (never below 0). */
export function availableSlots(totalSlots: number, items: readonly Occupancy[], windowStart: TimeInput, windowEnd: TimeInput): number {
  return Math.max(0, totalSlots - peakOccupancy(items, windowStart, windowEnd))
}

/**
 * The windows whose occupancy the live figures of a change over `[start, end)` need, with "now" being `[now, nowEnd)`:
 * one window covering both when they overlap or touch, otherwise now's first, then the change's. A change weeks ahead
 * must not read every booking between now and then (one window from now to its end would).
 */
export function liveFigureWindows(start: Date, end: Date, now: Date, nowEnd: Date): [Date, Date][] {
  if (start.getTime() <= nowEnd.getTime() && end.getTime() >= now.getTime()) {
    return [[start < now ? start : now, end > nowEnd ? end : nowEnd]]
  }
  return [
    [now, nowEnd],
    [start, end],
  ]
}

/** True when `need` more slots fit at every instant of the window. */
export function fits(totalSlots: number, items: readonly Occupancy[], windowStart: TimeInput, windowEnd: TimeInput, need = 1): boolean {
  return peakOccupancy(items, windowStart, windowEnd) + need <= totalSlots
}

// ---------------------------------------------------------------- pricing

/** Whole billing units started in `[start, end)`: ceil(duration / unit). */
export function billableUnits(priceType: PriceType, start: TimeInput, end: TimeInput): number {
  const duration = ms(end) - ms(start)
  if (!(duration > 0)) return 0
  const unit = UNIT_MS[priceType]
  return Math.floor((duration + unit - 1) / unit)
}

/** price × ceil(duration in the price unit), exact, rounded half-up to the cent. */
export function bookingCost(price: MoneyInput, priceType: PriceType, start: TimeInput, end: TimeInput): number {
  return toCents(D(price).times(billableUnits(priceType, start, end)))
}

// ---------------------------------------------------------------- cancellation

export interface CancellationPolicy {
  fullRefundHoursBefore: number
  lateRefundPercent: number
}

export interface RefundDecision {
  refundAmount: number
  /** True when cancelled at least `fullRefundHoursBefore` hours before the start. */
  fullRefund: boolean
  percent: number
}

/** Full refund until `fullRefundHoursBefore` hours before the start (inclusive), `lateRefundPercent` after. */
export function cancellationRefund(totalCost: MoneyInput, startTime: TimeInput, now: TimeInput, policy: CancellationPolicy): RefundDecision {
  const threshold = ms(startTime) - policy.fullRefundHoursBefore * 3_600_000
  if (ms(now) <= threshold) return { refundAmount: toCents(totalCost), fullRefund: true, percent: 100 }
  const percent = Math.min(100, Math.max(0, policy.lateRefundPercent))
  return { refundAmount: percentOf(totalCost, percent), fullRefund: false, percent }
}

// ---------------------------------------------------------------- check-in window

/** Check-in is allowed within `[start − grace, end]`. Returns an error message or null. */
export function checkInRefusal(startTime: TimeInput, endTime: TimeInput, now: TimeInput, graceMinutes: number): string | null {
  const t = ms(now)
  if (t < ms(startTime) - graceMinutes * 60_000) return `Too early to check in: check-in opens ${graceMinutes} minutes before the start.`
  if (t > ms(endTime)) return 'The booking window is over.'
  return null
}

// ---------------------------------------------------------------- opening hours

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export interface DayHours {
  day: Weekday
  open?: string | null
  close?: string | null
  allDay?: boolean | null
}

export interface OpeningHours {
  alwaysOpen?: boolean | null
  days?: readonly DayHours[] | null
}

export const HHMM = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/

export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

const WEEKDAY_BY_SHORT: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' }
const formatters = new Map<string, Intl.DateTimeFormat>()

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Local weekday and minute of the day of an instant in `timeZone`. */
export function localTime(t: TimeInput, timeZone = 'UTC'): { weekday: Weekday; minutes: number } {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    formatters.set(timeZone, f)
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms(t))).map((p) => [p.type, p.value]))
  return { weekday: WEEKDAY_BY_SHORT[parts.weekday], minutes: Number(parts.hour) * 60 + Number(parts.minute) }
}

/**
 * Whether the spot is open at instant `t`. Opening hours per weekday: `allDay`, or `open`–`close` (HH:MM,
 * `24:00` allowed); a `close` not after `open` runs past midnight into the next day. Days not listed are closed.
 */
export function isOpenAt(hours: OpeningHours | null | undefined, t: TimeInput, timeZone = 'UTC'): boolean {
  // No hours configured, or the 24/7 flag: always open.
  if (!hours || hours.alwaysOpen || (hours.alwaysOpen == null && !hours.days?.length)) return true
  const { weekday, minutes } = localTime(t, timeZone)
  const prev = WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7]
  for (const d of hours.days ?? []) {
    if (d.allDay) {
      if (d.day === weekday) return true
      continue
    }
    if (!d.open || !d.close || !HHMM.test(d.open) || !HHMM.test(d.close)) continue
    const open = minutesOf(d.open)
    const close = minutesOf(d.close)
    if (d.day === weekday) {
      if (close > open ? minutes >= open && minutes < close : minutes >= open) return true
    }
    if (d.day === prev && close <= open && minutes < close) return true
  }
  return false
}

/**
 * Entry and exit must happen while the spot is open: the start instant and the last instant before the end
 * (leaving exactly at closing time is fine). Returns an error message or null.
 */
export function openingHoursRefusal(hours: OpeningHours | null | undefined, start: TimeInput, end: TimeInput, timeZone = 'UTC'): string | null {
  if (!isOpenAt(hours, start, timeZone)) return 'The spot is closed at the requested start time.'
  if (!isOpenAt(hours, ms(end) - 1, timeZone)) return 'The spot is closed at the requested end time.'
  return null
}

// ---------------------------------------------------------------- plates, PINs, occupancy

/** Licence plates compare upper-case without spaces, dots or dashes (`ab-123 c` → `AB123C`). */
export const normalizePlate = (plate: string): string => plate.toUpperCase().replace(/[\s.\-_]+/g, '')

/** How many random PINs a booking offers the database, which keeps those no holding booking of the spot uses. */
export const PIN_CANDIDATES = 8

/**
 * `count` distinct random 4-digit PINs, from a random source returning integers in [0, 10000): the candidates a
 * booking checks against its spot's holding bookings, in the order they are preferred. The chance that all eight are
 * taken is (holding / 10,000)^8 — 2.6 in a million at 2,000 holding bookings — and then {@link pickPin} decides over the
 * spot's PINs.
 */
export function pinCandidates(random: () => number, count = PIN_CANDIDATES): string[] {
  const out = new Set<string>()
  for (let i = 0; out.size < count && i < count * 20; i++) out.add(String(random()).padStart(4, '0'))
  return [...out]
}

/** A 4-digit PIN not in `taken`, from a random source returning integers in [0, 10000); null when all 10,000 are taken. */
export function pickPin(taken: ReadonlySet<string>, random: () => number): string | null {
  for (let i = 0; i < 200; i++) {
    const pin = String(random()).padStart(4, '0')
    if (!taken.has(pin)) return pin
  }
  for (let n = 0; n < 10_000; n++) {
    const pin = String(n).padStart(4, '0')
    if (!taken.has(pin)) return pin
  }
  return null
}

/** Occupancy % of `totalSlots` over a period from occupied slot-seconds, to 2 decimals. */
export function occupancyPercent(occupiedSeconds: number, totalSlots: number, periodSeconds: number): number {
  if (!(totalSlots > 0) || !(periodSeconds > 0)) return 0
  return toCents(D(occupiedSeconds).times(100).dividedBy(D(totalSlots).times(periodSeconds)))
}

/** Clock skew tolerated for "start in the past". */
export const PAST_TOLERANCE_MS = 60_000

// ---------------------------------------------------------------- card payments

/** How a driver pays: by card at booking (the slot is held until paid) or on site (where the spot allows it). */
export const PARKING_PAYMENT_METHODS = ['card', 'on_site'] as const
export type ParkingPaymentMethod = (typeof PARKING_PAYMENT_METHODS)[number]

/** The moment an unpaid card booking is released: `holdMinutes` after it was made. */
export const paymentHoldDeadline = (now: TimeInput, holdMinutes: number): Date => new Date(ms(now) + Math.max(1, holdMinutes) * 60_000)

/** The longest booking (and extension): 366 days. */
export const MAX_BOOKING_MS = 366 * 86_400_000
