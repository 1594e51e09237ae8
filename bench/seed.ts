/**
 * The bench data set, with bulk SQL (`insert … select … from generate_series`): 100,000 cars over 40 makes and
 * many cities, 20,000 parts, 5,000 parking spots with 100,000 bookings, 2,000 posts. Deterministic
 * (setseed), seconds rather than minutes.
 */
import pg from 'pg'

export const CITIES: [string, number, number][] = [
  ['New York', 40.7128, -74.006], ['Los Angeles', 34.0522, -118.2437], ['Chicago', 41.8781, -87.6298], ['Houston', 29.7604, -95.3698],
  ['Phoenix', 33.4484, -112.074], ['Philadelphia', 39.9526, -75.1652], ['San Antonio', 29.4241, -98.4936], ['San Diego', 32.7157, -117.1611],
  ['Dallas', 32.7767, -96.797], ['Austin', 30.2672, -97.7431], ['Seattle', 47.6062, -122.3321], ['Denver', 39.7392, -104.9903],
  ['Boston', 42.3601, -71.0589], ['Miami', 25.7617, -80.1918], ['Atlanta', 33.749, -84.388], ['Detroit', 42.3314, -83.0458],
  ['Cairo', 30.0444, 31.2357], ['Alexandria', 31.2001, 29.9187], ['Giza', 30.0131, 31.2089], ['Dubai', 25.2048, 55.2708],
  ['Riyadh', 24.7136, 46.6753], ['Jeddah', 21.4858, 39.1925], ['Amman', 31.9454, 35.9284], ['London', 51.5074, -0.1278],
]

export const MAKES = [
  'Toyota', 'Honda', 'Ford', 'Chevrolet', 'Nissan', 'Hyundai', 'Kia', 'BMW', 'Mercedes-Benz', 'Audi', 'Volkswagen', 'Lexus',
  'Mazda', 'Subaru', 'Jeep', 'Ram', 'GMC', 'Dodge', 'Tesla', 'Volvo', 'Porsche', 'Land Rover', 'Jaguar', 'Mitsubishi',
  'Infiniti', 'Acura', 'Cadillac', 'Lincoln', 'Buick', 'Chrysler', 'Genesis', 'Mini', 'Fiat', 'Alfa Romeo', 'Peugeot',
  'Renault', 'Skoda', 'Seat', 'Suzuki', 'Citroen',
]

export interface BenchIds {
  makes: { id: number; name: string }[]
  carIds: [number, number]
  sellerId: number
}

const sqlList = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`

export async function seedCatalog(client: pg.Client, sellerId: number, counts = { cars: 100_000, parts: 20_000 }): Promise<BenchIds> {
  await client.query('select setseed(0.42)')
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
  await client.query(`
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
      5000 + (g * 7919) % 95000, 'USD', (g * 104729) % 250000,
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
    on conflict do nothing`, [sellerId, counts.cars])
  const after = Number((await client.query('select coalesce(max(id), 0) as m from cars')).rows[0].m)
  return { makes, carIds: [before + 1, after], sellerId }
}
