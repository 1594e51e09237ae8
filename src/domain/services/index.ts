/**
 * Car-services domain logic (bilingual en/ar, Egypt): categories, governorates, working hours, pricing,
 * booking numbers, ETA and the customer-facing status texts. Pure: no Payload import.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

import { D, toCents } from '../money'
import { isProvisionalNumber, provisionalNumber } from '../numbering'

export type Localized = { en: string; ar: string }

export const SERVICE_CATEGORIES = ['mobile_workshop', 'emergency', 'regular_maintenance', 'periodic_maintenance'] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]

export const CATEGORY_LABELS: Record<ServiceCategory, Localized> = {
  mobile_workshop: { en: 'Mobile workshop', ar: 'ورشة متنقلة' },
  emergency: { en: 'Emergency', ar: 'طوارئ' },
  regular_maintenance: { en: 'Regular maintenance', ar: 'صيانة عادية' },
  periodic_maintenance: { en: 'Periodic maintenance', ar: 'صيانة دورية' },
}

export const URGENCIES = ['low', 'normal', 'high', 'emergency'] as const
export type Urgency = (typeof URGENCIES)[number]

export const TECHNICIAN_STATUSES = ['available', 'busy', 'offline'] as const
/** Technician tools (docs/services.md): blocker types and impacts, customer-interaction kinds, when they may be reported. */
export const BLOCKER_TYPES = ['parts_unavailable', 'customer_unavailable', 'access_problem', 'vehicle_condition', 'tools_equipment', 'weather', 'safety', 'other'] as const
export const BLOCKER_IMPACTS = ['low', 'medium', 'high', 'blocking'] as const
export const INTERACTION_KINDS = ['call', 'message', 'visit', 'note'] as const
export const FIELD_WORK_STATUSES = ['approved', 'on_way', 'in_progress'] as const
export const PAYMENT_STATUSES = ['pending', 'paid', 'partially_refunded', 'refunded', 'failed'] as const

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type Weekday = (typeof WEEKDAYS)[number]
export const WEEKDAY_LABELS: Record<Weekday, Localized> = {
  sun: { en: 'Sunday', ar: 'الأحد' },
  mon: { en: 'Monday', ar: 'الاثنين' },
  tue: { en: 'Tuesday', ar: 'الثلاثاء' },
  wed: { en: 'Wednesday', ar: 'الأربعاء' },
  thu: { en: 'Thursday', ar: 'الخميس' },
  fri: { en: 'Friday', ar: 'الجمعة' },
  sat: { en: 'Saturday', ar: 'السبت' },
}

/** The 27 governorates of Egypt (select values). */
export const GOVERNORATES: Record<string, Localized> = {
  cairo: { en: 'Cairo', ar: 'القاهرة' },
  giza: { en: 'Giza', ar: 'الجيزة' },
  alexandria: { en: 'Alexandria', ar: 'الإسكندرية' },
  qalyubia: { en: 'Qalyubia', ar: 'القليوبية' },
  sharqia: { en: 'Sharqia', ar: 'الشرقية' },
  dakahlia: { en: 'Dakahlia', ar: 'الدقهلية' },
  beheira: { en: 'Beheira', ar: 'البحيرة' },
  kafr_el_sheikh: { en: 'Kafr El Sheikh', ar: 'كفر الشيخ' },
  gharbia: { en: 'Gharbia', ar: 'الغربية' },
  monufia: { en: 'Monufia', ar: 'المنوفية' },
  damietta: { en: 'Damietta', ar: 'دمياط' },
  port_said: { en: 'Port Said', ar: 'بورسعيد' },
  ismailia: { en: 'Ismailia', ar: 'الإسماعيلية' },
  suez: { en: 'Suez', ar: 'السويس' },
  north_sinai: { en: 'North Sinai', ar: 'شمال سيناء' },
  south_sinai: { en: 'South Sinai', ar: 'جنوب سيناء' },
  red_sea: { en: 'Red Sea', ar: 'البحر الأحمر' },
  matrouh: { en: 'Matrouh', ar: 'مطروح' },
  faiyum: { en: 'Faiyum', ar: 'الفيوم' },
  beni_suef: { en: 'Beni Suef', ar: 'بني سويف' },
  minya: { en: 'Minya', ar: 'المنيا' },
  asyut: { en: 'Asyut', ar: 'أسيوط' },
  sohag: { en: 'Sohag', ar: 'سوهاج' },
  qena: { en: 'Qena', ar: 'قنا' },
  luxor: { en: 'Luxor', ar: 'الأقصر' },
  aswan: { en: 'Aswan', ar: 'أسوان' },
  new_valley: { en: 'New Valley', ar: 'الوادي الجديد' },
}
export const GOVERNORATE_CODES = Object.keys(GOVERNORATES)

