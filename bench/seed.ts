/**
 * The bench data set, with bulk SQL (`insert … select … from generate_series`): 100,000 cars over 40 makes and
 * many cities, 20,000 parts, 5,000 parking spots with 100,000 bookings, 2,000 posts. Deterministic (every value
 * is a function of the row number; times are relative to the seeding instant), seconds rather than minutes.
 *
 * Column names come from the pushed schema (information_schema): group fields flatten to `group_field`,
 * relationships to `<field>_id`, localized fields live in `<table>_locales`, select fields are enums named
 * `enum_<table>_<column>`. Secondary indexes of the big tables are dropped before the insert and recreated from
 * their saved definitions afterwards (a bulk build is several times faster than row-by-row GIN maintenance).
 */
import type pg from 'pg'

export const CITIES: [string, number, number][] = [
  ['New York', 40.7128, -74.006],
  ['Los Angeles', 34.0522, -118.2437],
  ['Chicago', 41.8781, -87.6298],
  ['Houston', 29.7604, -95.3698],
  ['Phoenix', 33.4484, -112.074],
  ['Philadelphia', 39.9526, -75.1652],
  ['San Antonio', 29.4241, -98.4936],
  ['San Diego', 32.7157, -117.1611],
  ['Dallas', 32.7767, -96.797],
  ['Austin', 30.2672, -97.7431],
  ['Seattle', 47.6062, -122.3321],
  ['Denver', 39.7392, -104.9903],
  ['Boston', 42.3601, -71.0589],
  ['Miami', 25.7617, -80.1918],
  ['Atlanta', 33.749, -84.388],
  ['Detroit', 42.3314, -83.0458],
  ['Cairo', 30.0444, 31.2357],
  ['Alexandria', 31.2001, 29.9187],
  ['Giza', 30.0131, 31.2089],
  ['Dubai', 25.2048, 55.2708],
  ['Riyadh', 24.7136, 46.6753],
  ['Jeddah', 21.4858, 39.1925],
  ['Amman', 31.9454, 35.9284],
  ['London', 51.5074, -0.1278],
]

export const MAKES = [
  'Toyota',
  'Honda',
  'Ford',
  'Chevrolet',
  'Nissan',
  'Hyundai',
  'Kia',
  'BMW',
  'Mercedes-Benz',
  'Audi',
  'Volkswagen',
  'Lexus',
  'Mazda',
  'Subaru',
  'Jeep',
  'Ram',
  'GMC',
  'Dodge',
  'Tesla',
  'Volvo',
  'Porsche',
  'Land Rover',
  'Jaguar',
  'Mitsubishi',
  'Infiniti',
  'Acura',
  'Cadillac',
  'Lincoln',
  'Buick',
  'Chrysler',
  'Genesis',
  'Mini',
  'Fiat',
  'Alfa Romeo',
  'Peugeot',
  'Renault',
  'Skoda',
  'Seat',
  'Suzuki',
  'Citroen',
]

export interface BenchIds {
  makes: { id: number; name: string }[]
  carIds: [number, number]
  sellerId: number
}

const sqlList = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`

/**
 * Drops the secondary (non-unique, non-constraint) indexes of `tables`, runs `fn`, then recreates them from
 * their saved definitions — exactly the indexes that were there (Payload's and the database-extras migration's).
 */
export async function withIndexesDeferred<T>(client: pg.Client, tables: string[], fn: () => Promise<T>): Promise<T> {
  const res = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
     where i.schemaname = 'public' and i.tablename = any($1::text[]) and not x.indisunique and not x.indisprimary`,
    [tables],
  )
  for (const { name } of res.rows) await client.query(`drop index if exists "${name}"`)
  try {
    return await fn()
  } finally {
    await client.query(`set maintenance_work_mem = '256MB'`)
    for (const { def } of res.rows) await client.query(def)
  }
}

