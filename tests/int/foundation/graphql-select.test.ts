/**
 * GraphQL reads select by default where the query carries what the read-time logic needs (src/http/graphql-select.ts).
 * The every-collection comparison of both ways is in surface-audit.test.ts; here: that the default really narrows the
 * reads (the car and its related make), where it declines, and how the needs are judged from the config.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { selectNeeds } from '../../../src/http/graphql-select'
import { readsFields } from '../../../src/lib/read-needs'
import { gql } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { sqlSentBy } from '../../helpers/sql'
import { createUser, type TestUser } from '../../helpers/users'

let payload: Payload
let seller: TestUser
let carId: number

/** The SQL statements `fn` sends. */
const statementsOf = (fn: () => Promise<unknown>) => sqlSentBy(payload, fn)

beforeAll(async () => {
  payload = await testPayload()
  seller = await createUser({ roles: ['seller'] })
  const make = await payload.create({ collection: 'makes', overrideAccess: true, data: { name: 'Selectmake' } as never })
  const model = await payload.create({ collection: 'models', overrideAccess: true, data: { name: 'Selectmodel', make: make.id, yearFrom: 1990 } as never })
  const car = await payload.create({
    collection: 'cars',
    overrideAccess: true,
    context: { seed: true },
    data: {
      title: 'Select test car',
      description: 'A long description the detail query does not ask for.',
      make: make.id,
      model: model.id,
      year: 2020,
      price: 10000,
      condition: 'used',
      seller: seller.id,
      status: 'active',
      autoAcceptPrice: 9000,
      contactPhone: '+971 50 123 4567',
    } as never,
  })
  carId = car.id as number
})

/** Collections whose GraphQL reads stay whole (undeclared read hooks); declare a hook's inputs to take one off. */
const DECLINING = ['orders', 'payload-jobs', 'posts']

const DETAIL = 'id title price make { id name } model { name } seller { id firstName }'

describe('GraphQL reads select by default', () => {
  // Payload's own reads: the car queries' SQL read path (src/http/listing-read.ts, its own tests) off here
  beforeAll(() => {
    process.env.LISTING_READ_PATH = 'off'
  })
  afterAll(() => {
    delete process.env.LISTING_READ_PATH
  })

  it('a detail query reads the asked columns of the car and of its make, and answers as the full read does', async () => {
    let narrowed: { body: unknown } = { body: null }
    let full: { body: unknown } = { body: null }
    const byDefault = await statementsOf(async () => (narrowed = await gql(`{ Car(id: ${carId}) { ${DETAIL} } }`)))
    const everything = await statementsOf(async () => (full = await gql(`{ Car(id: ${carId}, select: false) { ${DETAIL} } }`)))
    expect(narrowed.body).toEqual(full.body)
    expect((narrowed.body as { data: { Car: { make: { name: string } } } }).data.Car.make.name).toBe('Selectmake')
    const carSql = (all: string[]) => all.filter((q) => /from "cars"/.test(q)).join('\n')
    const makeSql = (all: string[]) => all.filter((q) => /from "makes"/.test(q)).join('\n')
    expect(carSql(everything)).toMatch(/"cars"."description"/)
    expect(carSql(byDefault)).not.toMatch(/"cars"."description"/)
    expect(carSql(byDefault)).toMatch(/"cars"."title"/)
    expect(makeSql(everything)).toMatch(/"slug"/)
    expect(makeSql(byDefault)).not.toMatch(/"slug"/)
    expect(carSql(byDefault).length).toBeLessThan(carSql(everything).length)
  })

  it('declines for two root fields, and for a collection whose read hooks declare nothing', async () => {
    const two = await statementsOf(() => gql(`{ a: Car(id: ${carId}) { id title } b: Makes(limit: 1) { docs { id } } }`))
    expect(two.filter((q) => /from "cars"/.test(q)).join('\n')).toMatch(/"cars"."description"/)
    // posts: authorsPublicShape (a collection afterRead hook) declares nothing it reads
    expect(selectNeeds(payload.collections.posts.config)).toBeNull()
    expect(selectNeeds(payload.collections.makes.config)).toEqual(new Map())
    expect(selectNeeds(payload.collections.users.config)).not.toBeNull()
    const declining = Object.values(payload.collections)
      .filter((c) => !selectNeeds(c.config))
      .map((c) => c.config.slug)
      .sort()
    // The collections whose read-time logic is undeclared: their GraphQL reads stay whole.
    expect(declining).toEqual(DECLINING)
  })

  it('judges the needs from the config: owner fields, declared hook inputs; undeclared hooks, ad hoc rules and joins decline', async () => {
    const cars = payload.collections.cars.config
    const needs = selectNeeds(cars)!
    expect([...needs.get('autoAcceptPrice')!]).toEqual(['seller'])
    expect([...needs.get('whatsappLink')!]).toEqual(['contactPhone'])
    const withField = (field: object) => ({ ...cars, fields: [...cars.fields, field] }) as typeof cars
    expect(selectNeeds(withField({ name: 'derived', type: 'text', virtual: true, hooks: { afterRead: [() => 'x'] } }))).toBeNull()
    expect([...selectNeeds(withField({ name: 'derived', type: 'text', virtual: true, hooks: { afterRead: [readsFields(['title'], () => 'x')] } }))!.get('derived')!]).toEqual(['title'])
    expect(selectNeeds(withField({ name: 'secret', type: 'text', access: { read: () => true } }))).toBeNull()
    expect(selectNeeds(withField({ name: 'related', type: 'join', collection: 'favorites', on: 'car' }))).toBeNull()
    expect(selectNeeds({ ...cars, hooks: { ...cars.hooks, afterRead: [() => ({})] } } as typeof cars)).toBeNull()
  })
})

