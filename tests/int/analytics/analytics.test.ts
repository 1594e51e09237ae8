/**
 * /api/analytics/*: every figure is checked against what the fixtures imply, computed here from the fixture
 * lists (not from the database). The window is a custom week, 2026-01-05..2026-01-11; its previous period is
 * 2025-12-29..2026-01-04. Each row is inserted with its timestamp, so the figures are exact.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { get, post } from '../../helpers/api'
import { createUser, type TestUser } from '../../helpers/users'
import { backdate, daysBetween, exec, insert, sql } from './fixtures'

const FROM = '2026-01-05'
const TO = '2026-01-11'
const PREV_FROM = '2025-12-29'
const Q = `period=custom&from=${FROM}&to=${TO}`
const DAYS = daysBetween(FROM, TO)
const at = (day: string, time = '12:00:00') => `${day}T${time}Z`
const dayOf = (iso: string) => iso.slice(0, 10)
const inCur = (iso: string | null) => iso !== null && dayOf(iso) >= FROM && dayOf(iso) <= TO
const inPrev = (iso: string | null) => iso !== null && dayOf(iso) >= PREV_FROM && dayOf(iso) < FROM
const change = (cur: number, prev: number) => (prev === 0 ? null : Math.round(((cur - prev) / prev) * 1000) / 10)
const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 10)
const kpiOf = (cur: number, prev: number) => ({ current: cur, previous: prev, changePercent: change(cur, prev) })
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
/** One count per day of the window. */
const perDay = (stamps: string[]) => DAYS.map((d) => stamps.filter((s) => dayOf(s) === d).length)

let admin: TestUser, seller: TestUser, seller2: TestUser, buyer: TestUser, owner: TestUser, tech: TestUser
const created: TestUser[] = []
const user = async (roles: TestUser['roles']) => {
  const u = await createUser({ roles })
  created.push(u)
  return u
}

// ------------------------------------------------------------------ the fixtures
const USER_DAYS = [at('2026-01-05'), at('2026-01-07'), at('2026-01-01')]
type CarF = { key: string; seller: 'S' | 'S2'; make: 'Alfa' | 'Bmw'; status: string; createdAt: string; price: number; dealer?: boolean }
const CARS: CarF[] = [
  { key: 'c1', seller: 'S', make: 'Alfa', status: 'active', createdAt: at('2026-01-06'), price: 10000 },
  { key: 'c2', seller: 'S', make: 'Alfa', status: 'active', createdAt: at('2026-01-06'), price: 12000 },
  { key: 'c3', seller: 'S2', make: 'Bmw', status: 'active', createdAt: at('2026-01-10'), price: 30000, dealer: true },
  { key: 'c4', seller: 'S2', make: 'Bmw', status: 'pending_review', createdAt: at('2026-01-02'), price: 25000, dealer: true },
  { key: 'c5', seller: 'S', make: 'Bmw', status: 'draft', createdAt: at('2025-12-01'), price: 5000 },
]
const ORDERS = [at('2026-01-05'), at('2026-01-11', '23:00:00'), at('2026-01-04'), at('2026-01-12', '00:30:00')]
const PAYMENTS = [
  { status: 'succeeded', amount: 100, refunded: 0, paidAt: at('2026-01-05'), kind: 'orders' },
  { status: 'partially_refunded', amount: 50, refunded: 20, paidAt: at('2026-01-08'), kind: 'parking_bookings' },
  { status: 'succeeded', amount: 40, refunded: 0, paidAt: at('2026-01-03'), kind: 'orders' },
  { status: 'failed', amount: 999, refunded: 0, paidAt: null, kind: 'orders' },
  { status: 'requires_payment', amount: 70, refunded: 0, paidAt: null, kind: 'orders' },
]
const PARKING = [
  { createdAt: at('2026-01-06'), status: 'pending', total: 20 },
  { createdAt: at('2026-01-06'), status: 'cancelled', total: 10 },
  { createdAt: at('2026-01-02'), status: 'completed', total: 15 },
]
const SERVICES = [
  { createdAt: at('2026-01-09'), status: 'completed', total: 80, tech: true },
  { createdAt: at('2026-01-09'), status: 'rejected', total: 50, tech: false },
]
type NegF = { car: string; status: string; createdAt: string; closedAt: string | null; agreed: number | null }
const NEGOTIATIONS: NegF[] = [
  { car: 'c1', status: 'open', createdAt: at('2026-01-06'), closedAt: null, agreed: null },
  { car: 'c1', status: 'accepted', createdAt: at('2026-01-07'), closedAt: at('2026-01-08'), agreed: 9000 },
  { car: 'c3', status: 'rejected', createdAt: at('2026-01-07'), closedAt: at('2026-01-07'), agreed: null },
  { car: 'c1', status: 'accepted', createdAt: at('2026-01-03'), closedAt: at('2026-01-04'), agreed: 8000 },
]
const SEARCHES = [
  { q: 'bmw x5', results: 4, at: at('2026-01-05') },
  { q: 'bmw x5', results: 4, at: at('2026-01-06') },
  { q: 'bmw x5', results: 2, at: at('2026-01-06') },
  { q: 'tesla', results: 0, at: at('2026-01-08') },
  { q: 'zzz', results: 0, at: at('2026-01-10') },
  { q: 'zzz', results: 0, at: at('2026-01-10') },
  { q: 'audi', results: 3, at: at('2026-01-02') },
]
const STATS = [
  { car: 'c1', day: '2026-01-05', views: 3, favorites: 1, offers: 0 },
  { car: 'c1', day: '2026-01-07', views: 2, favorites: 0, offers: 1 },
  { car: 'c1', day: '2026-01-03', views: 5, favorites: 0, offers: 0 },
  { car: 'c2', day: '2026-01-06', views: 4, favorites: 2, offers: 0 },
  { car: 'c3', day: '2026-01-06', views: 10, favorites: 0, offers: 2 },
]

