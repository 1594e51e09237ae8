/**
 * The raw baseline: node `http` + `pg`, the same SQL each scenario needs and the same JSON shape, no framework.
 * Every AutoHub figure in bench/RESULTS.md is reported as a ratio to this server, measured in the same run.
 *
 * Run as its own process (like the app server, so neither shares an event loop with autocannon):
 *   DATABASE_URL=… PORT=… node --import tsx bench/baseline.ts   → prints `READY <port>`
 *
 * Where AutoHub's own query code is plain SQL (search, suggestions, occupancy), the baseline calls that very
 * code through a bare drizzle-over-pg handle, so the SQL is identical by construction. Authentication is not
 * replicated: the baseline trusts an `x-user` header (the app verifies a JWT and loads the user) — part of what
 * the ratio measures.
 */
import { randomBytes, randomInt } from 'node:crypto'
import http from 'node:http'

import { sql } from '@payloadcms/db-postgres'
import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import pg from 'pg'

import type { Tx } from '../src/db/transaction'
import { whatsappLink } from '../src/domain/catalog/listing'
import { calculateLoan } from '../src/domain/negotiation/loan'
import { availableSlots, bookingCost, fits, type Occupancy, pickPin, pinCandidates, type PriceType } from '../src/domain/parking'
import { pageInfo } from '../src/domain/pagination'
import { normalizeQuery, pageOf, pagination } from '../src/domain/discovery/search'
import { displayHits, rankPage, suggest } from '../src/db/discovery/search-engine'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BENCH_POOL || 20) })
pool.on('error', () => {})
const db = drizzle({ client: pool }) as unknown as Tx

type Handler = (url: URL, body: Record<string, unknown> | undefined, user: number) => Promise<[number, unknown]>

const notFound: [number, unknown] = [404, { errors: [{ message: 'Not Found' }] }]
const conflict = (message: string, data: unknown = {}): [number, unknown] => [409, { errors: [{ message, data }] }]

