/**
 * Commerce rules with no Payload import: line prices, order totals (tax, shipping, discount), order numbers,
 * stock shortages, cart tokens, refunds, listing quotas and subscription periods. Money is exact
 * (decimal.js via ./money), rounded half-up to the cent at the points named below.
 */
import { createHash, randomBytes } from 'node:crypto'

import { D, minorUnits, type MoneyInput, percentOf, sum, toCents } from '../money'
import { provisionalNumber } from '../numbering'

// ---------------------------------------------------------------- prices and totals

export interface PricedPart {
  price?: number | null
  salePrice?: number | null
}

/** The price a buyer pays for one unit: the sale price when one is set (and not above the list price), else the price. */
export function unitPriceOf(part: PricedPart): number {
  const price = Number(part.price ?? 0)
  const sale = part.salePrice
  if (sale !== null && sale !== undefined && Number.isFinite(Number(sale)) && Number(sale) >= 0 && Number(sale) <= price) {
    return toCents(sale)
  }
  return toCents(price)
}

export interface TotalsLineInput {
  unitPrice: number
  quantity: number
}

export interface TotalsSettings {
  taxRatePercent: number
  flatShipping: number
  /** Orders whose subtotal reaches this amount ship free; 0 or less disables free shipping. */
  freeShippingThreshold: number
}

export interface Totals {
  lines: { unitPrice: number; quantity: number; total: number }[]
  subtotal: number
  discount: number
  tax: number
  shipping: number
  total: number
}

/**
 * Order totals. Rounding points: each line total (unit × quantity) to the cent; tax once on
 * (subtotal − discount); shipping is the flat fee unless the subtotal reaches the free-shipping threshold
 * (an empty order ships nothing). Tax does not apply to shipping. The discount never exceeds the subtotal.
 */
export function computeTotals(lines: TotalsLineInput[], settings: TotalsSettings, discount = 0): Totals {
  const priced = lines.map((l) => ({
    unitPrice: toCents(l.unitPrice),
    quantity: l.quantity,
    total: toCents(D(l.unitPrice).times(l.quantity)),
  }))
  const subtotal = toCents(sum(priced.map((l) => l.total)))
  const appliedDiscount = Math.min(toCents(Math.max(0, discount)), subtotal)
  const taxable = D(subtotal).minus(appliedDiscount)
  const tax = percentOf(taxable, settings.taxRatePercent ?? 0)
  const threshold = Number(settings.freeShippingThreshold ?? 0)
  const freeShipping = priced.length === 0 || (threshold > 0 && subtotal >= threshold)
  const shipping = freeShipping ? 0 : toCents(Math.max(0, Number(settings.flatShipping ?? 0)))
  const total = toCents(taxable.plus(tax).plus(shipping))
  return { lines: priced, subtotal, discount: appliedDiscount, tax, shipping, total }
}

// ---------------------------------------------------------------- order numbers

/** An order number's parts: `<prefix>-<year>-<sequence, zero-padded to digits>` (src/db/commerce.ts writes it in SQL too). */
export const ORDER_NUMBER_FORM = { prefix: 'ORD', digits: 6 } as const

/** `ORD-<year>-<6 digits>` (more digits once a year passes 999 999 orders). */
export function formatOrderNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error('order sequence must be a positive integer')
  return `${ORDER_NUMBER_FORM.prefix}-${year}-${String(sequence).padStart(ORDER_NUMBER_FORM.digits, '0')}`
}

export const ORDER_NUMBER_PATTERN = /^ORD-\d{4}-\d{6,}$/

/** The number an order is written under before it takes its real one (checkout takes the year's counter last). */
export const provisionalOrderNumber = (): string => provisionalNumber('ORD')

// ---------------------------------------------------------------- stock

export interface StockRequest {
  part: number
  quantity: number
}

export interface ShortLine {
  part: number
  requested: number
  available: number
}

/** Lines whose requested quantity exceeds what is available (a missing part has 0 available). */
export function shortLines(requests: StockRequest[], available: Map<number, number>): ShortLine[] {
  return requests.filter((r) => (available.get(r.part) ?? 0) < r.quantity).map((r) => ({ part: r.part, requested: r.quantity, available: Math.max(0, available.get(r.part) ?? 0) }))
}

/** Merges cart lines by part (quantities add up), keeping the first line's unit price; order by part id. */
export function mergeLines<T extends { part: number; quantity: number }>(a: T[], b: T[]): T[] {
  const byPart = new Map<number, T>()
  for (const line of [...a, ...b]) {
    const existing = byPart.get(line.part)
    byPart.set(line.part, existing ? { ...existing, quantity: existing.quantity + line.quantity } : { ...line })
  }
  return [...byPart.values()]
}

/** Stock updates are taken in ascending part order, so two checkouts never wait on each other in a cycle. */
export const stockOrder = <T extends { part: number }>(lines: T[]): T[] => [...lines].sort((x, y) => x.part - y.part)

// ---------------------------------------------------------------- guest cart tokens

/** A random guest-cart token (sent back in `X-Cart-Token`); only its hash is stored. */
/** The header carrying a guest cart's token (requests and responses). */
export const CART_TOKEN_HEADER = 'x-cart-token'
/** At most this many of one part per cart line (and order line). */
export const MAX_LINE_QUANTITY = 999

export const newCartToken = (): string => randomBytes(24).toString('base64url')
export const hashCartToken = (token: string): string => createHash('sha256').update(token).digest('hex')
export const isPlausibleCartToken = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(token)

// ---------------------------------------------------------------- payments

