/**
 * Catalog rules as pure functions (no Payload import): listing status and moderation, stock status,
 * slugs, WhatsApp links, price history, compatibility year ranges.
 */

import { sameId } from '@/domain/ids'
import { defineMachine } from '@/workflows/engine'

// ---------- listing status & moderation ----------

export const CAR_STATUSES = ['draft', 'pending_review', 'active', 'sale_pending', 'sold', 'archived'] as const
export type CarStatus = (typeof CAR_STATUSES)[number]

export const PART_STATUSES = ['draft', 'active', 'archived'] as const
export type PartStatus = (typeof PART_STATUSES)[number]

/**
 * Statuses everyone may see (public reads). Each was reached through an approved (or unmoderated)
 * publication: `pending_review` is never public, and no owner transition leads from it to a public state.
 */
export const PUBLIC_CAR_STATUSES: readonly CarStatus[] = ['active', 'sale_pending', 'sold']

/** Listings on the market (contactable, counted by a plan's quota with pending_review). */
export const LISTED_CAR_STATUSES: readonly CarStatus[] = ['active', 'sale_pending']

/**
 * The listing lifecycle. `owner` is the listing's seller; `system` is internal code (e.g. an accepted offer
 * reserving the car). `pending_review` is "awaiting moderation" (never public); `sale_pending` is "an
 * approved listing reserved by a sale" (public). A seller asking for `active` while moderation applies gets
 * `pending_review` instead (see {@link sellerTarget}); only admins and editors approve
 * `pending_review → active`. Nothing leads from `pending_review` to `sale_pending` or `sold`.
 */
export const carListingMachine = defineMachine<CarStatus, { status: CarStatus; seller?: unknown }>({
  name: 'listing',
  field: 'status',
  states: CAR_STATUSES,
  initial: 'draft',
  terminal: [],
  transitions: [
    { action: 'submit', from: ['draft', 'archived', 'sold'], to: 'pending_review', by: ['owner', 'admin'], description: 'Ask for publication (awaiting moderation, not public).' },
    {
      action: 'publish',
      from: ['draft', 'archived', 'sold'],
      to: 'active',
      by: ['owner', 'admin'],
      description: 'A seller gets `pending_review` instead while moderation applies (setting listingModeration on, dealer not verified).',
    },
    {
      action: 'approve',
      from: ['pending_review'],
      to: 'active',
      by: ['admin', 'editor'],
      description: 'Moderation approval (`POST /api/cars/:id/approve`).',
      via: 'POST /api/cars/:id/approve',
      effects: 'Approving a listing clears its moderation note and notifies the seller',
    },
    {
      action: 'reject',
      from: ['pending_review'],
      to: 'draft',
      by: ['admin', 'editor'],
      description: 'Moderation refusal with a reason (`POST /api/cars/:id/reject`).',
      via: 'POST /api/cars/:id/reject',
      effects: 'Rejecting a listing requires a reason, which is stored and sent to the seller',
    },
    { action: 'reserve', from: ['active'], to: 'sale_pending', by: ['owner', 'admin', 'system'], description: 'Sale pending (e.g. an accepted offer); stays public.' },
    { action: 'release', from: ['sale_pending'], to: 'active', by: ['owner', 'admin', 'system'], description: 'The sale fell through: back on the market.' },
    { action: 'mark_sold', from: ['active', 'sale_pending'], to: 'sold', by: ['owner', 'admin', 'system'], description: 'Only an approved listing can be sold.' },
    { action: 'withdraw', from: ['pending_review', 'active', 'sale_pending', 'sold', 'archived'], to: 'draft', by: ['owner', 'admin'] },
    { action: 'archive', from: ['draft', 'pending_review', 'active', 'sale_pending', 'sold'], to: 'archived', by: ['owner', 'admin', 'system'] },
  ],
  relations: (doc, actor) => (sameId(doc.seller, actor.id) ? ['owner'] : []),
})

export type StatusDecision = { ok: true; status: CarStatus } | { ok: false; status: 400 | 403 | 409; message: string }

/** A seller's new listing: draft (default) | pending_review | active — `active` becomes `pending_review` when moderated. */
export function initialSellerStatus(requested: CarStatus | undefined, moderated: boolean): StatusDecision {
  if (requested === undefined || requested === 'draft') return { ok: true, status: 'draft' }
  if (requested === 'pending_review') return { ok: true, status: 'pending_review' }
  if (requested === 'active') return { ok: true, status: moderated ? 'pending_review' : 'active' }
  return { ok: false, status: 400, message: `A new listing starts as draft, pending_review or active (not ${String(requested)}).` }
}

