/**
 * Analytics reports: each reads its figures with the aggregates of src/db/analytics.ts, then shapes them with
 * the pure period logic (KPIs with the previous period, zero-filled series).
 */
import type { PayloadRequest } from 'payload'

import { type AccessUser, isAdminUser, userHasRole } from '@/access/roles'
import * as q from '@/db/analytics'
import { dbOf, txOf } from '@/db/transaction'
import { bucketsOf, kpi, type Kpi, percent, type Period, round2, zeroFill } from '@/domain/analytics/period'
import { forbidden, notFound } from '@/lib/http'
import { allSettledOrThrow } from '@/lib/settle'

const periodOut = (p: Period) => ({
  name: p.name,
  from: p.from.toISOString(),
  to: p.to.toISOString(),
  previousFrom: p.previousFrom.toISOString(),
  previousTo: p.previousTo.toISOString(),
  days: p.days,
  granularity: p.granularity,
})
const kpiOf = (p: q.Pair, money = false): Kpi => (money ? kpi(round2(p.current), round2(p.previous)) : kpi(p.current, p.previous))
const series = <K extends string>(p: Period, metrics: readonly K[], rows: q.BucketRow[], money: readonly string[] = []) =>
  zeroFill(bucketsOf(p.from, p.to, p.granularity), metrics, rows).map((pt) => {
    for (const m of money) (pt as Record<string, number>)[m] = round2((pt as Record<string, number>)[m])
    return pt
  })

/** `GET /api/analytics/dashboard`: the platform. */
export async function dashboardReport(req: PayloadRequest, p: Period) {
  // Fold the counters' pending deltas first (cheap when a job did it recently); the figures are exact either way.
  // The figures are reads of committed data that need nothing of the request's transaction: they run side by side
  // on the pool.
  const db = dbOf(req.payload)
  await q.compactCounters(db)
  const [totals, pairs, rows, topMakes, topSearches] = await allSettledOrThrow([q.platformTotals(db), q.platformPairs(db, p), q.platformSeries(db, p), q.topMakes(db), q.topSearches(db, p)])
  const { negotiations: neg, acceptedNegotiations: acc } = pairs
  return {
    period: periodOut(p),
    totals,
    kpis: {
      newUsers: kpiOf(pairs.newUsers),
      newListings: kpiOf(pairs.newListings),
      orders: kpiOf(pairs.orders),
      revenue: kpiOf(pairs.revenue, true),
      parkingBookings: kpiOf(pairs.parkingBookings),
      serviceBookings: kpiOf(pairs.serviceBookings),
      negotiations: kpiOf(neg),
      acceptedNegotiations: kpiOf(acc),
      conversionPercent: kpi(percent(acc.current, neg.current), percent(acc.previous, neg.previous)),
    },
    topMakes,
    topSearches,
    series: series(p, ['newUsers', 'newListings', 'orders', 'revenue', 'bookings'] as const, rows, ['revenue']),
  }
}

async function listingFigures(req: PayloadRequest, scope: q.ListingScope, p: Period) {
  const tx = await txOf(req)
  const activity = await q.listingActivityPairs(tx, scope, p)
  const sales = await q.salesPairs(tx, scope, p)
  return {
    kpis: {
      views: kpiOf(activity.views),
      favorites: kpiOf(activity.favorites),
      offers: kpiOf(activity.offers),
      sales: kpiOf(sales.sales),
      conversionPercent: kpi(percent(sales.sales.current, activity.offers.current), percent(sales.sales.previous, activity.offers.previous)),
      revenue: kpiOf(sales.revenue, true),
    },
    listingsByStatus: await q.listingsByStatus(tx, scope),
    topListings: 'car' in scope ? undefined : await q.topListings(tx, scope, p),
    series: series(p, ['views', 'favorites', 'offers'] as const, await q.listingActivitySeries(tx, scope, p)),
  }
}

/** `GET /api/analytics/seller`: the caller's listings (admins: `?seller=<id>`, default their own). */
export async function sellerReport(req: PayloadRequest, user: AccessUser, p: Period, seller?: number) {
  const id = isAdminUser(user) && seller ? seller : Number(user.id)
  return { period: periodOut(p), seller: id, ...(await listingFigures(req, { seller: id }, p)) }
}

/** `GET /api/analytics/listings/:id`: one listing's daily views, favorites and offers (its seller or an admin). */
export async function listingReport(req: PayloadRequest, user: AccessUser, car: number, p: Period) {
  const listing = await q.listingOwner(await txOf(req), car)
  if (!listing) throw notFound('Listing not found.')
  if (!isAdminUser(user) && listing.seller !== Number(user.id)) throw forbidden('Only the listing’s seller or an admin sees its analytics.')
  const { topListings: _, listingsByStatus: __, ...figures } = await listingFigures(req, { car }, p)
  return { period: periodOut(p), listing: { id: listing.id, title: listing.title, status: listing.status }, ...figures }
}