export async function seedCatalog(client: pg.Client, sellerId: number, counts = { cars: 100_000, parts: 20_000 }): Promise<BenchIds> {
  await client.query(`
    insert into makes (name, slug, active, updated_at, created_at)
    select m, lower(regexp_replace(m, '[^A-Za-z0-9]+', '-', 'g')), true, now(), now()
    from unnest(${sqlList(MAKES)}::text[]) as m
    on conflict do nothing`)
  const makes = (await client.query<{ id: number; name: string }>('select id, name from makes order by id')).rows
  await client.query(`
    insert into models (name, slug, make_id, year_from, year_to, updated_at, created_at)
    select 'Model ' || g, lower(regexp_replace(mk.name, '[^A-Za-z0-9]+', '-', 'g')) || '-bench-' || g, mk.id, 2000, 2026, now(), now()
    from makes mk cross join generate_series(1, 8) g
    on conflict do nothing`)
  const cities = `(values ${CITIES.map(([c, lat, lng]) => `('${c}', ${lat}, ${lng})`).join(',')}) as city(name, lat, lng)`
  const before = Number((await client.query('select coalesce(max(id), 0) as m from cars')).rows[0].m)
  await client.query(
    `
    with mdl as (select id, make_id, row_number() over (order by id) - 1 as rn, count(*) over () as n from models),
    c as (select name, lat, lng, row_number() over () - 1 as rn, count(*) over () as n from ${cities})
    insert into cars (title, slug, description, make_id, model_id, year, condition, price, currency, mileage, fuel_type,
      transmission, body_type, status, location_city, location_country, location_latitude, location_longitude,
      seller_id, negotiable, views_count, favorites_count, published_at, updated_at, created_at)
    select mk.name || ' Model ' || ((g % 8) + 1) || ' ' || (2005 + g % 21),
      'bench-car-' || g,
      'Well kept ' || mk.name || ', full service history, ' || (g % 200000) || ' km.',
      mdl.make_id, mdl.id, 2005 + g % 21,
      (array['new','used','certified'])[1 + g % 3]::enum_cars_condition,
      5000 + (g * 7919) % 95000, 'USD', (g::bigint * 104729) % 250000,
      (array['petrol','diesel','hybrid','electric'])[1 + g % 4]::enum_cars_fuel_type,
      (array['automatic','manual'])[1 + g % 2]::enum_cars_transmission,
      (array['sedan','suv','hatchback','pickup','coupe'])[1 + g % 5]::enum_cars_body_type,
      (case when g % 20 = 0 then 'sold' when g % 50 = 1 then 'draft' else 'active' end)::enum_cars_status,
      c.name, 'US', c.lat + ((g % 1000) - 500) / 5000.0, c.lng + ((g % 977) - 488) / 5000.0,
      $1, g % 3 = 0, g % 500, g % 40, now() - (g || ' minutes')::interval, now(), now() - (g || ' minutes')::interval
    from generate_series(1, $2::int) g
    join mdl on mdl.rn = g % (select count(*) from models)
    join makes mk on mk.id = mdl.make_id
    join c on c.rn = g % ${CITIES.length}
    on conflict do nothing`,
    [sellerId, counts.cars],
  )
  const after = Number((await client.query('select coalesce(max(id), 0) as m from cars')).rows[0].m)
  const first = Number((await client.query('select coalesce(min(id), 0) as m from cars where id > $1', [before])).rows[0].m)

  // parts: 12 categories × 20 brands, stock 0..200 (every 25th managed part out of stock)
  const categories = ['Brakes', 'Filters', 'Engine', 'Suspension', 'Lighting', 'Electrical', 'Exhaust', 'Cooling', 'Interior', 'Body', 'Tyres', 'Oil']
  const brands = [
    'Bosch',
    'Brembo',
    'Denso',
    'NGK',
    'Mann',
    'Mahle',
    'Valeo',
    'Continental',
    'Michelin',
    'Castrol',
    'Mobil',
    'Hella',
    'Monroe',
    'KYB',
    'Sachs',
    'Delphi',
    'ACDelco',
    'Motorcraft',
    'Gates',
    'Dayco',
  ]
  await client.query(`insert into part_categories (name, slug, updated_at, created_at)
    select n, 'bench-' || lower(n), now(), now() from unnest(${sqlList(categories)}::text[]) n on conflict do nothing`)
  await client.query(`insert into part_brands (name, slug, updated_at, created_at)
    select n, 'bench-' || lower(n), now(), now() from unnest(${sqlList(brands)}::text[]) n on conflict do nothing`)
  const kinds = ['Brake Pad Set', 'Oil Filter', 'Air Filter', 'Spark Plug', 'Shock Absorber', 'Headlight Bulb', 'Alternator', 'Radiator', 'Timing Belt', 'Wiper Blade']
  await client.query(
    `
    with cat as (select id, row_number() over (order by id) - 1 as rn from part_categories),
    br as (select id, name, row_number() over (order by id) - 1 as rn from part_brands)
    insert into parts (title, slug, description, category_id, brand_id, sku, price, currency, condition, stock_quantity, manage_stock,
      low_stock_threshold, status, seller_id, updated_at, created_at)
    select br.name || ' ' || (${sqlList(kinds)}::text[])[1 + g % ${kinds.length}] || ' ' || (g % 997),
      'bench-part-' || g, 'Genuine quality part number ' || g || ' for most makes.',
      cat.id, br.id, 'BP-' || lpad(g::text, 7, '0'), 5 + (g * 7919) % 995, 'USD',
      (array['new','used','refurbished'])[1 + g % 3]::enum_parts_condition,
      case when g % 25 = 0 then 0 else g % 200 end, true, 5, 'active'::enum_parts_status, $1,
      now(), now() - (g || ' minutes')::interval
    from generate_series(1, $2::int) g
    join cat on cat.rn = g % (select count(*) from cat)
    join br on br.rn = g % (select count(*) from br)
    on conflict do nothing`,
    [sellerId, counts.parts],
  )
  return { makes, carIds: [first, after], sellerId }
}