/** Service times are local Egyptian time. */
export const SERVICE_TIME_ZONE = 'Africa/Cairo'

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/
export const parseHHMM = (v: string): number => {
  if (!HHMM.test(v)) throw new Error(`Invalid time ${v}`)
  const [h, m] = v.split(':').map(Number)
  return h * 60 + m
}

/** Weekday and minute of the day of `at` in `timeZone`. */
export function localTime(at: Date, timeZone = SERVICE_TIME_ZONE): { weekday: Weekday; minutes: number; year: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    year: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  const weekday = get('weekday').toLowerCase().slice(0, 3) as Weekday
  return { weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')), year: Number(get('year')) }
}

export interface Availability {
  active?: boolean | null
  workingHours?: { start?: string | null; end?: string | null } | null
  workingDays?: readonly string[] | null
  emergencyAvailable?: boolean | null
}

/**
 * Whether a job of `durationMinutes` starting at `at` fits the service's working days and hours (local
 * time): the day is a working day, the start is at or after `start` and the job ends by `end`.
 * Returns an error message or null. No days configured → every day; no hours → any time.
 */
export function checkWorkingHours(at: Date, durationMinutes: number, availability: Availability | null | undefined, timeZone = SERVICE_TIME_ZONE): string | null {
  const { weekday, minutes } = localTime(at, timeZone)
  const days = availability?.workingDays ?? []
  if (days.length && !days.includes(weekday)) {
    return `The service is not available on ${WEEKDAY_LABELS[weekday].en}; working days: ${days.join(', ')}.`
  }
  const start = availability?.workingHours?.start
  const end = availability?.workingHours?.end
  if (start && end && HHMM.test(start) && HHMM.test(end)) {
    const s = parseHHMM(start)
    const e = parseHHMM(end)
    if (minutes < s || minutes + Math.max(0, durationMinutes) > e) {
      return `The service works ${start}–${end} (Cairo time); the booking must start and finish within those hours.`
    }
  }
  return null
}

export interface Pricing {
  basePrice: number
  discount: number
  discountReason: string | null
  total: number
}

/**
 * The booking price, computed on the server: the service's base price less an optional discount (set by
 * an admin), never below zero, rounded half-up to the piastre.
 */
export function computePricing(basePrice: number, discount = 0, discountReason: string | null = null): Pricing {
  const base = D(basePrice)
  if (base.isNegative()) throw new Error('basePrice must not be negative')
  if (D(discount).isNegative()) throw new Error('discount must not be negative')
  const applied = toCents(D(discount).greaterThan(base) ? base : D(discount))
  return {
    basePrice: toCents(base),
    discount: applied,
    discountReason: applied > 0 ? discountReason : null,
    total: toCents(base.minus(applied)),
  }
}

/** `BK-<year>-<6 digits>`. */
export function formatBookingNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new Error(`booking sequence out of range: ${sequence}`)
  return `BK-${year}-${String(sequence).padStart(6, '0')}`
}
export const BOOKING_NUMBER = /^BK-\d{4}-\d{6}$/

/** The number a booking is written under before it takes its real one (its creation takes the year's counter last). */
export const provisionalBookingNumber = (): string => provisionalNumber('BK')

/** Whether a booking still carries its provisional number (numbered by the create's first afterChange hook). */
export const isProvisionalBookingNumber = (value: unknown): value is string => isProvisionalNumber(value, 'BK')

export const addMinutes = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000)

/** Whether [aStart, aEnd) and [bStart, bEnd) overlap. */
export const overlaps = (aStart: Date, aEnd: Date, bStart: Date, bEnd: Date): boolean => aStart.getTime() < bEnd.getTime() && bStart.getTime() < aEnd.getTime()