/** The car columns Payload returns (every scalar field; groups nested), plus populated make/model/seller. */
const CAR_JSON = `json_build_object(
  'id', c.id, 'title', c.title, 'slug', c.slug, 'description', c.description, 'year', c.year::float8, 'condition', c.condition,
  'price', c.price::float8, 'currency', c.currency, 'msrp', c.msrp::float8, 'mileage', c.mileage::float8, 'fuelType', c.fuel_type,
  'transmission', c.transmission, 'driveType', c.drive_type, 'bodyType', c.body_type, 'engineSize', c.engine_size::float8,
  'cylinders', c.cylinders::float8, 'doors', c.doors::float8, 'seats', c.seats::float8, 'exteriorColor', c.exterior_color,
  'interiorColor', c.interior_color, 'vin', c.vin, 'primaryImage', c.primary_image_id, 'status', c.status, 'publishedAt', c.published_at,
  'featured', c.featured, 'featuredUntil', c.featured_until,
  'location', json_build_object('address', c.location_address, 'city', c.location_city, 'region', c.location_region, 'country', c.location_country,
    'latitude', c.location_latitude::float8, 'longitude', c.location_longitude::float8),
  'contactPhone', c.contact_phone, 'contactEmail', c.contact_email, 'viewsCount', c.views_count::float8, 'favoritesCount', c.favorites_count::float8,
  'negotiable', c.negotiable, 'createdAt', c.created_at, 'updatedAt', c.updated_at,
  'rating', json_build_object('average', c.rating_average::float8, 'count', c.rating_count::float8),
  'make', json_build_object('id', mk.id, 'name', mk.name, 'slug', mk.slug, 'logo', mk.logo_id),
  'model', json_build_object('id', md.id, 'name', md.name, 'slug', md.slug, 'make', md.make_id),
  'seller', json_build_object('id', u.id, 'firstName', u.first_name, 'lastName', u.last_name, 'avatar', u.avatar_id, 'accountType', u.account_type, 'companyName', u.company_name),
  'images', coalesce((select json_agg(r.media_id order by r."order") from cars_rels r where r.parent_id = c.id and r.path = 'images'), '[]'::json),
  'features', coalesce((select json_agg(r.features_id order by r."order") from cars_rels r where r.parent_id = c.id and r.path = 'features'), '[]'::json),
  'videos', coalesce((select json_agg(json_build_object('id', v.id, 'title', v.title, 'url', v.url)) from cars_videos v where v._parent_id = c.id), '[]'::json),
  'priceHistory', coalesce((select json_agg(json_build_object('id', h.id, 'price', h.price::float8, 'changedAt', h.changed_at)) from cars_price_history h where h._parent_id = c.id), '[]'::json),
  'dealer', c.dealer_id,
  'specifications', json_build_object('horsepower', c.specifications_horsepower::float8, 'torque', c.specifications_torque::float8,
    'acceleration0to100', c.specifications_acceleration0to100::float8, 'fuelEconomy', c.specifications_fuel_economy::float8,
    'dimensions', json_build_object('length', c.specifications_dimensions_length::float8, 'width', c.specifications_dimensions_width::float8,
      'height', c.specifications_dimensions_height::float8, 'wheelbase', c.specifications_dimensions_wheelbase::float8),
    'weight', c.specifications_weight::float8, 'warranty', c.specifications_warranty,
    'serviceHistory', coalesce((select json_agg(json_build_object('id', sh.id, 'date', sh.date, 'mileage', sh.mileage::float8, 'description', sh.description) order by sh._order)
      from cars_specifications_service_history sh where sh._parent_id = c.id), '[]'::json)),
  'meta', (select json_build_object('title', l.meta_title, 'description', l.meta_description, 'image', l.meta_image_id) from cars_locales l where l._parent_id = c.id and l._locale = 'en')
) as doc`
/** The virtual whatsappLink field, derived the way the cars read hook derives it. */
const withWhatsapp = (doc: Record<string, unknown>) => ({ ...doc, whatsappLink: whatsappLink(doc.contactPhone as string | null) })
/** A listing card: the fields the listing search selects (bench/scenarios/catalog.ts CARD_FIELDS), make/model default-populated. */
const CARD_JSON = `json_build_object(
  'id', c.id, 'title', c.title, 'slug', c.slug, 'make', json_build_object('id', mk.id, 'name', mk.name, 'slug', mk.slug, 'logo', mk.logo_id),
  'model', json_build_object('id', md.id, 'name', md.name, 'slug', md.slug, 'make', md.make_id), 'year', c.year::float8, 'condition', c.condition,
  'price', c.price::float8, 'currency', c.currency, 'mileage', c.mileage::float8, 'fuelType', c.fuel_type, 'transmission', c.transmission,
  'bodyType', c.body_type, 'primaryImage', c.primary_image_id, 'status', c.status,
  'location', json_build_object('address', c.location_address, 'city', c.location_city, 'region', c.location_region, 'country', c.location_country,
    'latitude', c.location_latitude::float8, 'longitude', c.location_longitude::float8),
  'createdAt', c.created_at) as doc`
const CAR_FROM = `from cars c join makes mk on mk.id = c.make_id join models md on md.id = c.model_id left join users u on u.id = c.seller_id`

/** The statuses the cars read access gives the public (collections/catalog/Cars: PUBLIC_CAR_STATUSES). */
const PUBLIC_CARS = `c.status in ('active','sale_pending','sold')`

/**
 * Listing search: make + price range + year, newest first, page N, depth 1; paginated like Payload (with a count).
 * `own=1`: a signed-in reader (`x-user`), who also sees their own listings in any status, as the read access says.
 */
async function listingSearch(url: URL, _b: unknown, user: number): Promise<[number, unknown]> {
  const p = url.searchParams
  const args: unknown[] = [Number(p.get('make')), Number(p.get('minPrice')), Number(p.get('maxPrice')), Number(p.get('minYear'))]
  const limit = Math.min(Number(p.get('limit') || 12), 100)
  const page = Math.max(Number(p.get('page') || 1), 1)
  const readable = p.get('own') ? (args.push(user), `(c.seller_id = $5 or ${PUBLIC_CARS})`) : PUBLIC_CARS
  const where = `${readable} and c.make_id = $1 and c.price >= $2 and c.price <= $3 and c.year >= $4`
  const n = args.length
  const [rows, count] = await Promise.all([
    pool.query(`select ${p.get('card') ? CARD_JSON : CAR_JSON} ${CAR_FROM} where ${where} order by c.created_at desc limit $${n + 1} offset $${n + 2}`, [...args, limit, (page - 1) * limit]),
    pool.query(`select count(*)::int as n from cars c where ${where}`, args),
  ])
  return [200, { docs: rows.rows.map((r) => (p.get('card') ? r.doc : withWhatsapp(r.doc))), ...pageInfo(count.rows[0].n, page, limit) }]
}