export interface ParkingIds {
  spotIds: [number, number]
  /** Spots with 3 slots, no seeded bookings in the future: the contention scenario books them. */
  hotSpots: number[]
}

/**
 * Parking: `spots` spots around the cities (1–20 slots, hourly prices, always open), 20 bookings each
 * (`bookings` in all): completed ones in the past, and non-overlapping pending ones on the coming days, so the
 * seed itself respects every capacity. The last 16 spots have 3 slots and no bookings: the contention scenario.
 */
export async function seedParking(client: pg.Client, ownerId: number, driverId: number, vehicleId: number, counts = { spots: 5000, bookings: 100_000 }): Promise<ParkingIds> {
  const cities = `(values ${CITIES.map(([c, lat, lng]) => `('${c}', ${lat}, ${lng})`).join(',')}) as city(name, lat, lng)`
  let before = Number((await client.query('select coalesce(max(id), 0) as m from parking_spots')).rows[0].m)
  await client.query(
    `
    with c as (select name, lat, lng, row_number() over () - 1 as rn from ${cities})
    insert into parking_spots (owner_id, name, address, city, latitude, longitude, timezone, total_slots, price, price_type,
      opening_hours_always_open, active, updated_at, created_at)
    select $1, c.name || ' Parking ' || g, g || ' Main Street', c.name,
      c.lat + ((g * 37) % 1000 - 500) / 10000.0, c.lng + ((g * 53) % 1000 - 500) / 10000.0, 'UTC',
      case when g > $2::int - 16 then 3 else 1 + g % 20 end, 1 + g % 10, 'hour'::enum_parking_spots_price_type,
      true, true, now(), now()
    from generate_series(1, $2::int) g join c on c.rn = g % ${CITIES.length}`,
    [ownerId, counts.spots],
  )
  const after = Number((await client.query('select coalesce(max(id), 0) as m from parking_spots')).rows[0].m)
  // Ids are contiguous from the first inserted one (a fresh sequence range).
  before = Number((await client.query('select min(id) as m from parking_spots where id > $1', [before])).rows[0].m) - 1
  const perSpot = Math.max(1, Math.floor(counts.bookings / counts.spots))
  // Booking k of a spot: k < 4 → pending on day k+1 (09:00–11:00 UTC, one per day: never over capacity),
  // otherwise completed in the past. Hot spots (the last 16) get none.
  await client.query(
    `
    insert into parking_bookings (user_id, spot_id, spot_owner_id, vehicle_id, start_time, end_time, status, total_cost, currency,
      unit_price, price_type, qr_code, pin, payment_status, refund_amount, updated_at, created_at)
    select $1, s.id, $2, $3,
      case when k < 4 then date_trunc('day', now()) + ((k + 1) || ' days')::interval + interval '9 hours'
           else date_trunc('day', now()) - (k || ' days')::interval + interval '9 hours' end,
      case when k < 4 then date_trunc('day', now()) + ((k + 1) || ' days')::interval + interval '11 hours'
           else date_trunc('day', now()) - (k || ' days')::interval + interval '11 hours' end,
      (case when k < 4 then 'pending' else 'completed' end)::enum_parking_bookings_status,
      s.price * 2, 'USD', s.price, 'hour'::enum_parking_bookings_price_type,
      'bench-qr-' || s.id || '-' || k, lpad(((s.id * 31 + k * 7) % 10000)::text, 4, '0'),
      'pay_on_site'::enum_parking_bookings_payment_status, 0, now(), now()
    from parking_spots s cross join generate_series(0, $4::int - 1) k
    where s.id > $5::int and s.id <= $6::int - 16`,
    [driverId, ownerId, vehicleId, perSpot, before, after],
  )
  // Top up to the exact booking count with more past bookings spread over the non-hot spots.
  const have = Number((await client.query('select count(*)::int as n from parking_bookings where spot_id > $1', [before])).rows[0].n)
  if (have < counts.bookings) {
    await client.query(
      `
      insert into parking_bookings (user_id, spot_id, spot_owner_id, vehicle_id, start_time, end_time, status, total_cost, currency,
        unit_price, price_type, qr_code, pin, payment_status, refund_amount, updated_at, created_at)
      select $1, $5::int + 1 + g % ($6::int - $5::int - 16), $2, $3, now() - ((200 + g) || ' hours')::interval, now() - ((199 + g) || ' hours')::interval,
        'completed'::enum_parking_bookings_status, 1, 'USD', 1, 'hour'::enum_parking_bookings_price_type,
        'bench-qr-extra-' || g, lpad((g % 10000)::text, 4, '0'), 'pay_on_site'::enum_parking_bookings_payment_status, 0, now(), now()
      from generate_series(1, $4::int) g`,
      [driverId, ownerId, vehicleId, counts.bookings - have, before, after],
    )
  }
  const hot = await client.query<{ id: number }>('select id from parking_spots where id > $1 and id <= $2 order by id desc limit 16', [Math.max(before, after - 16), after])
  return { spotIds: [before + 1, after], hotSpots: hot.rows.map((r) => Number(r.id)).sort((a, b) => a - b) }
}

