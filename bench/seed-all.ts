/**
 * Seeds the bench data set and returns what the scenarios need: bulk SQL for the big tables (bench/seed.ts),
 * the Local API for the few users (password hashing, roles), the real login endpoint for their tokens.
 */
import type pg from 'pg'
import type { Payload } from 'payload'

import type { BenchContext } from './scenarios/types'
import { seedAnalytics, seedCatalog, seedParking, seedPosts, withIndexesDeferred } from './seed'

const BENCH_USERS = Number(process.env.BENCH_USERS || 64)
/** Stock of the part every checkout in the contention scenario buys. */
export const HOT_PART_STOCK = Number(process.env.BENCH_HOT_STOCK || 200)

type Seeded = Omit<BenchContext, 'payload' | 'db' | 'serverUrl' | 'baselineUrl'>

async function login(serverUrl: string, email: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password' }) })
  if (!res.ok) throw new Error(`bench login failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}

async function user(payload: Payload, email: string, roles: string[], lastName: string): Promise<number> {
  const doc = await payload.create({
    collection: 'users',
    overrideAccess: true,
    disableVerificationEmail: true,
    data: { email, password: 'bench-password', roles, firstName: 'Bench', lastName, _verified: true } as never,
  })
  return Number(doc.id)
}

export async function seedBench(payload: Payload, db: pg.Client, serverUrl: string): Promise<{ ctx: Seeded; counts: Record<string, number> }> {
  const sellerId = await user(payload, 'bench-seller@bench.local', ['seller'], 'Seller')
  const ownerId = await user(payload, 'bench-owner@bench.local', ['parking_owner'], 'Owner')
  const driverId = await user(payload, 'bench-driver@bench.local', ['buyer'], 'Driver')
  const adminId = await user(payload, 'bench-admin@bench.local', ['admin'], 'Admin')
  const driverVehicle = (await db.query(`insert into vehicles (owner_id, license_plate, make, model, is_default) values ($1, 'BENCH-0', 'Toyota', 'Corolla', true) returning id`, [driverId])).rows[0]
    .id as number

  const cars = Number(process.env.BENCH_CARS || 100_000)
  const scale = cars / 100_000
  const sizes = {
    parts: Math.max(200, Math.round(20_000 * scale)),
    spots: Math.max(100, Math.round(5_000 * scale)),
    bookings: Math.max(2_000, Math.round(100_000 * scale)),
    posts: Math.max(100, Math.round(2_000 * scale)),
  }
  const big = ['cars', 'parts', 'parking_spots', 'parking_bookings', 'posts', 'posts_locales', 'search_queries', 'listing_daily_stats', 'orders', 'payments']
  const { makes, carIds, spots, hotSpots } = await withIndexesDeferred(db, big, async () => {
    const catalog = await seedCatalog(db, sellerId, { cars, parts: sizes.parts })
    const parking = await seedParking(db, ownerId, driverId, driverVehicle, { spots: sizes.spots, bookings: sizes.bookings })
    await seedPosts(db, sizes.posts)
    await seedAnalytics(db, adminId, { searches: Math.round(100_000 * scale), orders: Math.round(20_000 * scale) })
    return { ...catalog, spots: parking.spotIds, hotSpots: parking.hotSpots }
  })
  const hotPart = Number(
    (await db.query(`update parts set stock_quantity = $1, manage_stock = true where id = (select min(id) from parts where sku like 'BP-%') returning id`, [HOT_PART_STOCK])).rows[0].id,
  )

  // Bench users (buyers and drivers, one vehicle each) who log in through the real endpoint.
  const users: { id: number; token: string; vehicle: number }[] = []
  for (let i = 0; i < BENCH_USERS; i++) {
    const email = `bench-user-${i}@bench.local`
    const id = await user(payload, email, ['buyer'], `User ${i}`)
    const vehicle = (await db.query(`insert into vehicles (owner_id, license_plate, make, model, is_default) values ($1, $2, 'Honda', 'Civic', true) returning id`, [id, `BENCH-${i + 1}`])).rows[0]
      .id as number
    users.push({ id, vehicle, token: await login(serverUrl, email) })
  }
  await db.query('analyze')
  const count = async (table: string, where = '') => Number((await db.query(`select count(*)::int as n from ${table} ${where}`)).rows[0].n)
  return {
    ctx: {
      tokens: users.map((u) => u.token),
      users,
      sellerId,
      sellerToken: await login(serverUrl, 'bench-seller@bench.local'),
      adminToken: await login(serverUrl, 'bench-admin@bench.local'),
      makes,
      carIds,
      spotIds: spots,
      hotSpots,
      hotPart,
      hotPartStock: HOT_PART_STOCK,
    },
    counts: {
      cars: await count('cars'),
      makes: await count('makes'),
      models: await count('models'),
      parts: await count('parts'),
      'parking spots': await count('parking_spots'),
      'parking bookings': await count('parking_bookings'),
      posts: await count('posts'),
      'search log rows': await count('search_queries'),
      'listing-day rows': await count('listing_daily_stats'),
      orders: await count('orders'),
      users: await count('users'),
    },
  }
}