const carId: Record<string, number> = {}
let dealerId = 0

beforeAll(async () => {
  admin = await user(['admin'])
  seller = await user(['seller'])
  seller2 = await user(['seller'])
  buyer = await user(['buyer'])
  owner = await user(['parking_owner'])
  tech = await user(['technician'])
  // Role users were created now (outside the window); three more on chosen days.
  for (const d of USER_DAYS) {
    const u = await user(['buyer'])
    await backdate('users', u.id, d)
  }
  const sellerOf = { S: seller.id, S2: seller2.id }
  dealerId = await insert('dealers', { name: 'Dealer Two', owner_id: seller2.id, verification_status: 'verified' })
  const makes: Record<string, number> = {}
  const models: Record<string, number> = {}
  for (const m of ['Alfa', 'Bmw']) {
    makes[m] = await insert('makes', { name: m })
    models[m] = await insert('models', { name: `${m} One`, make_id: makes[m] })
  }
  for (const c of CARS) {
    carId[c.key] = await insert('cars', {
      title: `${c.make} ${c.key}`,
      make_id: makes[c.make],
      model_id: models[c.make],
      year: 2020,
      condition: 'used',
      price: c.price,
      status: c.status,
      seller_id: sellerOf[c.seller],
      dealer_id: c.dealer ? dealerId : null,
      published_at: c.status === 'active' ? c.createdAt : null,
      created_at: c.createdAt,
    })
  }
  for (const [i, o] of ORDERS.entries())
    await insert('orders', { order_number: `ORD-T-${i}`, customer_id: buyer.id, status: 'pending', payment_method: 'card', subtotal: 10, total: 10, created_at: o })
  for (const p of PAYMENTS)
    await insert('payments', { provider: 'manual', amount: p.amount, refunded_amount: p.refunded, currency: 'USD', status: p.status, target_type: p.kind, paid_at: p.paidAt, user_id: buyer.id })
  const spot = await insert('parking_spots', { owner_id: owner.id, name: 'Spot', latitude: 1, longitude: 1, total_slots: 5, price: 10, price_type: 'hour' })
  const vehicle = await insert('vehicles', { owner_id: buyer.id, license_plate: 'AN 1' })
  for (const [i, b] of PARKING.entries())
    await insert('parking_bookings', {
      qr_code: `QR-T-${i}`,
      pin: `00${i}`,
      user_id: buyer.id,
      spot_id: spot,
      spot_owner_id: owner.id,
      vehicle_id: vehicle,
      start_time: at('2026-02-01'),
      end_time: at('2026-02-01', '14:00:00'),
      status: b.status,
      total_cost: b.total,
      created_at: b.createdAt,
    })
  const service = await insert('services', { slug: 'svc', category: 'regular_maintenance', base_price: 50 })
  for (const [i, s] of SERVICES.entries())
    await insert('service_bookings', {
      booking_number: `BK-2026-00000${i}`,
      status: s.status,
      customer_id: buyer.id,
      service_id: service,
      technician_user_id: s.tech ? tech.id : null,
      scheduled_at: at('2026-02-02'),
      customer_info_name: 'C',
      customer_info_phone: '1',
      pricing_total: s.total,
      created_at: s.createdAt,
    })
  for (const g of NEGOTIATIONS) {
    const c = CARS.find((x) => x.key === g.car)!
    await insert('negotiations', {
      car_id: carId[g.car],
      buyer_id: buyer.id,
      seller_id: sellerOf[c.seller],
      status: g.status,
      turn: 'seller',
      current_amount: 5000,
      agreed_price: g.agreed,
      expires_at: at('2026-03-01'),
      closed_at: g.closedAt,
      created_at: g.createdAt,
    })
  }
  for (const s of SEARCHES) await insert('search_queries', { query: s.q, normalized_query: s.q, type: 'all', result_count: s.results, created_at: s.at })
  for (const s of STATS)
    await insert('listing_daily_stats', {
      car_id: carId[s.car],
      seller_id: sellerOf[CARS.find((c) => c.key === s.car)!.seller],
      day: `${s.day}T00:00:00Z`,
      views: s.views,
      favorites: s.favorites,
      offers: s.offers,
    })
}, 120_000)

