/**
 * The platform input guards (src/plugins/input-guards.ts), driven by the collection configs wherever the rule is a
 * platform rule: pagination for every collection, bodies that are not JSON for every collection, integer fields for
 * every marked field; plus the concrete probes of issue 15 (items 3, 4, 8, 12).
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkData, type FieldShape, isIntegerField } from '../../../src/domain/input-shape'
import { api, get, gql, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { sqlSentBy } from '../../helpers/sql'
import { createUser, type TestUser } from '../../helpers/users'
import { cairoTime, makeService } from '../services/fixtures'

const MAX = 2
let payload: Payload
let admin: TestUser, buyer: TestUser, seller: TestUser
let slugs: string[] = []
/** Collections no client reads, admins included. */
const unreadable: string[] = []

const errorShape = (body: any) => {
  expect(Array.isArray(body?.errors), JSON.stringify(body)).toBe(true)
  expect(body.errors.length).toBeGreaterThan(0)
  for (const e of body.errors) expect(typeof e.message).toBe('string')
}
const count = async (collection: string) => (await payload.count({ collection: collection as never, overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  ;[admin, buyer, seller] = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['seller'] })])
  for (let i = 0; i < MAX + 2; i++) await createUser({ roles: ['seller'], login: false })
  // every collection with REST routes (Payload's migrations have none: a 404, tests/int/foundation/payload-own.test.ts)
  slugs = payload.config.collections.filter((c) => c.endpoints && c.endpoints.length).map((c) => c.slug)
  const adminReq = await createLocalReq({ user: (await payload.findByID({ collection: 'users', id: admin.id, overrideAccess: true })) as never }, payload)
  for (const c of payload.config.collections) if (!(await c.access.read({ req: adminReq }))) unreadable.push(c.slug)
  process.env.MAX_PAGE_SIZE = String(MAX)
})
afterAll(() => {
  delete process.env.MAX_PAGE_SIZE
})