/** The fields bench/scenarios/reads.ts asks GraphQL for in `Car(id)`. */
const CAR_GRAPHQL_JSON = `json_build_object(
  'id', c.id, 'title', c.title, 'slug', c.slug, 'description', c.description, 'year', c.year::float8, 'condition', c.condition,
  'price', c.price::float8, 'currency', c.currency, 'mileage', c.mileage::float8, 'fuelType', c.fuel_type, 'transmission', c.transmission,
  'bodyType', c.body_type, 'status', c.status, 'createdAt', c.created_at,
  'location', json_build_object('address', c.location_address, 'city', c.location_city, 'region', c.location_region, 'country', c.location_country,
    'latitude', c.location_latitude::float8, 'longitude', c.location_longitude::float8),
  'make', json_build_object('id', mk.id, 'name', mk.name, 'slug', mk.slug), 'model', json_build_object('id', md.id, 'name', md.name, 'slug', md.slug),
  'seller', json_build_object('id', u.id, 'firstName', u.first_name, 'lastName', u.last_name)) as doc`

/** Parts list: default fields at depth 1 (category, brand, seller populated; arrays and images as Payload keeps them), newest first. */
async function partsList(url: URL): Promise<[number, unknown]> {
  const p = url.searchParams
  const limit = Math.min(Number(p.get('limit') || 10), 100)
  const page = Math.max(Number(p.get('page') || 1), 1)
  const where = `p.status = 'active' and p.condition = $1`
  const [rows, count] = await Promise.all([
    pool.query(
      `select json_build_object('id', p.id, 'title', p.title, 'slug', p.slug, 'description', p.description,
         'category', json_build_object('id', pc.id, 'name', pc.name, 'slug', pc.slug), 'brand', json_build_object('id', pb.id, 'name', pb.name, 'slug', pb.slug),
         'sku', p.sku, 'price', p.price::float8, 'salePrice', p.sale_price::float8, 'currency', p.currency, 'condition', p.condition,
         'stockQuantity', p.stock_quantity::float8, 'manageStock', p.manage_stock, 'lowStockThreshold', p.low_stock_threshold::float8, 'stockStatus', p.stock_status,
         'weight', p.weight::float8, 'dimensions', json_build_object('length', p.dimensions_length::float8, 'width', p.dimensions_width::float8, 'height', p.dimensions_height::float8),
         'warranty', p.warranty,
         'compatibility', coalesce((select json_agg(json_build_object('id', x.id, 'make', x.make_id, 'model', x.model_id, 'yearFrom', x.year_from::float8, 'yearTo', x.year_to::float8, 'notes', x.notes) order by x._order) from parts_compatibility x where x._parent_id = p.id), '[]'::json),
         'specifications', coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name, 'value', x.value, 'unit', x.unit) order by x._order) from parts_specifications x where x._parent_id = p.id), '[]'::json),
         'images', coalesce((select json_agg(r.media_id order by r."order") from parts_rels r where r.parent_id = p.id and r.path = 'images'), '[]'::json),
         'status', p.status, 'featured', p.featured, 'favoritesCount', p.favorites_count::float8,
         'seller', json_build_object('id', u.id, 'firstName', u.first_name, 'lastName', u.last_name, 'avatar', u.avatar_id, 'accountType', u.account_type, 'companyName', u.company_name),
         'store', p.store_id, 'rating', json_build_object('average', p.rating_average::float8, 'count', p.rating_count::float8),
         'meta', json_build_object('title', l.meta_title, 'description', l.meta_description, 'image', l.meta_image_id),
         'updatedAt', p.updated_at, 'createdAt', p.created_at) as doc
       from parts p left join part_categories pc on pc.id = p.category_id left join part_brands pb on pb.id = p.brand_id
       left join users u on u.id = p.seller_id left join parts_locales l on l._parent_id = p.id and l._locale = 'en'
       where ${where} order by p.created_at desc limit $2 offset $3`,
      ['new', limit, (page - 1) * limit],
    ),
    pool.query(`select count(*)::int as n from parts p where ${where}`, ['new']),
  ])
  return [200, { docs: rows.rows.map((r) => r.doc), ...pageInfo(count.rows[0].n, page, limit) }]
}