describe('GET /api/analytics/dashboard (admin)', () => {
  it('every figure equals what the fixtures imply, with the previous period and a zero-filled daily series', async () => {
    const res = await get(`/analytics/dashboard?${Q}`, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const b = res.body
    expect(b.period).toMatchObject({ name: 'custom', from: `${FROM}T00:00:00.000Z`, to: '2026-01-12T00:00:00.000Z', previousFrom: `${PREV_FROM}T00:00:00.000Z`, days: 7, granularity: 'day' })

    expect(b.totals.users).toBe(created.length)
    expect(b.kpis.newUsers).toEqual(kpiOf(USER_DAYS.filter(inCur).length, USER_DAYS.filter(inPrev).length))

    const byStatus: Record<string, number> = {}
    for (const c of CARS) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1
    expect(b.totals.listingsByStatus).toEqual(byStatus)
    expect(b.kpis.newListings).toEqual(kpiOf(CARS.filter((c) => inCur(c.createdAt)).length, CARS.filter((c) => inPrev(c.createdAt)).length))

    expect(b.kpis.orders).toEqual(kpiOf(ORDERS.filter(inCur).length, ORDERS.filter(inPrev).length))
    const captured = PAYMENTS.filter((p) => ['succeeded', 'partially_refunded', 'refunded'].includes(p.status))
    const net = (ps: typeof PAYMENTS) => sum(ps.map((p) => p.amount - p.refunded))
    expect(b.kpis.revenue).toEqual(kpiOf(net(captured.filter((p) => inCur(p.paidAt))), net(captured.filter((p) => inPrev(p.paidAt)))))
    expect(b.kpis.revenue.current).toBe(130) // 100 + (50 − 20 refunded)

    expect(b.kpis.parkingBookings).toEqual(kpiOf(PARKING.filter((x) => inCur(x.createdAt)).length, PARKING.filter((x) => inPrev(x.createdAt)).length))
    expect(b.kpis.serviceBookings).toEqual(kpiOf(SERVICES.filter((x) => inCur(x.createdAt)).length, SERVICES.filter((x) => inPrev(x.createdAt)).length))
    const negCur = NEGOTIATIONS.filter((g) => inCur(g.createdAt))
    const negPrev = NEGOTIATIONS.filter((g) => inPrev(g.createdAt))
    const accepted = (gs: NegF[]) => gs.filter((g) => g.status === 'accepted').length
    expect(b.kpis.negotiations).toEqual(kpiOf(negCur.length, negPrev.length))
    expect(b.kpis.acceptedNegotiations).toEqual(kpiOf(accepted(negCur), accepted(negPrev)))
    expect(b.kpis.conversionPercent).toEqual(kpiOf(pct(accepted(negCur), negCur.length), pct(accepted(negPrev), negPrev.length)))

    const makeCounts = ['Alfa', 'Bmw'].map((m) => ({ make: m, listings: CARS.filter((c) => c.make === m && c.status === 'active').length }))
    expect(b.topMakes).toEqual(makeCounts.sort((x, y) => y.listings - x.listings))
    const qCounts = new Map<string, number>()
    for (const s of SEARCHES.filter((s) => inCur(s.at))) qCounts.set(s.q, (qCounts.get(s.q) ?? 0) + 1)
    expect(b.topSearches).toEqual([...qCounts].map(([query, count]) => ({ query, count })).sort((x, y) => y.count - x.count || x.query.localeCompare(y.query)))

    // Series: one point per day of the window, zeros included.
    expect(b.series.map((p: { bucket: string }) => p.bucket)).toEqual(DAYS)
    expect(b.series.map((p: { newUsers: number }) => p.newUsers)).toEqual(perDay(USER_DAYS))
    expect(b.series.map((p: { newListings: number }) => p.newListings)).toEqual(perDay(CARS.map((c) => c.createdAt)))
    expect(b.series.map((p: { orders: number }) => p.orders)).toEqual(perDay(ORDERS))
    expect(b.series.map((p: { bookings: number }) => p.bookings)).toEqual(perDay([...PARKING, ...SERVICES].map((x) => x.createdAt)))
    expect(b.series.map((p: { revenue: number }) => p.revenue)).toEqual(DAYS.map((d) => net(captured.filter((p) => p.paidAt && dayOf(p.paidAt) === d))))
    expect(b.series.filter((p: { newUsers: number }) => p.newUsers === 0).length).toBe(DAYS.length - 2) // the empty days are present as zeros
  })

  it('a buyer, a seller and an editor get 403, a guest 401; a bad period is a 400 naming the field', async () => {
    for (const u of [buyer, seller]) expect((await get(`/analytics/dashboard?${Q}`, { token: u.token })).status).toBe(403)
    expect((await get(`/analytics/dashboard?${Q}`)).status).toBe(401)
    const bad = await get('/analytics/dashboard?period=1y', { token: admin.token })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0]).toMatchObject({ path: 'period' })
    const noTo = await get(`/analytics/dashboard?period=custom&from=${FROM}`, { token: admin.token })
    expect([noTo.status, noTo.body.errors[0].data.errors[0].path]).toEqual([400, 'to'])
    expect((await get('/analytics/dashboard?period=custom&from=2026-02-01&to=2026-01-01', { token: admin.token })).status).toBe(400)
  })

  it('7d and 90d: 7 daily and 13–14 weekly buckets ending today', async () => {
    const d7 = await get('/analytics/dashboard?period=7d', { token: admin.token })
    expect(d7.body.series).toHaveLength(7)
    expect(d7.body.series.at(-1).bucket).toBe(new Date().toISOString().slice(0, 10))
    const d90 = await get('/analytics/dashboard?period=90d', { token: admin.token })
    expect(d90.body.period.granularity).toBe('week')
    expect(d90.body.series.length).toBeGreaterThanOrEqual(13)
    expect(d90.body.series.length).toBeLessThanOrEqual(14)
    for (const p of d90.body.series) expect(new Date(`${p.bucket}T00:00:00Z`).getUTCDay()).toBe(1) // Mondays
  })
})