/**
 * The status a listing's own seller ends up with when asking for `requested` on an existing listing:
 * moderation rewrites a publication (`active` from draft/archived/sold) to `pending_review`;
 * `pending_review → active` is an approval (403 for the seller); every other move must be an owner
 * transition of {@link carListingMachine} (409 otherwise: e.g. `pending_review → sold`).
 */
export function sellerTarget(current: CarStatus, requested: CarStatus, moderated: boolean): StatusDecision {
  if (!(CAR_STATUSES as readonly string[]).includes(requested)) return { ok: false, status: 400, message: `Unknown status ${String(requested)}.` }
  if (requested === current) return { ok: true, status: current }
  if (current === 'pending_review' && requested === 'active') return { ok: false, status: 403, message: 'A listing awaiting review is approved by an admin or editor.' }
  // Releasing a reserved (already approved) listing is not a new publication.
  const publication = requested === 'active' && current !== 'sale_pending'
  const target: CarStatus = publication && moderated ? 'pending_review' : requested
  if (target === current) return { ok: true, status: current }
  const ok = carListingMachine.transitions.some((t) => t.to === target && t.from.includes(current) && t.by.includes('owner'))
  return ok ? { ok: true, status: target } : { ok: false, status: 409, message: `Cannot move the listing from ${current} to ${target}.` }
}

/** Whether a new or re-submitted listing needs approval. */
export const needsModeration = (settings: { listingModeration: boolean }, dealerVerified: boolean): boolean => settings.listingModeration && !dealerVerified

// ---------- parts stock ----------

export const STOCK_STATUSES = ['in_stock', 'low_stock', 'out_of_stock'] as const
export type StockStatus = (typeof STOCK_STATUSES)[number]
export const DEFAULT_LOW_STOCK_THRESHOLD = 5

/** 0 → out_of_stock, ≤ threshold → low_stock, else in_stock; stock not managed → in_stock. */
export function stockStatusOf(stockQuantity: number | null | undefined, manageStock = true, lowStockThreshold: number | null | undefined = DEFAULT_LOW_STOCK_THRESHOLD): StockStatus {
  if (manageStock === false) return 'in_stock'
  const qty = Number(stockQuantity ?? 0)
  const threshold = lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD
  if (qty <= 0) return 'out_of_stock'
  if (qty <= threshold) return 'low_stock'
  return 'in_stock'
}

// ---------- slugs ----------

/** URL slug: lower-case ASCII words joined by `-` (Arabic and other scripts are dropped; empty → 'item'). */
export function slugify(text: string): string {
  const s = String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
  return s || 'item'
}

/** The first of `base`, `base-2`, `base-3`… not in `taken`. */
export function uniqueSlug(base: string, taken: Iterable<string>): string {
  const set = new Set(taken)
  if (!set.has(base)) return base
  for (let i = 2; ; i++) if (!set.has(`${base}-${i}`)) return `${base}-${i}`
}

// ---------- contact ----------

/** `https://wa.me/<digits>` for a phone number in international form, or null when it has too few digits. */
export function whatsappLink(phone: string | null | undefined): string | null {
  if (!phone) return null
  let digits = String(phone).replace(/[^\d+]/g, '')
  if (digits.startsWith('+')) digits = digits.slice(1)
  else if (digits.startsWith('00')) digits = digits.slice(2)
  digits = digits.replace(/\D/g, '')
  if (digits.length < 8 || digits.length > 15) return null
  return `https://wa.me/${digits}`
}

// ---------- price history ----------

export interface PriceHistoryEntry {
  price: number
  changedAt: string
}

/** Appends the new price when it differs from the previous one (or on create). */
export function appendPriceHistory(history: PriceHistoryEntry[] | null | undefined, previous: number | null | undefined, next: number | null | undefined, now: Date): PriceHistoryEntry[] {
  const list = (history ?? []).map((h) => ({ price: h.price, changedAt: h.changedAt }))
  if (next === null || next === undefined) return list
  if (previous !== null && previous !== undefined && Number(previous) === Number(next)) return list
  return [...list, { price: Number(next), changedAt: now.toISOString() }]
}

// ---------- compatibility ----------

/** A compatibility row matches `year` when it lies within yearFrom..yearTo (open ends match). */
export const yearInRange = (year: number, from?: number | null, to?: number | null): boolean => (from == null || from <= year) && (to == null || year <= to)

export function validYearRange(from?: number | null, to?: number | null): boolean {
  return from == null || to == null || from <= to
}