/** Posts list: published posts, newest first, English fields, relations as ids (what depth 1 finds to populate is empty in the bench set). */
async function postsList(url: URL): Promise<[number, unknown]> {
  const p = url.searchParams
  const limit = Math.min(Number(p.get('limit') || 10), 100)
  const page = Math.max(Number(p.get('page') || 1), 1)
  const where = `p._status = 'published'`
  const [rows, count] = await Promise.all([
    pool.query(
      `select json_build_object('id', p.id, 'title', l.title, 'slug', p.slug, 'excerpt', l.excerpt, 'content', l.content, 'featuredImage', p.featured_image_id,
         'authors', coalesce((select json_agg(r.users_id order by r."order") from posts_rels r where r.parent_id = p.id and r.path = 'authors'), '[]'::json),
         'categories', coalesce((select json_agg(r.categories_id order by r."order") from posts_rels r where r.parent_id = p.id and r.path = 'categories'), '[]'::json),
         'tags', coalesce((select json_agg(r.tags_id order by r."order") from posts_rels r where r.parent_id = p.id and r.path = 'tags'), '[]'::json),
         'publishedAt', p.published_at, 'readingTime', p.reading_time::float8, 'viewsCount', p.views_count::float8, 'commentsCount', p.comments_count::float8,
         'meta', json_build_object('title', l.meta_title, 'description', l.meta_description, 'image', l.meta_image_id),
         'updatedAt', p.updated_at, 'createdAt', p.created_at, '_status', p._status) as doc
       from posts p left join posts_locales l on l._parent_id = p.id and l._locale = 'en'
       where ${where} order by p.published_at desc limit $1 offset $2`,
      [limit, (page - 1) * limit],
    ),
    pool.query(`select count(*)::int as n from posts p where ${where}`),
  ])
  return [200, { docs: rows.rows.map((r) => r.doc), ...pageInfo(count.rows[0].n, page, limit) }]
}

async function listingDetail(url: URL): Promise<[number, unknown]> {
  const id = Number(url.pathname.split('/').pop())
  const res = await pool.query(`select ${url.searchParams.get('graphql') ? CAR_GRAPHQL_JSON : CAR_JSON} ${CAR_FROM} where c.id = $1 and ${PUBLIC_CARS}`, [id])
  return res.rows[0] ? [200, url.searchParams.get('graphql') ? res.rows[0].doc : withWhatsapp(res.rows[0].doc)] : notFound
}

async function loan(_url: URL, body: Record<string, unknown> | undefined): Promise<[number, unknown]> {
  const b = body as { vehiclePrice: number; downPayment?: number; interestRate: number; termMonths: number }
  return [
    200,
    calculateLoan({ vehiclePrice: b.vehiclePrice, downPayment: b.downPayment ?? 0, tradeInValue: 0, interestRate: b.interestRate, termMonths: b.termMonths, salesTaxRate: 0, fees: 0 } as never),
  ]
}

/**
 * GET /api/search: the engine's SQL (vocabulary stamp, strict pass, relaxed pass when empty), then the page's display
 * fields and the search-queries log row together, as the endpoint sends them.
 */
async function fullText(url: URL, _b: unknown, user: number): Promise<[number, unknown]> {
  const q = url.searchParams.get('q') ?? ''
  const type = (url.searchParams.get('type') ?? 'all') as 'all'
  const limit = Number(url.searchParams.get('limit') || 20)
  const page = pageOf(1, limit)
  const found = await rankPage(db, q, type, page)
  const [docs] = await Promise.all([
    displayHits(db, found.ranked),
    pool.query(
      `insert into search_queries (user_id, query, normalized_query, type, filters, result_count, updated_at, created_at)
       values ($1, $2, $3, $4, $5, $6, now(), now())`,
      [user || null, q, found.plan.normalized, type, JSON.stringify({ type, page: 1, limit }), found.totalDocs],
    ),
  ])
  return [200, { query: q, normalizedQuery: found.plan.normalized, type, corrected: found.plan.corrected, relaxed: found.relaxed, docs, ...pagination(found.totalDocs, page) }]
}

async function suggestions(url: URL): Promise<[number, unknown]> {
  const q = url.searchParams.get('q') ?? ''
  const normalized = normalizeQuery(q)
  return [200, { query: q, suggestions: normalized ? await suggest(db, normalized, 8) : [] }]
}