/** Posts: published, English title/excerpt (posts_locales), newest first by published_at. */
export async function seedPosts(client: pg.Client, count = 2000): Promise<void> {
  const before = Number((await client.query('select coalesce(max(id), 0) as m from posts')).rows[0].m)
  await client.query(
    `
    insert into posts (slug, published_at, reading_time, views_count, comments_count, _status, updated_at, created_at)
    select 'bench-post-' || g, now() - (g || ' hours')::interval, 1 + g % 12, g % 1000, 0, 'published'::enum_posts_status, now(), now() - (g || ' hours')::interval
    from generate_series(1, $1::int) g on conflict do nothing`,
    [count],
  )
  await client.query(
    `
    insert into posts_locales (title, excerpt, _locale, _parent_id)
    select 'Buying guide ' || (id - $1::int) || ': what to check before you buy', 'Everything to check on a used car, part ' || (id - $1::int) || '.', 'en'::_locales, id
    from posts where id > $1::int`,
    [before],
  )
}

/**
 * The history the analytics dashboard aggregates (bench row "analytics dashboard"): the search log spread over 90
 * days, 30 days of listing history for every 30th car (views, favorites, offers), paid orders with their payments.
 */
export async function seedAnalytics(client: pg.Client, customerId: number, counts = { searches: 100_000, orders: 20_000 }): Promise<void> {
  const ago = (days: number) => `now() - (((g * 7919) % ${days * 1440}) || ' minutes')::interval`
  await client.query(
    `
    insert into search_queries (query, normalized_query, type, result_count, created_at, updated_at)
    select 'toyota ' || (g % 500), 'toyota ' || (g % 500), 'all'::enum_search_queries_type, g % 7, ${ago(90)}, now()
    from generate_series(1, $1::int) g`,
    [counts.searches],
  )
  await client.query(`
    insert into listing_daily_stats (car_id, seller_id, day, views, favorites, offers, created_at, updated_at)
    select c.id, c.seller_id, date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - (d || ' days')::interval,
           (c.id * 7 + d * 3) % 23, ((c.id + d) % 5 = 0)::int, ((c.id * 3 + d) % 11 = 0)::int, now(), now()
    from cars c cross join generate_series(0, 29) d
    where c.id % 30 = 0`)
  await client.query(
    `
    insert into orders (order_number, customer_id, status, payment_method, subtotal, total, created_at, updated_at)
    select 'BENCH-' || g, $2::int, (array['pending','paid','delivered','cancelled'])[1 + g % 4]::enum_orders_status,
           'card'::enum_orders_payment_method, 10 + g % 90, 10 + g % 90, ${ago(90)}, now()
    from generate_series(1, $1::int) g`,
    [counts.orders, customerId],
  )
  await client.query(
    `
    insert into payments (provider, amount, currency, status, target_type, paid_at, created_at, updated_at)
    select 'manual'::enum_payments_provider, 10 + g % 90, 'USD', 'succeeded'::enum_payments_status, 'orders'::enum_payments_target_type, ${ago(90)}, ${ago(90)}, now()
    from generate_series(1, $1::int) g`,
    [counts.orders],
  )
}