/** Great-circle distance in km. */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6371
  const rad = (x: number) => (x * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Average urban driving speed used for the ETA. */
export const ETA_SPEED_KMH = 30

/** A simple ETA: straight-line distance at ETA_SPEED_KMH, at least one minute (0 once on site, < 50 m). */
export function estimateEta(from: { lat: number; lng: number }, to: { lat: number; lng: number }, now: Date): { distanceKm: number; etaMinutes: number; eta: Date } {
  const distanceKm = Math.round(haversineKm(from, to) * 100) / 100
  const etaMinutes = distanceKm < 0.05 ? 0 : Math.max(1, Math.ceil((distanceKm / ETA_SPEED_KMH) * 60))
  return { distanceKm, etaMinutes, eta: addMinutes(now, etaMinutes) }
}

// ---------- guest tokens ----------

/** A random guest token (returned once) and its SHA-256 hash (stored). */
export function newGuestToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url')
  return { token, hash: hashGuestToken(token) }
}
export const hashGuestToken = (token: string): string => createHash('sha256').update(token).digest('hex')
export function guestTokenMatches(token: unknown, hash: unknown): boolean {
  if (typeof token !== 'string' || !token || typeof hash !== 'string' || hash.length !== 64) return false
  const a = Buffer.from(hashGuestToken(token), 'hex')
  const b = Buffer.from(hash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

// ---------- customer-facing texts ----------

export const BOOKING_STATUS_LABELS: Record<string, Localized> = {
  pending_approval: { en: 'Pending approval', ar: 'بانتظار الموافقة' },
  approved: { en: 'Approved', ar: 'تمت الموافقة' },
  on_way: { en: 'Technician on the way', ar: 'الفني في الطريق' },
  in_progress: { en: 'In progress', ar: 'قيد التنفيذ' },
  completed: { en: 'Completed', ar: 'مكتمل' },
  rejected: { en: 'Rejected', ar: 'مرفوض' },
  cancelled: { en: 'Cancelled', ar: 'ملغي' },
}

const STATUS_MESSAGES: Record<string, Localized> = {
  pending_approval: { en: 'We received your booking {n}; it is awaiting approval.', ar: 'استلمنا حجزك {n} وهو بانتظار الموافقة.' },
  approved: { en: 'Your booking {n} was approved.', ar: 'تمت الموافقة على حجزك {n}.' },
  on_way: { en: 'The technician is on the way for booking {n}.', ar: 'الفني في الطريق إليك للحجز {n}.' },
  in_progress: { en: 'Work on booking {n} has started.', ar: 'بدأ العمل على الحجز {n}.' },
  completed: { en: 'Booking {n} is completed. Please rate the service.', ar: 'اكتمل الحجز {n}. يرجى تقييم الخدمة.' },
  rejected: { en: 'Booking {n} was rejected.', ar: 'تم رفض الحجز {n}.' },
  cancelled: { en: 'Booking {n} was cancelled.', ar: 'تم إلغاء الحجز {n}.' },
}

/** Title and message of the `booking_status` notification for `status`, in English and Arabic. */
export function bookingStatusTexts(status: string, bookingNumber: string, reason?: string | null): { title: Localized; message: Localized } {
  const label = BOOKING_STATUS_LABELS[status] ?? { en: status, ar: status }
  const msg = STATUS_MESSAGES[status] ?? { en: `Booking {n}: ${status}.`, ar: `الحجز {n}: ${status}.` }
  const suffix = reason ? { en: ` Reason: ${reason}`, ar: ` السبب: ${reason}` } : { en: '', ar: '' }
  return {
    title: { en: `Booking ${bookingNumber}: ${label.en}`, ar: `الحجز ${bookingNumber}: ${label.ar}` },
    message: { en: msg.en.replace('{n}', bookingNumber) + suffix.en, ar: msg.ar.replace('{n}', bookingNumber) + suffix.ar },
  }
}

export function technicianAssignedTexts(bookingNumber: string, technicianName: string): { title: Localized; message: Localized } {
  return {
    title: { en: `Booking ${bookingNumber}: technician assigned`, ar: `الحجز ${bookingNumber}: تم تعيين فني` },
    message: { en: `${technicianName} will handle your booking ${bookingNumber}.`, ar: `سيتولى ${technicianName} تنفيذ حجزك ${bookingNumber}.` },
  }
}

export const slugify = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