/** GET /api/parking-spots/nearby: the endpoint's distance SQL, the spots with their default-populated owner, occupancy. */
async function nearby(url: URL): Promise<[number, unknown]> {
  const p = url.searchParams
  const lat = Number(p.get('lat'))
  const lng = Number(p.get('lng'))
  const radiusKm = Number(p.get('radiusKm') || 10)
  const start = new Date(String(p.get('start')))
  const end = new Date(String(p.get('end')))
  const res = await pool.query(
    `select id, earth_distance(ll_to_earth($1::float8, $2::float8), ll_to_earth(latitude::float8, longitude::float8)) as distance_m
     from parking_spots
     where active = true
       and earth_box(ll_to_earth($1::float8, $2::float8), $3::float8) @> ll_to_earth(latitude::float8, longitude::float8)
       and earth_distance(ll_to_earth($1::float8, $2::float8), ll_to_earth(latitude::float8, longitude::float8)) <= $3::float8
     order by distance_m asc, id asc limit 20`,
    [lat, lng, radiusKm * 1000],
  )
  const ids = res.rows.map((r) => Number(r.id))
  if (!ids.length) return [200, { docs: [], totalDocs: 0, start: start.toISOString(), end: end.toISOString(), radiusKm }]
  const [spots, bookings, blocks] = await Promise.all([
    pool.query(
      `select s.id, json_build_object('id', s.id, 'owner', json_build_object('id', u.id, 'firstName', u.first_name, 'lastName', u.last_name, 'avatar', u.avatar_id,
          'accountType', u.account_type, 'companyName', u.company_name),
        'name', s.name, 'description', l.description, 'address', s.address, 'city', s.city, 'latitude', s.latitude::float8, 'longitude', s.longitude::float8,
        'timezone', s.timezone, 'totalSlots', s.total_slots::float8, 'price', s.price::float8, 'priceType', s.price_type,
        'openingHours', json_build_object('alwaysOpen', s.opening_hours_always_open), 'phone', s.phone, 'active', s.active,
        'rating', json_build_object('average', s.rating_average::float8, 'count', s.rating_count::float8),
        'amenities', coalesce((select json_agg(r.amenities_id) from parking_spots_rels r where r.parent_id = s.id and r.path = 'amenities'), '[]'::json),
        'createdAt', s.created_at, 'updatedAt', s.updated_at) as doc
       from parking_spots s left join users u on u.id = s.owner_id left join parking_spots_locales l on l._parent_id = s.id and l._locale = 'en'
       where s.id = any($1::int[])`,
      [ids],
    ),
    pool.query(
      `select spot_id, start_time, end_time from parking_bookings where spot_id = any($1::int[]) and status in ('pending', 'active')
       and end_time > $2::timestamptz and start_time < $3::timestamptz`,
      [ids, start, end],
    ),
    pool.query(
      `select spot_id, start_time, end_time, slots_affected from availability_blocks where spot_id = any($1::int[])
       and end_time > $2::timestamptz and start_time < $3::timestamptz`,
      [ids, start, end],
    ),
  ])
  const occ = new Map<number, Occupancy[]>()
  for (const r of bookings.rows) occ.set(Number(r.spot_id), [...(occ.get(Number(r.spot_id)) ?? []), { start: r.start_time, end: r.end_time, slots: 1 }])
  for (const r of blocks.rows) occ.set(Number(r.spot_id), [...(occ.get(Number(r.spot_id)) ?? []), { start: r.start_time, end: r.end_time, slots: Number(r.slots_affected) }])
  const byId = new Map(spots.rows.map((r) => [Number(r.id), r.doc]))
  const docs = res.rows.map((r) => {
    const doc = byId.get(Number(r.id))
    return { ...doc, distanceKm: Math.round(Number(r.distance_m)) / 1000, availableSlots: availableSlots(Number(doc.totalSlots), occ.get(Number(r.id)) ?? [], start, end) }
  })
  return [200, { docs, totalDocs: docs.length, start: start.toISOString(), end: end.toISOString(), radiusKm }]
}