describe('a query that lacks what a rule or a hook decides with reads everything', () => {
  const carSql = (all: string[]) => all.filter((q) => /from "cars"/.test(q)).join('\n')

  it("an owner's private field: read in full without the owner field, narrowed with it; others never see it", async () => {
    let alone: { body: any } = { body: null }
    const wide = await statementsOf(async () => (alone = await gql(`{ Car(id: ${carId}) { autoAcceptPrice } }`, undefined, { token: seller.token })))
    expect(alone.body.data.Car.autoAcceptPrice).toBe(9000)
    expect(carSql(wide)).toMatch(/"cars"."description"/)
    let withOwner: { body: any } = { body: null }
    const narrow = await statementsOf(async () => (withOwner = await gql(`{ Car(id: ${carId}) { autoAcceptPrice seller { id } } }`, undefined, { token: seller.token })))
    expect(withOwner.body.data.Car.autoAcceptPrice).toBe(9000)
    expect(carSql(narrow)).not.toMatch(/"cars"."description"/)
    const other = await createUser({ roles: ['buyer'] })
    expect((await gql(`{ Car(id: ${carId}) { autoAcceptPrice seller { id } } }`, undefined, { token: other.token })).body.data.Car.autoAcceptPrice).toBeNull()
    expect((await gql(`{ Car(id: ${carId}) { autoAcceptPrice } }`, undefined, { token: other.token })).body.data.Car.autoAcceptPrice).toBeNull()
  })

  it('a derived field is derived from its declared input, asked for or not', async () => {
    expect((await gql(`{ Car(id: ${carId}) { whatsappLink } }`)).body.data.Car.whatsappLink).toBe('https://wa.me/971501234567')
    const narrow = await statementsOf(async () => expect((await gql(`{ Car(id: ${carId}) { whatsappLink contactPhone } }`)).body.data.Car.whatsappLink).toBe('https://wa.me/971501234567'))
    expect(carSql(narrow)).not.toMatch(/"cars"."description"/)
  })
})