describe('pagination guard (every collection, REST and GraphQL)', () => {
  it('limit/page that are not whole numbers → 400; 0, huge and pagination=false → a clamped page, for every role', async () => {
    for (const slug of slugs) {
      for (const token of [undefined, admin.token]) {
        for (const bad of ['limit=-1', 'limit=abc', 'limit=1.5', 'limit=1e3x', 'limit[a]=1', 'page=-1', 'page=0', 'page=abc', 'page=2.5', 'depth=-1', 'depth=abc']) {
          const res = await get(`/${slug}?${bad}`, { token })
          expect(res.status, `${slug}?${bad}`).toBe(400)
          errorShape(res.body)
        }
        for (const clamp of ['limit=0', 'limit=99999999', 'pagination=false', 'limit=0&pagination=false', 'limit=', 'depth=99']) {
          const res = await get(`/${slug}?${clamp}`, { token })
          // a collection the anonymous reader may not list answers 403; every list answer is one clamped page
          expect([200, 403], `${slug}?${clamp} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status)
          // an admin lists every collection but those no client reads (Payload's jobs and key-value store)
          if (token) expect(res.status, `${slug}?${clamp}`).toBe(unreadable.includes(slug) ? 403 : 200)
          if (res.status === 200) expect(res.body.docs.length, `${slug}?${clamp}`).toBeLessThanOrEqual(MAX)
        }
      }
    }
    // the users list really holds more than a page, so the clamp is observable
    const users = await get('/users?limit=0', { token: admin.token })
    expect(users.body.docs.length).toBe(MAX)
    expect(users.body.totalDocs).toBeGreaterThan(MAX)
    const paged = await get('/users?limit=1&page=2', { token: admin.token })
    expect(paged.body.page).toBe(2)
    expect(paged.body.docs.length).toBe(1)
  })

  it('pagination=false with a limit within the maximum: that many documents and no count query; beyond it, a clamped page', async () => {
    const sent = await sqlSentBy(payload, async () => {
      const res = await get('/users?pagination=false&limit=1&depth=0', { token: admin.token })
      expect(res.status).toBe(200)
      expect(res.body.docs.length).toBe(1)
      expect(res.body.totalDocs).toBe(1)
    })
    expect(sent.filter((s) => /count\(/.test(s) && /"users"/.test(s))).toEqual([])
    const beyond = await get(`/users?pagination=false&limit=${MAX + 1}&depth=0`, { token: admin.token })
    expect(beyond.body.docs.length).toBe(MAX)
    expect(beyond.body.totalDocs).toBeGreaterThan(MAX)
  })

  it('GraphQL list queries: negative limits are refused, 0 and huge limits clamped', async () => {
    const neg = await gql('{ Users(limit: -1) { docs { id } } }', {}, { token: admin.token })
    expect(neg.body.data?.Users ?? null).toBeNull()
    expect(neg.body.errors?.[0]?.message).toMatch(/limit/)
    const negPage = await gql('{ Users(page: -1) { docs { id } } }', {}, { token: admin.token })
    expect(negPage.body.errors?.[0]?.message).toMatch(/page/)
    for (const limit of [0, 2 ** 31 - 1]) {
      const res = await gql(`{ Users(limit: ${limit}) { docs { id } totalDocs } }`, {}, { token: admin.token })
      expect(res.body.errors).toBeUndefined()
      expect(res.body.data.Users.docs.length).toBe(MAX)
      expect(res.body.data.Users.totalDocs).toBeGreaterThan(MAX)
    }
    const cars = await gql('{ Cars(limit: -1) { docs { id } } }')
    expect(cars.body.errors?.[0]?.message).toMatch(/limit/)
  })

  it('one GraphQL request lists at most GRAPHQL_MAX_DOCUMENTS documents in all: aliases, variables and the listing read path add up', async () => {
    process.env.GRAPHQL_MAX_DOCUMENTS = String(2 * MAX + 1) // two full pages and one document
    try {
      const lists = (n: number, limit: string) => Array.from({ length: n }, (_, i) => `u${i}: Users(limit: ${limit}) { docs { id } }`).join(' ')
      const two = await gql(`query ($n: Int) { ${lists(2, '$n')} }`, { n: MAX }, { token: admin.token })
      expect(two.body.errors, JSON.stringify(two.body)).toBeUndefined()
      expect(two.body.data.u1.docs.length).toBe(MAX)
      // a huge limit counts as the page it is clamped to: a third full page is over the budget, refused with a 400
      const three = await gql(`{ ${lists(3, '100000')} }`, {}, { token: admin.token })
      expect(three.body.errors?.length, JSON.stringify(three.body)).toBe(1)
      expect(three.body.errors![0].extensions?.statusCode).toBe(400)
      expect(three.body.errors![0].message).toMatch(/at most 5 documents in all/)
      expect(Object.values(three.body.data ?? {}).filter(Boolean).length).toBe(2)
      // the cars' SQL read path (an unaliased `Cars`, here anonymous) counts its page as Payload's lists do
      const makes = (n: number) => Array.from({ length: n }, (_, i) => `m${i}: Makes(limit: ${MAX}) { docs { id } }`).join(' ')
      const within = await gql(`{ Cars(limit: ${MAX}) { docs { id title } } ${makes(1)} }`)
      expect(within.headers.get('x-read-path')).toBe('sql')
      expect(within.body.errors).toBeUndefined()
      const mixed = await gql(`{ Cars(limit: ${MAX}) { docs { id title } } ${makes(2)} }`)
      expect(mixed.body.errors?.length, JSON.stringify(mixed.body)).toBe(1)
      expect(mixed.body.errors![0].extensions?.statusCode).toBe(400)
      // the budget is per request, and REST lists (one a request, clamped) are not counted
      expect((await gql(`{ ${lists(2, String(MAX))} }`, {}, { token: admin.token })).body.errors).toBeUndefined()
      expect((await get('/users?limit=100', { token: admin.token })).body.docs.length).toBe(MAX)
    } finally {
      delete process.env.GRAPHQL_MAX_DOCUMENTS
    }
  })

  it('one GraphQL request writes at most GRAPHQL_MAX_WRITES times: the mutation over it is a 400 and writes nothing', async () => {
    process.env.GRAPHQL_MAX_WRITES = '2'
    try {
      const before = await count('tags')
      const creates = Array.from({ length: 3 }, (_, i) => `t${i}: createTag(data: { name: "budget ${i} ${Date.now()}" }) { id }`).join(' ')
      const res = await gql(`mutation { ${creates} }`, {}, { token: admin.token })
      expect(res.body.errors?.length, JSON.stringify(res.body)).toBe(1)
      expect(res.body.errors![0].extensions?.statusCode).toBe(400)
      expect(res.body.errors![0].message).toMatch(/at most 2 times/)
      expect(res.body.data?.t2 ?? null).toBeNull()
      expect(await count('tags')).toBe(before + 2)
      // a request of its own has its own budget
      const one = await gql(`mutation { t: createTag(data: { name: "budget again ${Date.now()}" }) { id } }`, {}, { token: admin.token })
      expect(one.body.errors).toBeUndefined()
    } finally {
      delete process.env.GRAPHQL_MAX_WRITES
    }
  })

  it('version lists follow the same rules', async () => {
    const versioned = payload.config.collections.filter((c) => c.versions).map((c) => c.slug)
    expect(versioned.length).toBeGreaterThan(0)
    for (const slug of versioned) {
      expect((await get(`/${slug}/versions?limit=-1`, { token: admin.token })).status, slug).toBe(400)
      expect((await get(`/${slug}/versions?page=abc`, { token: admin.token })).status, slug).toBe(400)
      const all = await get(`/${slug}/versions?limit=0`, { token: admin.token })
      expect(all.status, slug).toBe(200)
      expect(all.body.limit, slug).toBe(MAX)
    }
  })

  it('the Local API is not clamped', async () => {
    const all = await payload.find({ collection: 'users', limit: 0, overrideAccess: true })
    expect(all.docs.length).toBeGreaterThan(MAX)
  })
})

describe('query input → 400 (one guard for every collection)', () => {
  it('operators a field type does not support, unknown fields, bad sort, depth and locale → 400 in Payload error shape', async () => {
    const cases = [
      '/cars?where[location.latitude][near]=1,2,3',
      '/cars?where[location.latitude][within]=1',
      '/cars?where[year][intersects]=1',
      '/cars?where[features][all]=1',
      '/cars?where[meta.image.createdAt][exists]=true',
      '/cars?where[year][equals]=abc',
      '/cars?where[year][equals][a]=1',
      '/cars?where[nope][equals]=1',
      '/cars?where[location][equals]=1',
      '/cars?where[status][equals]=not_a_status',
      '/cars?where[createdAt][greater_than]=yesterday-ish',
      '/cars?where[featured][equals]=perhaps',
      '/cars?where[year][exists]=maybe',
      '/cars?where[or][0][year][near]=1',
      '/cars?sort=nope',
      '/cars?sort=-nope',
      '/cars?sort=%3F%3F%3F',
      '/cars?depth=-1',
      '/cars?depth=abc',
      '/cars?locale=xx',
      '/cars?fallback-locale=xx',
      '/reviews?where[target][equals]=1',
      '/reviews?where[target][exists]=true',
      '/reviews?where[target.relationTo][equals]=planets',
      '/reviews?where[target.value][equals]=abc',
      '/comments?where[target][equals]=1',
      '/comments?where[target][exists]=false',
      '/comments?where[target.relationTo][exists]=true',
      '/comments?where[target.value][like]=1',
    ]
    for (const url of cases) {
      for (const token of [undefined, admin.token]) {
        const res = await get(url, { token })
        expect(res.status, `${url} → ${JSON.stringify(res.body).slice(0, 300)}`).toBe(400)
        errorShape(res.body)
      }
    }
    const near = await get('/cars?where[location.latitude][near]=1,2,3')
    expect(near.body.errors[0].message).toMatch(/near/)
    const poly = await get('/reviews?where[target][equals]=1')
    expect(poly.body.errors[0].message).toMatch(/target\.relationTo/)
  })

  it('polymorphic relationships are filtered through target.relationTo / target.value or equals {relationTo, value}', async () => {
    for (const slug of ['reviews', 'comments']) {
      for (const url of [
        `/${slug}?where[target.relationTo][equals]=cars`,
        `/${slug}?where[target.relationTo][in]=cars,parts`,
        `/${slug}?where[target.relationTo][not_in]=cars`,
        `/${slug}?where[target.value][in]=1`,
        `/${slug}?where[target.value][not_in]=0`,
        `/${slug}?where[target.value][equals]=1`,
        `/${slug}?where[target.value][in]=1,2`,
        `/${slug}?where[target.relationTo][equals]=cars&where[target.value][equals]=1`,
        `/${slug}?where[target][equals][relationTo]=cars&where[target][equals][value]=1`,
      ]) {
        const res = await get(url, { token: admin.token })
        expect(res.status, `${url} → ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200)
      }
    }
  })

  it('valid queries still work: nested fields, relationship sub-paths, localized paths, sorts', async () => {
    for (const url of [
      '/cars?where[location.city][equals]=Dubai&sort=-year',
      '/cars?where[make.name][like]=toy',
      '/cars?where[year][in]=2019,2020&where[status][in]=active,sold',
      '/cars?where[or][0][year][greater_than]=2000&where[or][1][price][less_than]=5&depth=0',
      '/services?where[name][like]=x&locale=ar',
      '/users?sort=createdAt,-id&limit=1',
      '/cars?where[id][in]=1,2',
    ]) {
      const res = await get(url, { token: admin.token })
      expect(res.status, `${url} → ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200)
    }
  })
})

describe('bodies validated, never coerced (item 12)', () => {
  it('every collection: a create or update whose body is not a JSON object → 400 naming the problem, nothing written', async () => {
    // the admin panel's form: multipart with the document as JSON in `_payload` (Payload parsed it unguarded: a 500)
    const brokenPayload = new FormData()
    brokenPayload.set('_payload', '{"title": "x"')
    const bodies: [string, BodyInit | undefined, Record<string, string>][] = [
      ['text/plain', '{"title":"x"}', { 'Content-Type': 'text/plain' }],
      ['form-encoded', 'title=x&year=2019', { 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['empty', undefined, {}],
      ['json array', '[1,2]', { 'Content-Type': 'application/json' }],
      ['json string', '"x"', { 'Content-Type': 'application/json' }],
      ['multipart, _payload not JSON', brokenPayload, {}],
    ]
    for (const slug of slugs) {
      const collection = payload.collections[slug as never] as { config: { upload?: unknown; auth?: unknown } }
      const before = await count(slug)
      for (const [label, raw, headers] of bodies) {
        const res = await api('POST', `/${slug}`, { token: admin.token, raw, headers })
        // an upload collection may also answer "no file"; every other answer is a 4xx in Payload's shape
        expect(res.status, `POST /${slug} ${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400)
        expect(res.status, `POST /${slug} ${label}`).toBeLessThan(500)
        errorShape(res.body)
      }
      if (!collection.config.upload) {
        const form = new FormData()
        form.set('title', 'x')
        const res = await api('POST', `/${slug}`, { token: admin.token, raw: form })
        expect(res.status, `POST /${slug} multipart → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(400)
        errorShape(res.body)
      }
      expect(await count(slug), slug).toBe(before)
    }
    const text = await api('PATCH', `/users/${buyer.id}`, { token: buyer.token, raw: 'firstName=x', headers: { 'Content-Type': 'text/plain' } })
    expect(text.status).toBe(400)
    expect(text.body.errors[0].message).toMatch(/Content-Type/)
    const empty = await api('PATCH', `/users/${buyer.id}`, { token: buyer.token })
    expect(empty.status).toBe(400)
  })

  it('wrong-typed values → 400 naming the field (REST and GraphQL), never stored as null', async () => {
    const before = await count('vehicles')
    const cases: [Record<string, unknown>, string][] = [
      [{ licensePlate: 'ABC 123', year: '2019' }, 'year'],
      [{ licensePlate: 'ABC 123', year: 2019.5 }, 'year'],
      [{ licensePlate: 12345 }, 'licensePlate'],
      [{ licensePlate: 'ABC 123', isDefault: 'yes' }, 'isDefault'],
    ]
    for (const [body, field] of cases) {
      const res = await post('/vehicles', body, { token: buyer.token })
      expect(res.status, JSON.stringify(res.body)).toBe(400)
      expect(JSON.stringify(res.body.errors), JSON.stringify(body)).toContain(field)
    }
    expect(await count('vehicles')).toBe(before)
    // a relationship takes one id, not a list; a hasMany takes a list
    const fav = await post('/favorites', { item: { relationTo: 'cars', value: [2003] } }, { token: buyer.token })
    expect(fav.status).toBe(400)
    const cmp = await post('/comparisons', { cars: '2003' }, { token: buyer.token })
    expect(cmp.status).toBe(400)
    expect(JSON.stringify(cmp.body)).toContain('cars')
    const empty = await post('/comparisons', { name: 'Nothing' }, { token: buyer.token })
    expect(empty.status).toBe(400)
    expect(JSON.stringify(empty.body)).toContain('cars')
    expect(await count('comparisons')).toBe(0)
    // GraphQL: the guard runs there too (JSON scalars and strings reach the same check)
    const g = await gql('mutation { createVehicle(data: { licensePlate: "GQL 1", year: 2019.5 }) { id } }', {}, { token: buyer.token })
    expect(g.body.data?.createVehicle ?? null).toBeNull()
    expect(JSON.stringify(g.body.errors)).toMatch(/year/)
    expect(await count('vehicles')).toBe(before)
  })

  it('service bookings: customerInfo null, missing images, an emergency latitude "x" → 400, nothing written', async () => {
    const service = await makeService()
    const before = await count('service-bookings')
    const when = cairoTime(3, 12).toISOString()
    const base = { service: service.id, scheduledAt: when, customerInfo: { name: 'Mona', phone: '01012345678' }, location: { city: 'Cairo', governorate: 'cairo' } }
    for (const [over, field] of [
      [{ customerInfo: null }, 'customerInfo'],
      [{ images: [99999999] }, 'images'],
      [{ images: 5 }, 'images'],
      [{ location: { latitude: 'x' } }, 'location.latitude'],
      [{ customerInfo: { name: 'Mona', phone: '01012345678', carYear: 2018.5 } }, 'customerInfo.carYear'],
    ] as [Record<string, unknown>, string][]) {
      const res = await post('/service-bookings', { ...base, ...over }, { token: buyer.token })
      expect(res.status, `${JSON.stringify(over)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(400)
      errorShape(res.body)
      if (field !== 'images' || res.body.errors[0].data) expect(JSON.stringify(res.body), JSON.stringify(over)).toContain(field.split('.')[0])
    }
    const emergency = await post('/service-bookings/emergency', { service: service.id, location: { latitude: 'x', longitude: 31.2 }, customerInfo: { name: 'Mona', phone: '01012345678' } })
    expect(emergency.status).toBe(400)
    expect(JSON.stringify(emergency.body)).toContain('location.latitude')
    expect(await count('service-bookings')).toBe(before)
  })

  it('loan calculator: an unknown car with save → 400; a 1e-300 rate → 400 with the sane minimum, a tiny valid rate → numbers', async () => {
    const before = await count('loan-calculations')
    const unknown = await post('/loan-calculator', { vehiclePrice: 20000, interestRate: 5, termMonths: 12, save: true, car: 99999999 }, { token: buyer.token })
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toContain('car')
    expect(await count('loan-calculations')).toBe(before)
    const tiny = await post('/loan-calculator', { vehiclePrice: 20000, interestRate: 1e-300, termMonths: 12 })
    expect(tiny.status).toBe(400)
    expect(JSON.stringify(tiny.body)).toContain('interestRate')
    const small = await post('/loan-calculator', { vehiclePrice: 20000, interestRate: 0.0001, termMonths: 12 })
    expect(small.status).toBe(200)
    expect(typeof small.body.monthlyPayment).toBe('number')
    expect(small.body.monthlyPayment).toBeGreaterThanOrEqual(1666.66)
    expect(small.body.monthlyPayment).toBeLessThan(1667)
  })
})

describe('integer fields (item 8): every field marked integer in every collection', () => {
  const marked = (fields: readonly any[], prefix = ''): { path: string; field: any; data: (v: unknown) => Record<string, unknown> }[] => {
    const out: { path: string; field: any; data: (v: unknown) => Record<string, unknown> }[] = []
    for (const f of fields) {
      if (!f.name) continue
      const path = prefix ? `${prefix}.${f.name}` : f.name
      const wrap = (inner: (v: unknown) => unknown) => (v: unknown) => ({ [f.name]: inner(v) })
      if (f.type === 'number' && isIntegerField(f)) out.push({ path, field: f, data: (v) => ({ [f.name]: f.hasMany ? [v] : v }) })
      if ((f.type === 'group' || f.type === 'tab') && f.flattenedFields) for (const m of marked(f.flattenedFields, path)) out.push({ ...m, data: wrap((v) => m.data(v)) as never })
      if (f.type === 'array' && f.flattenedFields) for (const m of marked(f.flattenedFields, `${path}.0`)) out.push({ ...m, data: wrap((v) => [m.data(v)]) as never })
      if (f.type === 'blocks')
        for (const b of f.blocks ?? []) for (const m of marked(b.flattenedFields ?? [], `${path}.0`)) out.push({ ...m, data: wrap((v) => [{ blockType: b.slug, ...m.data(v) }]) as never })
    }
    return out
  }

  it('the marks are applied widely (year, seats, doors, quantities, slots, minutes, counts, whole-star ratings)', async () => {
    const all = payload.config.collections.flatMap((c) => marked(c.flattenedFields).map((m) => `${c.slug}.${m.path}`))
    for (const expected of [
      'cars.year',
      'cars.seats',
      'cars.doors',
      'cars.mileage',
      'parts.stockQuantity',
      'carts.items.0.quantity',
      'orders.items.0.quantity',
      'parking-spots.totalSlots',
      'availability-blocks.slotsAffected',
      'services.durationMinutes',
      'reviews.rating',
      'loan-calculations.termMonths',
      'financial-products.termsAllowed',
    ])
      expect(
        all.some((p) => p === expected || (p.endsWith(expected.split('.').slice(1).join('.')) && p.startsWith(expected.split('.')[0]))),
        expected,
      ).toBe(true)
    expect(all.length).toBeGreaterThan(50)
  })

  it('REST/GraphQL body check and the field validation (Local API, admin) refuse fractions and accept whole numbers', async () => {
    let checked = 0
    for (const c of payload.config.collections) {
      for (const m of marked(c.flattenedFields)) {
        const fractional = checkData(c.flattenedFields as unknown as FieldShape[], m.data(2.5))
        expect(
          fractional.map((e) => e.path),
          `${c.slug}.${m.path}`,
        ).toContain(m.field.hasMany ? `${m.path}.0` : m.path)
        expect(
          checkData(c.flattenedFields as unknown as FieldShape[], m.data(3)).filter((e) => e.path.startsWith(m.path)),
          `${c.slug}.${m.path}`,
        ).toEqual([])
        const validate = m.field.validate as (v: unknown, o: unknown) => true | string
        expect(typeof validate, `${c.slug}.${m.path} has a validation`).toBe('function')
        const opts = { req: { t: (k: string) => k, payload }, hasMany: m.field.hasMany, min: undefined, max: undefined, required: false }
        const whole = typeof m.field.min === 'number' ? m.field.min : 3
        expect(validate(m.field.hasMany ? [whole + 0.5] : whole + 0.5, opts), `${c.slug}.${m.path}`).toMatch(/whole number/)
        expect(String(validate(m.field.hasMany ? [whole] : whole, opts)), `${c.slug}.${m.path}`).not.toMatch(/whole number/)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('end to end: a car year 2019.5 is refused over REST and through the Local API; 2019 is fine', async () => {
    const make = await payload.create({ collection: 'makes', overrideAccess: true, data: { name: `Make ${Date.now()}` } as never })
    const model = await payload.create({ collection: 'models', overrideAccess: true, data: { name: 'M', make: make.id } as never })
    const body = {
      title: 'Half year',
      make: make.id,
      model: model.id,
      year: 2019.5,
      price: 1000,
      condition: 'used',
      fuelType: 'petrol',
      transmission: 'automatic',
      bodyType: 'sedan',
      location: { city: 'Cairo', country: 'Egypt' },
    }
    const before = await count('cars')
    const res = await post('/cars', body, { token: seller.token })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('year')
    await expect(
      payload.create({ collection: 'cars', overrideAccess: true, user: { id: seller.id, collection: 'users', roles: ['seller'] } as never, data: { ...body, seller: seller.id } as never }),
    ).rejects.toThrow(/year/i)
    expect(await count('cars')).toBe(before)
    const ok = await post('/cars', { ...body, year: 2019 }, { token: seller.token })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(ok.body.doc.year).toBe(2019)
    const patched = await patch(`/cars/${ok.body.doc.id}`, { seats: 4.5 }, { token: seller.token })
    expect(patched.status).toBe(400)
    expect(JSON.stringify(patched.body.errors)).toContain('seats')
  })
})

describe('deleting what others still need (one guard for every collection)', () => {
  it('a user with a sign-in history: 409 naming it, and nothing is deleted', async () => {
    const u = await createUser({ roles: ['buyer'], login: 'endpoint' }) // signed in through the endpoint: a login event
    const res = await api('DELETE', `/users/${u.id}`, { token: admin.token })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toMatch(/still referenced by login events/)
    expect(res.body.errors[0].data).toEqual({ referencedBy: 'login_events' })
    const still = await payload.findByID({ collection: 'users', id: u.id, overrideAccess: true, disableErrors: true })
    expect(still?.id).toBe(u.id)
    const history = await payload.count({ collection: 'login-events', where: { user: { equals: u.id } }, overrideAccess: true })
    expect(history.totalDocs).toBeGreaterThan(0)
  })
})