export const PAYMENT_STATUSES = ['requires_payment', 'succeeded', 'failed', 'refunded', 'partially_refunded', 'cancelled'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** Ledger status after `refunded` of `amount` has been refunded. */
export function statusAfterRefund(amount: number, refunded: number): PaymentStatus {
  if (minorUnits(refunded) <= 0) return 'succeeded'
  return minorUnits(refunded) >= minorUnits(amount) ? 'refunded' : 'partially_refunded'
}

/** A booked target's payment status once `refunded` of the `paid` amount went back (amounts in currency units, cents exact). */
export function paymentStatusAfterRefund(paid: MoneyInput, refunded: MoneyInput): 'paid' | 'partially_refunded' | 'refunded' {
  const p = toCents(paid)
  const r = toCents(refunded)
  if (!(r > 0)) return 'paid'
  return r >= p ? 'refunded' : 'partially_refunded'
}

/** What is still refundable on a payment. */
export const refundableAmount = (amount: number, refunded: number): number => Math.max(0, toCents(D(amount).minus(refunded ?? 0)))

/** Unpaid card orders expire `ttlMinutes` after checkout. */
export const unpaidExpiry = (createdAt: Date, ttlMinutes: number): Date => new Date(createdAt.getTime() + Math.max(1, ttlMinutes) * 60_000)

// ---------------------------------------------------------------- plans and quotas

export const BILLING_PERIODS = ['monthly', 'yearly'] as const
export type BillingPeriod = (typeof BILLING_PERIODS)[number]

/** End of a subscription period that starts at `start` (calendar months, clamped to the month's last day). */
export function periodEnd(start: Date, period: BillingPeriod): Date {
  const months = period === 'yearly' ? 12 : 1
  const d = new Date(start.getTime())
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, lastDay))
  return d
}

/** Statuses of a car that count against a seller's listing quota. */
export const QUOTA_STATUSES = ['active', 'pending_review', 'sale_pending'] as const

/** Whether a car in `next` status counts when it did not before (a new or re-activated listing). */
export function entersQuota(previous: string | null | undefined, next: string | null | undefined): boolean {
  const counts = (s: string | null | undefined) => Boolean(s) && (QUOTA_STATUSES as readonly string[]).includes(s as string)
  return counts(next) && !counts(previous)
}

/** Null when the listing fits the plan; otherwise the refusal message. `maxListings` null = unlimited. */
export function quotaRefusal(planName: string, maxListings: number | null | undefined, current: number): string | null {
  if (maxListings === null || maxListings === undefined) return null
  if (current + 1 <= maxListings) return null
  return `Your ${planName} plan allows ${maxListings} active or pending listing${maxListings === 1 ? '' : 's'}; you have ${current}. Upgrade your plan or archive a listing.`
}

/** Null when a listing's photo count fits the plan (`max` null = unlimited); otherwise the refusal message. */
export function photoLimitRefusal(planName: string, max: number | null | undefined, photos: number): string | null {
  if (max === null || max === undefined || photos <= max) return null
  return `Your ${planName} plan allows ${max} photo${max === 1 ? '' : 's'} per listing; this listing has ${photos}. Upgrade your plan or remove photos.`
}

/** Null when one more featured listing fits the plan; otherwise the refusal message. */
export function featuredRefusal(planName: string, allowed: number, featuredNow: number): string | null {
  if (featuredNow + 1 <= allowed) return null
  return allowed > 0
    ? `Your ${planName} plan allows ${allowed} featured listing${allowed === 1 ? '' : 's'} at once; you have ${featuredNow}.`
    : `Your ${planName} plan includes no featured listings. Upgrade your plan to feature a listing.`
}

export const SUBSCRIPTION_STATUSES = ['pending_payment', 'active', 'past_due', 'cancelled', 'expired'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

/** Statuses whose plan limits the seller: active, and past_due while its renewal is retried (the grace period). */
export const PLAN_HOLDING_STATUSES: readonly SubscriptionStatus[] = ['active', 'past_due']

/**
 * The grace deadline after a failed renewal: `graceDays` after the first failure; later failed retries do not
 * move it (an existing deadline is kept).
 */
export function graceDeadline(existing: string | Date | null | undefined, failedAt: Date, graceDays: number): Date {
  if (existing) return new Date(existing)
  return new Date(failedAt.getTime() + Math.max(0, graceDays) * 86_400_000)
}

/** Stripe's recurring interval for a billing period. */
export const stripeInterval = (period: BillingPeriod): 'month' | 'year' => (period === 'yearly' ? 'year' : 'month')

/** What a payment pays for (the `target` relationship's collections). */
export const PAYMENT_TARGETS = ['orders', 'parking-bookings', 'service-bookings', 'subscriptions'] as const
export type PaymentTarget = (typeof PAYMENT_TARGETS)[number]

// ---------------------------------------------------------------- payouts

export interface PayoutLine {
  period: string
  source: string
  currency: string
  payments: number
  earned: number
  refunded: number
}

/** Payout lines with their net (earned − refunded, to the cent) and totals per currency. */
export function summarizePayouts(rows: readonly PayoutLine[]) {
  const periods = rows.map((r) => ({ ...r, earned: toCents(r.earned), refunded: toCents(r.refunded), net: toCents(D(r.earned).minus(r.refunded)) }))
  const byCurrency = new Map<string, { currency: string; payments: number; earned: number; refunded: number; net: number }>()
  for (const r of periods) {
    const t = byCurrency.get(r.currency) ?? { currency: r.currency, payments: 0, earned: 0, refunded: 0, net: 0 }
    t.payments += r.payments
    t.earned = toCents(D(t.earned).plus(r.earned))
    t.refunded = toCents(D(t.refunded).plus(r.refunded))
    t.net = toCents(D(t.earned).minus(t.refunded))
    byCurrency.set(r.currency, t)
  }
  return { periods, totals: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)) }
}