describe('GET /api/analytics/seller and /listings/:id', () => {
  const statsOf = (sellerKey: 'S' | 'S2') => STATS.filter((s) => CARS.find((c) => c.key === s.car)!.seller === sellerKey)
  const dayIn = (d: string) => d >= FROM && d <= TO
  const dayPrev = (d: string) => d >= PREV_FROM && d < FROM

  it("a seller gets only their own listings' figures", async () => {
    const res = await get(`/analytics/seller?${Q}`, { token: seller.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const mine = statsOf('S')
    const total = (k: 'views' | 'favorites' | 'offers', f: (d: string) => boolean) => sum(mine.filter((s) => f(s.day)).map((s) => s[k]))
    expect(res.body.seller).toBe(seller.id)
    expect(res.body.kpis.views).toEqual(kpiOf(total('views', dayIn), total('views', dayPrev)))
    expect(res.body.kpis.favorites).toEqual(kpiOf(total('favorites', dayIn), total('favorites', dayPrev)))
    expect(res.body.kpis.offers).toEqual(kpiOf(total('offers', dayIn), total('offers', dayPrev)))
    const myCars = CARS.filter((c) => c.seller === 'S').map((c) => c.key)
    const sales = NEGOTIATIONS.filter((g) => myCars.includes(g.car) && g.status === 'accepted')
    const salesCur = sales.filter((g) => inCur(g.closedAt))
    const salesPrev = sales.filter((g) => inPrev(g.closedAt))
    expect(res.body.kpis.sales).toEqual(kpiOf(salesCur.length, salesPrev.length))
    expect(res.body.kpis.revenue).toEqual(kpiOf(sum(salesCur.map((g) => g.agreed!)), sum(salesPrev.map((g) => g.agreed!))))
    expect(res.body.kpis.conversionPercent).toEqual(kpiOf(pct(salesCur.length, total('offers', dayIn)), pct(salesPrev.length, total('offers', dayPrev))))
    const byStatus: Record<string, number> = {}
    for (const c of CARS.filter((c) => c.seller === 'S')) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1
    expect(res.body.listingsByStatus).toEqual(byStatus)
    expect(res.body.series.map((p: { bucket: string }) => p.bucket)).toEqual(DAYS)
    expect(res.body.series.map((p: { views: number }) => p.views)).toEqual(DAYS.map((d) => sum(mine.filter((s) => s.day === d).map((s) => s.views))))
    expect(res.body.series.map((p: { offers: number }) => p.offers)).toEqual(DAYS.map((d) => sum(mine.filter((s) => s.day === d).map((s) => s.offers))))
    expect(res.body.topListings.map((l: { id: number }) => l.id).sort()).toEqual([carId.c1, carId.c2].sort())

    const other = await get(`/analytics/seller?${Q}&seller=${seller.id}`, { token: seller2.token })
    expect(other.body.seller).toBe(seller2.id) // ?seller is ignored for non-admins
    expect(other.body.kpis.views.current).toBe(
      sum(
        statsOf('S2')
          .filter((s) => dayIn(s.day))
          .map((s) => s.views),
      ),
    )
    const asAdmin = await get(`/analytics/seller?${Q}&seller=${seller.id}`, { token: admin.token })
    expect(asAdmin.body.kpis.views).toEqual(res.body.kpis.views)
    expect((await get(`/analytics/seller?${Q}`, { token: buyer.token })).status).toBe(403)
  })

  it('one listing: its seller and admins see its daily history; another seller 403; unknown 404', async () => {
    const res = await get(`/analytics/listings/${carId.c1}?${Q}`, { token: seller.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const c1 = STATS.filter((s) => s.car === 'c1')
    expect(res.body.listing).toMatchObject({ id: carId.c1, status: 'active' })
    expect(res.body.kpis.views).toEqual(kpiOf(sum(c1.filter((s) => dayIn(s.day)).map((s) => s.views)), sum(c1.filter((s) => dayPrev(s.day)).map((s) => s.views))))
    expect(res.body.series.map((p: { views: number }) => p.views)).toEqual(DAYS.map((d) => sum(c1.filter((s) => s.day === d).map((s) => s.views))))
    expect(res.body.series.map((p: { favorites: number }) => p.favorites)).toEqual(DAYS.map((d) => sum(c1.filter((s) => s.day === d).map((s) => s.favorites))))
    expect((await get(`/analytics/listings/${carId.c1}?${Q}`, { token: admin.token })).body.kpis).toEqual(res.body.kpis)
    expect((await get(`/analytics/listings/${carId.c1}?${Q}`, { token: seller2.token })).status).toBe(403)
    expect((await get(`/analytics/listings/99999999?${Q}`, { token: admin.token })).status).toBe(404)
    expect((await get(`/analytics/listings/${carId.c1}?${Q}`)).status).toBe(401)
  })

  it('the dealer report: inventory summary and the dealer listings activity; no dealer profile → 404', async () => {
    const res = await get(`/analytics/dealer?${Q}`, { token: seller2.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const active = CARS.filter((c) => c.dealer && c.status === 'active')
    expect(res.body.dealer).toEqual({ id: dealerId, name: 'Dealer Two' })
    expect(res.body.inventory).toMatchObject({ activeListings: active.length, inventoryValue: sum(active.map((c) => c.price)), averagePrice: sum(active.map((c) => c.price)) / active.length })
    const listedDays = sum(active.map((c) => (Date.now() - Date.parse(c.createdAt)) / 86_400_000)) / active.length
    expect(Math.abs(res.body.inventory.averageDaysListed - listedDays)).toBeLessThan(0.1)
    const dealerStats = STATS.filter((s) => CARS.find((c) => c.key === s.car)!.dealer)
    expect(res.body.kpis.views.current).toBe(sum(dealerStats.filter((s) => dayIn(s.day)).map((s) => s.views)))
    expect(res.body.listingsByStatus).toEqual({ active: 1, pending_review: 1 })
    expect((await get(`/analytics/dealer?${Q}`, { token: seller.token })).status).toBe(404)
    expect((await get(`/analytics/dealer?${Q}&dealer=${dealerId}`, { token: admin.token })).body.inventory).toEqual(res.body.inventory)
    expect((await get(`/analytics/dealer?${Q}`, { token: buyer.token })).status).toBe(403)
  })
})

describe('search trends, bookings and revenue', () => {
  it('search trends: queries and zero-result queries over time (admin only)', async () => {
    const res = await get(`/analytics/search-trends?${Q}`, { token: admin.token })
    expect(res.status).toBe(200)
    const cur = SEARCHES.filter((s) => inCur(s.at))
    const prev = SEARCHES.filter((s) => inPrev(s.at))
    expect(res.body.kpis.queries).toEqual(kpiOf(cur.length, prev.length))
    expect(res.body.kpis.zeroResults).toEqual(kpiOf(cur.filter((s) => s.results === 0).length, prev.filter((s) => s.results === 0).length))
    expect(res.body.zeroResultQueries).toEqual([
      { query: 'zzz', count: 2 },
      { query: 'tesla', count: 1 },
    ])
    expect(res.body.series.map((p: { queries: number }) => p.queries)).toEqual(perDay(cur.map((s) => s.at)))
    expect(res.body.series.map((p: { zeroResults: number }) => p.zeroResults)).toEqual(perDay(cur.filter((s) => s.results === 0).map((s) => s.at)))
    expect((await get(`/analytics/search-trends?${Q}`, { token: buyer.token })).status).toBe(403)
  })

  it('bookings by day, week and month: admin all domains, an owner their spots, a technician their jobs', async () => {
    const live = PARKING.filter((b) => b.status !== 'cancelled')
    const liveSv = SERVICES.filter((b) => !['cancelled', 'rejected'].includes(b.status))
    const res = await get(`/analytics/bookings?${Q}&groupBy=day`, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.kpis.parking).toEqual(kpiOf(live.filter((b) => inCur(b.createdAt)).length, live.filter((b) => inPrev(b.createdAt)).length))
    expect(res.body.kpis.services).toEqual(kpiOf(liveSv.filter((b) => inCur(b.createdAt)).length, liveSv.filter((b) => inPrev(b.createdAt)).length))
    expect(res.body.series.map((p: { parking: number }) => p.parking)).toEqual(perDay(live.filter((b) => inCur(b.createdAt)).map((b) => b.createdAt)))
    const week = await get(`/analytics/bookings?${Q}&groupBy=week`, { token: admin.token })
    expect(week.body.series).toEqual([{ bucket: '2026-01-05', parking: 1, services: 1 }]) // 2026-01-05 is a Monday
    const month = await get(`/analytics/bookings?${Q}&groupBy=month`, { token: admin.token })
    expect(month.body.series).toEqual([{ bucket: '2026-01-01', parking: 1, services: 1 }])
    expect((await get(`/analytics/bookings?${Q}&groupBy=year`, { token: admin.token })).status).toBe(400)

    const mine = await get(`/analytics/bookings?${Q}`, { token: owner.token })
    expect(mine.body.scope).toBe('parking_owner')
    expect(Object.keys(mine.body.kpis)).toEqual(['parking'])
    expect(mine.body.series[0]).not.toHaveProperty('services')
    const jobs = await get(`/analytics/bookings?${Q}`, { token: tech.token })
    expect(jobs.body.kpis).toEqual({ services: kpiOf(liveSv.filter((b) => b.tech).length, 0) })
    expect((await get(`/analytics/bookings?${Q}`, { token: buyer.token })).status).toBe(403)
  })

  it('revenue: admins net payments by kind; a parking owner the value of their bookings', async () => {
    const res = await get(`/analytics/revenue?${Q}`, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.kpis.revenue).toEqual(kpiOf(130, 40))
    expect(res.body.kpis.orders).toEqual(kpiOf(100, 40))
    expect(res.body.kpis.parking_bookings).toEqual(kpiOf(30, 0))
    expect(res.body.series.map((p: { revenue: number }) => p.revenue)).toEqual(DAYS.map((d) => (d === '2026-01-05' ? 100 : d === '2026-01-08' ? 30 : 0)))
    const mine = await get(`/analytics/revenue?${Q}`, { token: owner.token })
    expect(mine.body.kpis.revenue).toEqual(kpiOf(sum(PARKING.filter((b) => b.status !== 'cancelled' && inCur(b.createdAt)).map((b) => b.total)), 15))
    expect((await get(`/analytics/revenue?${Q}`, { token: seller.token })).status).toBe(403)
  })
})

describe('the daily listing history is kept by hooks', () => {
  it('a counted view, a favorite and an offer land on today for the listing', async () => {
    const [c] = await exec(sql`select make_id, model_id from cars where id = ${carId.c2}`)
    const car = await insert('cars', {
      title: 'Hooked',
      make_id: c.make_id,
      model_id: c.model_id,
      year: 2021,
      condition: 'used',
      price: 20000,
      status: 'active',
      seller_id: seller.id,
      negotiable: true,
    })
    expect((await post(`/cars/${car}/view`, {}, { token: buyer.token })).body).toMatchObject({ counted: true })
    expect((await post(`/cars/${car}/view`, {}, { token: buyer.token })).body).toMatchObject({ counted: false }) // deduplicated: not in the history either
    expect((await post('/favorites', { item: { relationTo: 'cars', value: car } }, { token: buyer.token })).status).toBe(201)
    const offer = await post('/negotiations', { car, amount: 18000 }, { token: buyer.token })
    expect(offer.status, JSON.stringify(offer.body)).toBe(201)

    const res = await get(`/analytics/listings/${car}?period=7d`, { token: seller.token })
    expect(res.status).toBe(200)
    expect(res.body.series).toHaveLength(7)
    expect(res.body.series.at(-1)).toEqual({ bucket: new Date().toISOString().slice(0, 10), views: 1, favorites: 1, offers: 1 })
    expect(res.body.series.slice(0, 6).every((p: { views: number; favorites: number; offers: number }) => p.views + p.favorites + p.offers === 0)).toBe(true)
    const rows = await exec(sql`select views::int, favorites::int, offers::int from listing_daily_stats where car_id = ${car}`)
    expect(rows).toEqual([{ views: 1, favorites: 1, offers: 1 }])
  })
})