/** `GET /api/analytics/dealer`: the caller's dealer profile (admins: `?dealer=<id>`): inventory and activity. */
export async function dealerReport(req: PayloadRequest, user: AccessUser, p: Period, dealerId?: number) {
  const tx = await txOf(req)
  const dealer = isAdminUser(user) && dealerId ? await q.dealerOf(tx, { id: dealerId }) : await q.dealerOf(tx, { owner: Number(user.id) })
  if (!dealer) throw notFound(isAdminUser(user) && dealerId ? 'Dealer not found.' : 'You have no dealer profile.')
  if (!isAdminUser(user) && dealer.owner !== Number(user.id)) throw forbidden()
  return { period: periodOut(p), dealer: { id: dealer.id, name: dealer.name }, inventory: await q.inventorySummary(tx, dealer.id), ...(await listingFigures(req, { dealer: dealer.id }, p)) }
}

/** `GET /api/analytics/search-trends`: queries over time, top and zero-result queries. */
export async function searchTrendsReport(req: PayloadRequest, p: Period) {
  const tx = await txOf(req)
  const pairs = await q.searchPairs(tx, p)
  return {
    period: periodOut(p),
    kpis: {
      queries: kpiOf(pairs.queries),
      zeroResults: kpiOf(pairs.zeroResults),
      zeroResultPercent: kpi(percent(pairs.zeroResults.current, pairs.queries.current), percent(pairs.zeroResults.previous, pairs.queries.previous)),
    },
    topQueries: await q.topSearches(tx, p),
    zeroResultQueries: await q.topSearches(tx, p, { zeroResults: true }),
    series: series(p, ['queries', 'zeroResults'] as const, await q.searchSeries(tx, p)),
  }
}

/** Whose bookings the caller sees: admins all, parking owners their spots', technicians their jobs. */
export function bookingScopeOf(user: AccessUser): q.BookingScope {
  if (isAdminUser(user)) return { all: true }
  if (userHasRole(user, 'parking_owner')) return { parkingOwner: Number(user.id) }
  if (userHasRole(user, 'technician')) return { technician: Number(user.id) }
  throw forbidden()
}

/** `GET /api/analytics/bookings?groupBy`: bookings per bucket and per domain. */
export async function bookingsReport(req: PayloadRequest, user: AccessUser, p: Period) {
  const scope = bookingScopeOf(user)
  const f = await q.bookingFigures(await txOf(req), scope, p)
  return {
    period: periodOut(p),
    scope: 'all' in scope ? 'platform' : 'parkingOwner' in scope ? 'parking_owner' : 'technician',
    kpis: Object.fromEntries(f.domains.map((d) => [d, kpiOf(f.pairs[d].bookings)])),
    series: series(p, ['parking', 'services'] as const, f.series).map(({ bucket, parking, services }) => ({
      bucket,
      ...(f.domains.includes('parking') ? { parking } : {}),
      ...(f.domains.includes('services') ? { services } : {}),
    })),
  }
}

/** `GET /api/analytics/revenue`: admins the platform's net payments; parking owners and technicians their bookings' value. */
export async function revenueReport(req: PayloadRequest, user: AccessUser, p: Period) {
  const scope = bookingScopeOf(user)
  const tx = await txOf(req)
  if ('all' in scope) {
    const r = await q.paymentRevenue(tx, p)
    const total = Object.values(r.byKind).reduce((a, b) => ({ current: a.current + b.current, previous: a.previous + b.previous }), { current: 0, previous: 0 })
    return {
      period: periodOut(p),
      scope: 'platform',
      kpis: { revenue: kpiOf(total, true), ...Object.fromEntries(Object.entries(r.byKind).map(([k, v]) => [k, kpiOf(v, true)])) },
      series: series(p, ['revenue'] as const, r.series, ['revenue']),
    }
  }
  const f = await q.bookingFigures(tx, scope, p)
  const total = f.domains.reduce((a, d) => ({ current: a.current + f.pairs[d].value.current, previous: a.previous + f.pairs[d].value.previous }), { current: 0, previous: 0 })
  return {
    period: periodOut(p),
    scope: 'parkingOwner' in scope ? 'parking_owner' : 'technician',
    kpis: { revenue: kpiOf(total, true) },
    series: series(p, ['value'] as const, f.series, ['value']).map(({ bucket, value }) => ({ bucket, revenue: value })),
  }
}
