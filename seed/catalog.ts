/**
 * Demo catalog: real makes/models/features, part categories and brands, a few dealers, 2,000+ cars and 500+
 * parts over many cities. Deterministic (seeded PRNG) and fast: the volume goes in with bulk SQL
 * (`json_to_recordset`, one statement per table chunk); a handful of cars and parts go through the Local API
 * so the real hooks (owner stamping, moderation, slugs, price history, stock status) run too.
 */
import { createLocalReq, type Payload } from 'payload'

import type { Car } from '@payload-types'

import { bulkInsert } from '@/db/catalog'
import { txOf } from '@/db/transaction'
import { slugify, stockStatusOf } from '@/domain/catalog/listing'
import { CITIES, COLORS, FEATURES, INTERIOR_COLORS, MAKES, modelsOf, PART_BRANDS, PART_CATEGORIES, PART_TEMPLATES } from '@/domain/catalog/seed-data'
import { withCheckDigit } from '@/domain/catalog/vin'

import { demoUserId } from './identity'

export const SEED_CARS = 2000
export const SEED_PARTS = 500
const NOW = Date.UTC(2025, 5, 1) // fixed "now" so every machine gets the same data
const DAY = 86_400_000

/** mulberry32: small, fast, deterministic PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
    hex: (len: number) => Array.from({ length: len }, () => Math.floor(next() * 16).toString(16)).join(''),
  }
}
type Rng = ReturnType<typeof prng>

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789' // 1980 → A, cycles every 30 years
export function demoVin(rng: Rng, wmi: string, year: number, serial: number): string {
  const vds = Array.from({ length: 5 }, () => rng.pick(VIN_CHARS.split(''))).join('')
  const yearCode = YEAR_CODES[(((year - 1980) % 30) + 30) % 30]
  return withCheckDigit(`${wmi}${vds}0${yearCode}A${String(serial).padStart(6, '0')}`)
}

const iso = (ms: number) => new Date(ms).toISOString()
const round = (n: number, step: number) => Math.round(n / step) * step

const DEALERS = [
  { email: 'dealer.gulf@example.com', name: 'Gulf Motors', city: 'Dubai', status: 'verified', phone: '+971 4 555 0101' },
  { email: 'dealer.riyadh@example.com', name: 'Riyadh Auto Center', city: 'Riyadh', status: 'verified', phone: '+966 11 555 0102' },
  { email: 'dealer.cairo@example.com', name: 'Nile Car Hub', city: 'Cairo', status: 'verified', phone: '+20 2 5550 0103' },
  { email: 'dealer.houston@example.com', name: 'Lone Star Autos', city: 'Houston', status: 'verified', phone: '+1 713 555 0104' },
  { email: 'dealer.berlin@example.com', name: 'Berlin Premium Cars', city: 'Berlin', status: 'pending', phone: '+49 30 5550 0105' },
] as const

export async function seedCatalog(payload: Payload): Promise<void> {
  const existing = await payload.count({ collection: 'makes', overrideAccess: true })
  if (existing.totalDocs > 0) return
  const started = Date.now()
  const rng = prng(20250601)
  const db = await txOf(await createLocalReq({}, payload))
  const sellerId = await demoUserId(payload, 'seller@example.com')

  // ---- dealers (Local API: users + profiles) ----
  const dealers: { id: number; owner: number; city: string; phone: string; verified: boolean }[] = []
  for (const d of DEALERS) {
    const found = await payload.find({ collection: 'users', where: { email: { equals: d.email } }, limit: 1, overrideAccess: true, depth: 0 })
    const user =
      found.docs[0] ??
      (await payload.create({
        collection: 'users',
        overrideAccess: true,
        disableVerificationEmail: true,
        data: { email: d.email, password: 'password123', roles: ['seller'], firstName: d.name.split(' ')[0], lastName: 'Dealer', _verified: true, status: 'active' },
      }))
    const city = CITIES.find((c) => c.city === d.city)!
    const profile = await payload.create({
      collection: 'dealers',
      overrideAccess: true,
      context: { seed: true },
      data: {
        name: d.name,
        owner: user.id,
        verificationStatus: d.status,
        description: `${d.name}: new and pre-owned vehicles in ${d.city}.`,
        contact: { phone: d.phone, email: d.email, website: `https://${slugify(d.name)}.example.com` },
        location: { address: `${rng.int(1, 400)} Main Road`, city: city.city, region: city.region, country: city.country, latitude: city.lat, longitude: city.lng },
      },
    })
    dealers.push({ id: profile.id, owner: user.id, city: d.city, phone: d.phone, verified: d.status === 'verified' })
  }

  // ---- makes, models ----
  const makeIds = await bulkInsert(
    db,
    'makes',
    [
      ['name', 'varchar'],
      ['slug', 'varchar'],
      ['country', 'varchar'],
      ['active', 'boolean'],
    ],
    MAKES.map((m) => [m.name, slugify(m.name), m.country, true]),
  )
  const modelRows: unknown[][] = []
  const modelMeta: { make: number; makeIdx: number; name: string; yearFrom: number; yearTo: number | null; bodyType: string }[] = []
  MAKES.forEach((m, i) => {
    for (const model of modelsOf(m)) {
      modelRows.push([model.name, slugify(`${m.name} ${model.name}`), makeIds[i], model.yearFrom, model.yearTo, model.bodyType])
      modelMeta.push({ make: makeIds[i], makeIdx: i, ...model })
    }
  })
  const modelIds = await bulkInsert(
    db,
    'models',
    [
      ['name', 'varchar'],
      ['slug', 'varchar'],
      ['make_id', 'int'],
      ['year_from', 'numeric'],
      ['year_to', 'numeric'],
      ['body_type', 'enum_models_body_type'],
    ],
    modelRows,
  )

  // ---- features (name is localized) ----
  const featureList = Object.entries(FEATURES).flatMap(([category, names]) => names.map((name) => ({ category, name })))
  const featureIds = await bulkInsert(
    db,
    'features',
    [
      ['slug', 'varchar'],
      ['category', 'enum_features_category'],
    ],
    featureList.map((f) => [slugify(f.name), f.category]),
  )
  await bulkInsert(
    db,
    'features_locales',
    [
      ['name', 'varchar'],
      ['_locale', '_locales'],
      ['_parent_id', 'int'],
    ],
    featureList.map((f, i) => [f.name, 'en', featureIds[i]]),
    false,
  )

  // ---- part brands, categories (two levels, path + breadcrumbs) ----
  const brandIds = await bulkInsert(
    db,
    'part_brands',
    [
      ['name', 'varchar'],
      ['slug', 'varchar'],
      ['country', 'varchar'],
      ['active', 'boolean'],
    ],
    PART_BRANDS.map((b) => [b.name, slugify(b.name), b.country, true]),
  )
  const roots = Object.keys(PART_CATEGORIES)
  const rootIds = await bulkInsert(
    db,
    'part_categories',
    [
      ['name', 'varchar'],
      ['slug', 'varchar'],
      ['path', 'varchar'],
      ['depth', 'numeric'],
      ['sort_order', 'numeric'],
    ],
    roots.map((r, i) => [r, slugify(r), slugify(r), 0, i]),
  )
  const childRows: unknown[][] = []
  const childMeta: { name: string; root: number; rootIdx: number }[] = []
  roots.forEach((r, i) =>
    PART_CATEGORIES[r].forEach((c, j) => {
      childRows.push([c, slugify(c), rootIds[i], `${slugify(r)}/${slugify(c)}`, 1, j])
      childMeta.push({ name: c, root: rootIds[i], rootIdx: i })
    }),
  )
  const childIds = await bulkInsert(
    db,
    'part_categories',
    [
      ['name', 'varchar'],
      ['slug', 'varchar'],
      ['parent_id', 'int'],
      ['path', 'varchar'],
      ['depth', 'numeric'],
      ['sort_order', 'numeric'],
    ],
    childRows,
  )
  await bulkInsert(
    db,
    'part_categories_breadcrumbs',
    [
      ['_order', 'int'],
      ['_parent_id', 'int'],
      ['id', 'varchar'],
      ['category_id', 'int'],
      ['name', 'varchar'],
      ['slug', 'varchar'],
    ],
    childMeta.map((c, i) => [1, childIds[i], rng.hex(24), c.root, roots[c.rootIdx], slugify(roots[c.rootIdx])]),
    false,
  )

  // ---- a handful through the Local API, as the demo seller, so every hook runs (before the bulk rows,
  // so the seller is still within the free plan's listing quota) ----
  const seller = await payload.findByID({ collection: 'users', id: sellerId, overrideAccess: true, depth: 0 })
  const asSeller = { user: { ...seller, collection: 'users' as const }, overrideAccess: true }
  const camry = modelMeta.findIndex((m) => m.name === 'Camry')
  const patrol = modelMeta.findIndex((m) => m.name === 'Patrol')
  const x5 = modelMeta.findIndex((m) => m.name === 'X5')
  const dubai = CITIES[0]
  const handful = [
    { title: '2022 Toyota Camry Hybrid XLE', mi: camry, year: 2022, price: 27900, status: 'active', vin: withCheckDigit('4T1F31AK0NU000001') },
    { title: '2021 Nissan Patrol LE Platinum', mi: patrol, year: 2021, price: 61500, status: 'active', vin: 'JN8AY2NY0M9000002' },
    { title: '2020 BMW X5 xDrive40i M Sport', mi: x5, year: 2020, price: 48900, status: 'draft', vin: 'WBACR6105L9000003' },
  ] as const
  for (const h of handful) {
    const m = modelMeta[h.mi]
    await payload.create({
      collection: 'cars',
      ...asSeller,
      data: {
        title: h.title,
        make: m.make,
        model: modelIds[h.mi],
        year: h.year,
        price: h.price,
        condition: 'used',
        mileage: (2025 - h.year) * 15000,
        fuelType: h.title.includes('Hybrid') ? 'hybrid' : 'petrol',
        transmission: 'automatic',
        bodyType: m.bodyType as Car['bodyType'],
        status: h.status,
        vin: h.vin,
        negotiable: true,
        autoAcceptPrice: round(h.price * 0.95, 100),
        autoDeclinePrice: round(h.price * 0.8, 100),
        features: featureIds.slice(0, 6),
        contactPhone: '+971 50 555 0100',
        contactEmail: 'seller@example.com',
        location: { address: 'Sheikh Zayed Rd', city: dubai.city, region: dubai.region, country: dubai.country, latitude: dubai.lat, longitude: dubai.lng },
        description: `${h.title}: one owner, full service history.`,
      },
    })
  }
  await payload.create({
    collection: 'parts',
    ...asSeller,
    data: {
      title: 'Toyota Camry Cabin Air Filter (OEM)',
      sku: 'DEMO-CAMRY-CAF',
      price: 24.99,
      condition: 'new',
      stockQuantity: 4,
      status: 'active',
      category: childIds[0],
      brand: brandIds[2],
      compatibility: [{ make: modelMeta[camry].make, model: modelIds[camry], yearFrom: 2018, yearTo: 2025 }],
      specifications: [{ name: 'Filter type', value: 'Activated carbon' }],
    },
  })

  // ---- cars ----
  const owners = [
    { seller: sellerId, dealer: null as number | null, city: null as string | null, phone: '+971 50 555 0100' },
    ...dealers.map((d) => ({ seller: d.owner, dealer: d.id, city: d.city, phone: d.phone })),
  ]
  const carCols: [string, string][] = [
    ['title', 'varchar'],
    ['slug', 'varchar'],
    ['description', 'varchar'],
    ['make_id', 'int'],
    ['model_id', 'int'],
    ['year', 'numeric'],
    ['condition', 'enum_cars_condition'],
    ['price', 'numeric'],
    ['currency', 'varchar'],
    ['msrp', 'numeric'],
    ['mileage', 'numeric'],
    ['fuel_type', 'enum_cars_fuel_type'],
    ['transmission', 'enum_cars_transmission'],
    ['drive_type', 'enum_cars_drive_type'],
    ['body_type', 'enum_cars_body_type'],
    ['engine_size', 'numeric'],
    ['cylinders', 'numeric'],
    ['doors', 'numeric'],
    ['seats', 'numeric'],
    ['exterior_color', 'varchar'],
    ['interior_color', 'varchar'],
    ['vin', 'varchar'],
    ['status', 'enum_cars_status'],
    ['published_at', 'timestamptz'],
    ['featured', 'boolean'],
    ['featured_until', 'timestamptz'],
    ['location_address', 'varchar'],
    ['location_city', 'varchar'],
    ['location_region', 'varchar'],
    ['location_country', 'varchar'],
    ['location_latitude', 'numeric'],
    ['location_longitude', 'numeric'],
    ['contact_phone', 'varchar'],
    ['views_count', 'numeric'],
    ['favorites_count', 'numeric'],
    ['specifications_horsepower', 'numeric'],
    ['specifications_torque', 'numeric'],
    ['specifications_acceleration0to100', 'numeric'],
    ['specifications_fuel_economy', 'numeric'],
    ['specifications_weight', 'numeric'],
    ['specifications_warranty', 'varchar'],
    ['negotiable', 'boolean'],
    ['auto_accept_price', 'numeric'],
    ['auto_decline_price', 'numeric'],
    ['seller_id', 'int'],
    ['dealer_id', 'int'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ]
  const carRows: unknown[][] = []
  const carExtra: { features: number[]; prices: { price: number; at: number }[] }[] = []
  const usedSlugs = new Set<string>()
  for (let i = 0; i < SEED_CARS; i++) {
    const mi = rng.int(0, modelMeta.length - 1)
    const model = modelMeta[mi]
    const make = MAKES[model.makeIdx]
    const lastYear = Math.min(model.yearTo ?? 2025, 2025)
    const year = rng.int(Math.max(model.yearFrom, lastYear - 14), lastYear)
    const age = 2025 - year
    const condition = age === 0 ? (rng.chance(0.7) ? 'new' : 'certified') : age <= 4 && rng.chance(0.25) ? 'certified' : 'used'
    const mileage = condition === 'new' ? rng.int(0, 50) : round(age * rng.int(9000, 21000) + rng.int(0, 5000), 100)
    const bodyFactor = { pickup: 1.1, suv: 1.15, sports: 1.6, coupe: 1.1, convertible: 1.15, van: 1.0, minivan: 1.0, hatchback: 0.8, sedan: 0.95, wagon: 0.95, crossover: 1.0 }[model.bodyType] ?? 1
    const msrp = round(make.basePrice * bodyFactor * (0.8 + rng.next() * 0.6), 500)
    const price = Math.max(1500, round(msrp * Math.pow(0.86, age) * (0.9 + rng.next() * 0.2), 100))
    const electric = ['Tesla'].includes(make.name) || /e-tron|EQS|ID\.4|Ioniq 5|EV6|i4|Lyriq|Taycan|EX30|I-Pace|Enyaq|Atto|Han|Seal|Dolphin|MG4|Spectre/.test(model.name)
    const fuelType = electric ? 'electric' : model.bodyType === 'pickup' && rng.chance(0.4) ? 'diesel' : rng.chance(0.12) ? 'hybrid' : rng.chance(0.05) ? 'diesel' : 'petrol'
    const engine = electric ? null : Number((rng.pick([1.0, 1.2, 1.5, 1.6, 2.0, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 5.7, 6.2]) * (model.bodyType === 'sports' ? 1.3 : 1)).toFixed(1))
    const cylinders = electric ? 0 : engine! <= 1.2 ? 3 : engine! <= 2.5 ? 4 : engine! <= 3.7 ? 6 : 8
    const hp = electric ? rng.int(200, 670) : Math.round(engine! * rng.int(70, 120))
    const owner = i % 4 === 0 ? owners[0] : owners[1 + (i % dealers.length)]
    const city = owner.city && rng.chance(0.7) ? CITIES.find((c) => c.city === owner.city)! : rng.pick(CITIES)
    const r = rng.next()
    const status = r < 0.8 ? 'active' : r < 0.88 ? 'sold' : r < 0.93 ? 'pending_review' : r < 0.97 ? 'draft' : 'archived'
    const createdAt = NOW - rng.int(0, 180) * DAY - rng.int(0, DAY - 1)
    const title = `${year} ${make.name} ${model.name}`
    let slug = slugify(title)
    for (let k = 2; usedSlugs.has(slug); k++) slug = `${slugify(title)}-${k}`
    usedSlugs.add(slug)
    const transmission = electric ? 'automatic' : rng.chance(0.15) ? 'manual' : rng.pick(['automatic', 'automatic', 'cvt', 'dual_clutch'])
    const driveType =
      model.bodyType === 'pickup' || model.name.match(/Land Cruiser|Patrol|Wrangler|G-Class|Defender|Jimny|Pajero/)
        ? 'four_wd'
        : ['suv', 'crossover'].includes(model.bodyType)
          ? rng.pick(['awd', 'fwd', 'awd'])
          : model.bodyType === 'sports'
            ? 'rwd'
            : rng.pick(['fwd', 'fwd', 'rwd', 'awd'])
    const negotiable = owner === owners[0] ? true : rng.chance(0.4)
    const isDemo = owner === owners[0]
    const featured = status === 'active' && rng.chance(0.05)
    const dropped = rng.chance(0.2)
    const initialPrice = dropped ? round(price * (1.05 + rng.next() * 0.1), 100) : price
    carRows.push([
      title,
      slug,
      `${condition === 'new' ? 'Brand new' : condition === 'certified' ? 'Certified pre-owned' : 'Well maintained'} ${make.name} ${model.name} (${year}), ${mileage.toLocaleString('en-US')} km, ${transmission.replace('_', ' ')}. Located in ${city.city}.`,
      model.make,
      modelIds[mi],
      year,
      condition,
      price,
      'USD',
      msrp,
      mileage,
      fuelType,
      transmission,
      driveType,
      model.bodyType,
      engine,
      cylinders,
      model.bodyType === 'coupe' || model.bodyType === 'sports' ? 2 : model.bodyType === 'pickup' ? rng.pick([2, 4]) : 4,
      ['minivan', 'van'].includes(model.bodyType) ? 7 : model.bodyType === 'sports' ? 2 : rng.pick([5, 5, 5, 7]),
      rng.pick(COLORS),
      rng.pick(INTERIOR_COLORS),
      demoVin(rng, make.wmi, year, i + 1),
      status,
      status === 'active' || status === 'sold' ? iso(createdAt + DAY) : null,
      featured,
      featured ? iso(NOW + rng.int(3, 30) * DAY) : null,
      `${rng.int(1, 999)} ${rng.pick(['King Fahd Rd', 'Sheikh Zayed Rd', 'Main St', 'Park Ave', 'Corniche St', 'Market St', 'Station Rd'])}`,
      city.city,
      city.region,
      city.country,
      Number((city.lat + (rng.next() - 0.5) * 0.2).toFixed(6)),
      Number((city.lng + (rng.next() - 0.5) * 0.2).toFixed(6)),
      owner.phone,
      status === 'active' ? rng.int(0, 2500) : 0,
      0,
      hp,
      electric ? rng.int(300, 900) : Math.round(hp * 1.35),
      Number((electric ? 3 + rng.next() * 4 : 5 + rng.next() * 7).toFixed(1)),
      Number((electric ? 15 + rng.next() * 6 : 5 + rng.next() * 9).toFixed(1)),
      rng.int(1000, 2800),
      condition === 'new' ? '5 years / 150,000 km' : condition === 'certified' ? '2 years certified warranty' : null,
      negotiable,
      isDemo ? round(price * 0.95, 100) : null,
      isDemo ? round(price * 0.8, 100) : null,
      owner.seller,
      owner.dealer,
      iso(createdAt),
      iso(createdAt + (dropped ? 10 * DAY : 0)),
    ])
    const nFeatures = rng.int(4, 14)
    const feats = new Set<number>()
    while (feats.size < nFeatures) feats.add(featureIds[rng.int(0, featureIds.length - 1)])
    carExtra.push({
      features: [...feats],
      prices: dropped
        ? [
            { price: initialPrice, at: createdAt },
            { price, at: createdAt + 10 * DAY },
          ]
        : [{ price, at: createdAt }],
    })
  }
  const carIds = await bulkInsert(db, 'cars', carCols, carRows)
  const rels: unknown[][] = []
  const history: unknown[][] = []
  carIds.forEach((id, i) => {
    carExtra[i].features.forEach((f, k) => rels.push([k + 1, id, 'features', f]))
    carExtra[i].prices.forEach((p, k) => history.push([k + 1, id, rng.hex(24), p.price, iso(p.at)]))
  })
  await bulkInsert(
    db,
    'cars_rels',
    [
      ['order', 'int'],
      ['parent_id', 'int'],
      ['path', 'varchar'],
      ['features_id', 'int'],
    ],
    rels,
    false,
  )
  await bulkInsert(
    db,
    'cars_price_history',
    [
      ['_order', 'int'],
      ['_parent_id', 'int'],
      ['id', 'varchar'],
      ['price', 'numeric'],
      ['changed_at', 'timestamptz'],
    ],
    history,
    false,
  )

  // ---- parts ----
  const partCols: [string, string][] = [
    ['title', 'varchar'],
    ['slug', 'varchar'],
    ['description', 'varchar'],
    ['category_id', 'int'],
    ['brand_id', 'int'],
    ['sku', 'varchar'],
    ['price', 'numeric'],
    ['sale_price', 'numeric'],
    ['currency', 'varchar'],
    ['condition', 'enum_parts_condition'],
    ['stock_quantity', 'numeric'],
    ['manage_stock', 'boolean'],
    ['low_stock_threshold', 'numeric'],
    ['stock_status', 'enum_parts_stock_status'],
    ['weight', 'numeric'],
    ['warranty', 'varchar'],
    ['status', 'enum_parts_status'],
    ['featured', 'boolean'],
    ['seller_id', 'int'],
    ['store_id', 'int'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ]
  const partRows: unknown[][] = []
  const partExtra: { compat: unknown[][]; specs: unknown[][] }[] = []
  const partSlugs = new Set<string>()
  for (let i = 0; i < SEED_PARTS; i++) {
    const ci = rng.int(0, childMeta.length - 1)
    const category = childMeta[ci]
    const template = rng.pick(PART_TEMPLATES[category.name] ?? [category.name])
    const brandIdx = rng.int(0, PART_BRANDS.length - 1)
    const universal = ['Floor Mats', 'Seat Covers', 'Dash Cams', 'Brake Fluid', 'Transmission Fluid', 'Bulbs', 'Tires'].includes(category.name) || rng.chance(0.1)
    const compat: unknown[][] = []
    let fitName = ''
    if (!universal) {
      const rows = rng.int(1, 3)
      for (let k = 0; k < rows; k++) {
        const mi = rng.int(0, modelMeta.length - 1)
        const m = modelMeta[mi]
        const to = Math.min(m.yearTo ?? 2025, 2025)
        const from = Math.max(m.yearFrom, to - rng.int(3, 12))
        const allModels = rng.chance(0.1)
        compat.push([k + 1, rng.hex(24), m.make, allModels ? null : modelIds[mi], from, to, allModels ? `Fits most ${MAKES[m.makeIdx].name} models` : null])
        if (k === 0) fitName = allModels ? ` for ${MAKES[m.makeIdx].name}` : ` for ${MAKES[m.makeIdx].name} ${m.name} ${from}-${to}`
      }
    }
    const title = `${PART_BRANDS[brandIdx].name} ${template}${fitName}`
    let slug = slugify(title)
    for (let k = 2; partSlugs.has(slug); k++) slug = `${slugify(title)}-${k}`
    partSlugs.add(slug)
    const price = Number((rng.int(5, 600) + rng.pick([0, 0.49, 0.99])).toFixed(2))
    const qty = rng.chance(0.1) ? 0 : rng.chance(0.15) ? rng.int(1, 5) : rng.int(6, 150)
    const owner = i % 3 === 0 ? owners[0] : owners[1 + (i % dealers.length)]
    const createdAt = NOW - rng.int(0, 240) * DAY - rng.int(0, DAY - 1)
    const condition = rng.chance(0.85) ? 'new' : rng.pick(['used', 'refurbished'])
    partRows.push([
      title,
      slug,
      `${template} by ${PART_BRANDS[brandIdx].name}. ${universal ? 'Universal fit.' : 'Check compatibility before ordering.'}`,
      childIds[ci],
      brandIds[brandIdx],
      `${slugify(PART_BRANDS[brandIdx].name).slice(0, 4).toUpperCase()}-${String(100000 + i)}`,
      price,
      rng.chance(0.25) ? Number((price * 0.85).toFixed(2)) : null,
      'USD',
      condition,
      qty,
      true,
      5,
      stockStatusOf(qty, true, 5),
      Number((0.1 + rng.next() * 15).toFixed(2)),
      condition === 'new' ? rng.pick(['12 months', '24 months', '6 months']) : '3 months',
      rng.chance(0.93) ? 'active' : 'draft',
      rng.chance(0.05),
      owner.seller,
      owner.dealer,
      iso(createdAt),
      iso(createdAt),
    ])
    partExtra.push({
      compat,
      specs: [
        [1, rng.hex(24), 'Material', rng.pick(['Steel', 'Aluminium', 'Ceramic', 'Rubber', 'Composite']), null],
        [2, rng.hex(24), 'Weight', String(Number((0.1 + rng.next() * 15).toFixed(1))), 'kg'],
        ...(rng.chance(0.5) ? [[3, rng.hex(24), 'Country of origin', PART_BRANDS[brandIdx].country, null]] : []),
      ],
    })
  }
  const partIds = await bulkInsert(db, 'parts', partCols, partRows)
  await bulkInsert(
    db,
    'parts_compatibility',
    [
      ['_order', 'int'],
      ['_parent_id', 'int'],
      ['id', 'varchar'],
      ['make_id', 'int'],
      ['model_id', 'int'],
      ['year_from', 'numeric'],
      ['year_to', 'numeric'],
      ['notes', 'varchar'],
    ],
    partIds.flatMap((id, i) => partExtra[i].compat.map((c) => [c[0], id, ...c.slice(1)])),
    false,
  )
  await bulkInsert(
    db,
    'parts_specifications',
    [
      ['_order', 'int'],
      ['_parent_id', 'int'],
      ['id', 'varchar'],
      ['name', 'varchar'],
      ['value', 'varchar'],
      ['unit', 'varchar'],
    ],
    partIds.flatMap((id, i) => partExtra[i].specs.map((s) => [s[0], id, ...s.slice(1)])),
    false,
  )

  payload.logger.info(
    `[seed] catalog: ${makeIds.length} makes, ${modelIds.length} models, ${featureIds.length} features, ${carIds.length + handful.length} cars, ${partIds.length + 1} parts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}