/** POST /api/parking-bookings: the same transaction — spot and vehicle reads, spot advisory lock, overlap read, PIN read, insert. */
async function book(_url: URL, body: Record<string, unknown> | undefined, user: number): Promise<[number, unknown]> {
  const b = body as { spot: number; vehicle: number; startTime: string; endTime: string }
  const start = new Date(b.startTime)
  const end = new Date(b.endTime)
  if (!(end > start)) return [400, { errors: [{ message: 'endTime must be after startTime.' }] }]
  const client = await pool.connect()
  try {
    await client.query('begin')
    const spot = (await client.query('select id, owner_id, total_slots, price, price_type, active from parking_spots where id = $1', [b.spot])).rows[0]
    const vehicle = (await client.query('select owner_id from vehicles where id = $1', [b.vehicle])).rows[0]
    if (!spot || !vehicle || Number(vehicle.owner_id) !== user) {
      await client.query('rollback')
      return [400, { errors: [{ message: 'bad spot or vehicle' }] }]
    }
    await client.query(`select pg_advisory_xact_lock(hashtext('parking-spot'), hashtext($1::text))`, [String(spot.id)])
    const occ = await client.query(
      `select start_time, end_time from parking_bookings where spot_id = $1 and status in ('pending', 'active') and end_time > $2 and start_time < $3
       union all select start_time, end_time from availability_blocks where spot_id = $1 and end_time > $2 and start_time < $3`,
      [spot.id, start, end],
    )
    const items: Occupancy[] = occ.rows.map((r) => ({ start: r.start_time, end: r.end_time, slots: 1 }))
    if (!fits(Number(spot.total_slots), items, start, end)) {
      await client.query('rollback')
      return conflict('The spot is full for this window.')
    }
    // the app's PIN choice: random candidates, the first no holding booking uses; the spot's PINs only if all are taken
    const random = () => randomInt(10_000)
    const free = await client.query(
      `select c.pin from unnest($2::text[]) with ordinality as c(pin, n)
       left join lateral (select 1 as held from parking_bookings b where b.spot_id = $1 and b.status in ('pending', 'active') and b.pin = c.pin limit 1) h on true
       where h.held is null order by c.n`,
      [spot.id, pinCandidates(random)],
    )
    const taken = async () => (await client.query(`select pin from parking_bookings where spot_id = $1 and status in ('pending', 'active')`, [spot.id])).rows
    const pin = free.rows[0] ? String(free.rows[0].pin) : pickPin(new Set((await taken()).map((r) => String(r.pin))), random)
    if (!pin) {
      await client.query('rollback')
      return conflict('Every PIN of this spot is held by another booking.')
    }
    const totalCost = bookingCost(Number(spot.price), spot.price_type as PriceType, start, end)
    const inserted = await client.query(
      `insert into parking_bookings (user_id, spot_id, spot_owner_id, vehicle_id, start_time, end_time, status, total_cost, currency, unit_price, price_type,
         qr_code, pin, payment_status, refund_amount, updated_at, created_at)
       values ($1, $2, $3, $4, $5, $6, 'pending', $7, 'USD', $8, $9, $10, $11, 'pay_on_site', 0, now(), now())
       returning id, user_id as "user", spot_id as spot, spot_owner_id as "spotOwner", vehicle_id as vehicle, start_time as "startTime", end_time as "endTime",
         status, total_cost::float8 as "totalCost", currency, unit_price::float8 as "unitPrice", price_type as "priceType", qr_code as "qrCode", pin,
         payment_status as "paymentStatus", refund_amount::float8 as "refundAmount", created_at as "createdAt", updated_at as "updatedAt"`,
      [user, spot.id, spot.owner_id, b.vehicle, start, end, totalCost, spot.price, spot.price_type, randomBytes(18).toString('base64url'), pin],
    )
    await client.query('commit')
    return [201, inserted.rows[0]]
  } catch (err) {
    await client.query('rollback').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

/** Baseline carts and orders live in their own two tables (same work: lock, read, conditional update, insert). */
async function ensureTables(): Promise<void> {
  await pool.query(`create table if not exists bench_baseline_cart_items (user_id int not null, part_id int not null, quantity int not null, unit_price numeric not null,
    primary key (user_id, part_id))`)
  await pool.query(`create table if not exists bench_baseline_orders (id serial primary key, customer_id int not null, part_id int not null, quantity int not null,
    total numeric not null, created_at timestamptz not null default now())`)
}

/** POST /api/carts/mine/items: cart lock, part read (status, stock), upsert the line. */
async function addToCart(_url: URL, body: Record<string, unknown> | undefined, user: number): Promise<[number, unknown]> {
  const b = body as { part: number; quantity: number }
  const client = await pool.connect()
  try {
    await client.query('begin')
    await client.query(`select pg_advisory_xact_lock(hashtext('cart'), hashtext($1::text))`, [`user:${user}`])
    const part = (await client.query('select id, price, status, stock_quantity from parts where id = $1', [b.part])).rows[0]
    const have = Number((await client.query('select quantity from bench_baseline_cart_items where user_id = $1 and part_id = $2', [user, b.part])).rows[0]?.quantity ?? 0)
    if (!part || part.status !== 'active') {
      await client.query('rollback')
      return notFound
    }
    if (have + b.quantity > Number(part.stock_quantity)) {
      await client.query('rollback')
      return conflict(`Only ${part.stock_quantity} of part ${part.id} in stock.`)
    }
    await client.query(
      `insert into bench_baseline_cart_items (user_id, part_id, quantity, unit_price) values ($1, $2, $3, $4)
       on conflict (user_id, part_id) do update set quantity = bench_baseline_cart_items.quantity + excluded.quantity`,
      [user, b.part, b.quantity, part.price],
    )
    const items = await client.query('select part_id as part, quantity, unit_price::float8 as "unitPrice" from bench_baseline_cart_items where user_id = $1', [user])
    await client.query('commit')
    return [200, { cart: { items: items.rows } }]
  } catch (err) {
    await client.query('rollback').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

/** POST /api/orders/checkout: cart lock, cart read, conditional stock update per line, order insert, cart cleared. */
async function checkout(_url: URL, _body: unknown, user: number): Promise<[number, unknown]> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    await client.query(`select pg_advisory_xact_lock(hashtext('cart'), hashtext($1::text))`, [`user:${user}`])
    const lines = (await client.query('select part_id, quantity, unit_price from bench_baseline_cart_items where user_id = $1', [user])).rows
    if (!lines.length) {
      await client.query('rollback')
      return [400, { errors: [{ message: 'Your cart is empty.' }] }]
    }
    const orders = []
    for (const l of lines) {
      const taken = await client.query('update parts set stock_quantity = stock_quantity - $2 where id = $1 and stock_quantity >= $2 returning stock_quantity', [l.part_id, l.quantity])
      if (!taken.rowCount) {
        await client.query('rollback')
        return conflict('Not enough stock.', { lines: [{ part: l.part_id, requested: l.quantity }] })
      }
      orders.push(
        (
          await client.query('insert into bench_baseline_orders (customer_id, part_id, quantity, total) values ($1, $2, $3, $4) returning *', [
            user,
            l.part_id,
            l.quantity,
            Number(l.unit_price) * l.quantity,
          ])
        ).rows[0],
      )
    }
    await client.query('delete from bench_baseline_cart_items where user_id = $1', [user])
    await client.query('commit')
    return [201, { order: orders[0], payment: null }]
  } catch (err) {
    await client.query('rollback').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

const routes: [string, string, Handler][] = [
  ['GET', '/search-listings', listingSearch],
  ['GET', '/cars/', listingDetail],
  ['GET', '/parts', partsList],
  ['GET', '/posts', postsList],
  ['POST', '/loan', loan],
  ['GET', '/search/suggestions', suggestions],
  ['GET', '/search', fullText],
  ['GET', '/parking-spots/nearby', nearby],
  ['POST', '/parking-bookings', book],
  ['POST', '/carts/mine/items', addToCart],
  ['POST', '/orders/checkout', checkout],
]

export function startBaseline(port: number): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const user = Number(req.headers['x-user'] ?? 0)
    try {
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined
      const route = routes.find(([method, prefix]) => method === req.method && url.pathname.startsWith(prefix))
      const [status, data] = route ? await route[2](url, body, user) : notFound
      const text = JSON.stringify(data)
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ message: (err as Error).message }] }))
    }
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

const isMain = process.argv[1]?.endsWith('baseline.ts')
if (isMain) {
  await ensureTables()
  await startBaseline(Number(process.env.PORT))
  console.log(`READY ${process.env.PORT}`)
  process.on('SIGTERM', () => void pool.end().finally(() => process.exit(0)))
}

// keep `sql` referenced for drizzle's tagged templates used by the engine (same module instance)
void sql
