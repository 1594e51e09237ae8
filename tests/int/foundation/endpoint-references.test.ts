/**
 * A custom endpoint's id fields name their collection (`ref(name, collection)`, src/http/fields.ts), and
 * `defineEndpoint` refuses with 400, before the endpoint runs, an id of a document the caller may not read
 * (src/http/define-endpoint.ts `assertReadableReferences`). Before, a buyer saved a loan calculation about a listing
 * in moderation, and an offer on one answered with the hidden listing's status.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import type { z } from 'zod'
import { beforeAll, describe, expect, it } from 'vitest'

import { assertReadableReferences, referenceFields, shapeOf } from '../../../src/http/define-endpoint'
import type { IdMeta } from '../../../src/http/fields'
import { post } from '../../helpers/api'
import { declaredEndpoints } from '../../helpers/endpoints'
import { demoPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { createCar } from '../negotiation/fixtures'

let payload: Payload
let buyer: TestUser, seller: TestUser

/** Id fields that are not `ref()`s, each with why (the endpoint's own rule decides, or only admins call it). */
/**
 * Id fields that stay bare `id()`s, each with the rule of its operation that answers for a document hidden from the
 * caller (its own status, by the documented contract and tested with the workflow), so the generic check would only
 * add a query to a measured path and change that answer.
 */
const PLAIN_IDS: Record<string, string> = {
  'post /payments/intent targetId': 'polymorphic by targetType: the operation reads the target and refuses one that is not the payer’s own',
  'post /parking-bookings spot': 'the booking reads the spot under its lock: an inactive one 409 (tests/int/parking/bookings.test.ts)',
  'post /parking-bookings vehicle': 'the booking reads the vehicle with the spot: another driver’s 403 (tests/int/parking/bookings.test.ts)',
  'post /carts/mine/items part': 'the cart lock’s write reads the part: unknown or not for sale alike 404 (tests/int/commerce/carts.test.ts)',
  'post /subscriptions plan': 'unknown or inactive plan 404, the same answer (tests/int/commerce/plans.test.ts)',
  'post /subscriptions/:id/change-plan plan': 'unknown or inactive plan 404, the same answer (tests/int/commerce/plans.test.ts)',
  'get /payments/payouts payee': 'only admins pick the payee; anyone else gets 403 for it (tests/int/parking/payments.test.ts)',
}

/** Each declared endpoint with its full path (`post /negotiations`, as PLAIN_IDS names them). */
const endpoints = () => declaredEndpoints(payload).map(({ prefix, endpoint, spec }) => ({ method: endpoint.method, path: `${prefix}${endpoint.path === '/' ? '' : endpoint.path}` || '/', spec }))

beforeAll(async () => {
  payload = await demoPayload() // the demo data: documents a buyer may read and documents hidden from them
  ;[buyer, seller] = await Promise.all([createUser(), createUser({ roles: ['seller'] })])
})

describe('endpoint references', () => {
  it('every id field of every endpoint’s body and query names its collection, or is a listed exception with its reason', () => {
    const plain: string[] = []
    let refs = 0
    for (const { method, path, spec } of endpoints()) {
      for (const schema of [spec.body, spec.query]) {
        for (const [name, field] of Object.entries(shapeOf(schema) ?? {})) {
          const meta = (field as z.ZodType).meta() as IdMeta | undefined
          if (!meta?.relationId) continue
          if (meta.references) refs++
          else plain.push(`${method} ${path} ${name}`)
        }
      }
    }
    expect(plain.filter((key) => !PLAIN_IDS[key])).toEqual([])
    expect(Object.keys(PLAIN_IDS).filter((key) => !plain.includes(key))).toEqual([]) // no stale exception
    expect(refs).toBeGreaterThanOrEqual(10)
  })

  it('every ref field: a document the caller may not read is a 400 naming the field, one it may read passes', async () => {
    const user = { ...(await payload.findByID({ collection: 'users', id: buyer.id, overrideAccess: true, depth: 0 })), collection: 'users' }
    const req = (await createLocalReq({ user: user as never }, payload)) as PayloadRequest
    const hiddenCar = await createCar({ seller: seller.id, status: 'pending_review' })
    const wrong: string[] = []
    let refused = 0
    let passed = 0
    const judged = async (schema: z.ZodType | undefined, input: Record<string, unknown>) => {
      try {
        await assertReadableReferences(req, [[referenceFields(schema), input]])
        return { status: 200, paths: [] as string[] }
      } catch (e) {
        const err = e as { status?: number; data?: { errors?: { path: string }[] } }
        return { status: err.status ?? 500, paths: (err.data?.errors ?? []).map((x) => x.path) }
      }
    }
    for (const { method, path, spec } of endpoints()) {
      for (const schema of [spec.body, spec.query]) {
        for (const [name, { slug, notFound }] of referenceFields(schema)) {
          const all = (await payload.find({ collection: slug as never, overrideAccess: true, depth: 0, limit: 50, sort: '-id', select: {} } as never)) as unknown as { docs: { id: number }[] }
          const candidates = all.docs.map((d) => d.id).concat(slug === 'cars' ? [hiddenCar.id] : [])
          const seen = (await payload.find({ collection: slug as never, overrideAccess: false, user, depth: 0, limit: 100, select: {}, where: { id: { in: candidates } } } as never)) as unknown as {
            docs: { id: number }[]
          }
          const readable = new Set(seen.docs.map((d) => d.id))
          const hidden = candidates.find((id) => !readable.has(id))
          const visible = candidates.find((id) => readable.has(id))
          if (hidden !== undefined) {
            refused++
            const r = await judged(schema, { [name]: hidden })
            if (r.status !== (notFound ? 404 : 400) || !r.paths.includes(name)) wrong.push(`${method} ${path} ${name} → ${slug} ${hidden} (hidden): ${r.status}`)
            // a ref answered 404 answers a hidden document as an unknown one
            if (notFound && (await judged(schema, { [name]: 2_000_000_000 })).status !== 404) wrong.push(`${method} ${path} ${name}: an unknown id is not a 404`)
          }
          if (visible !== undefined) {
            passed++
            const r = await judged(schema, { [name]: visible })
            if (r.status !== 200) wrong.push(`${method} ${path} ${name} → ${slug} ${visible} (readable): ${r.status}`)
          }
        }
      }
    }
    expect(wrong).toEqual([])
    expect(refused).toBeGreaterThanOrEqual(4) // cars in moderation, other drivers' vehicles, parts not for sale, …
    expect(passed).toBeGreaterThanOrEqual(8)
  })

  it('an offer on a listing in moderation is a 404 as for an unknown listing, which does not tell its status; nothing is stored', async () => {
    const car = await createCar({ seller: seller.id, status: 'pending_review' })
    const res = await post('/negotiations', { car: car.id, amount: 15_000 }, { token: buyer.token })
    expect(res.status, JSON.stringify(res.body)).toBe(404)
    expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['car'])
    expect(JSON.stringify(res.body)).not.toContain('pending_review')
    const unknown = await post('/negotiations', { car: 2_000_000_000, amount: 15_000 }, { token: buyer.token })
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].message).toBe(res.body.errors[0].message.replace(String(car.id), '2000000000'))
    expect((await payload.count({ collection: 'negotiations', overrideAccess: true, where: { car: { equals: car.id } } })).totalDocs).toBe(0)
  })

  it('a loan calculation is not saved about a listing the caller may not see; about a public one it is', async () => {
    const [hidden, shown] = await Promise.all([createCar({ seller: seller.id, status: 'draft' }), createCar({ seller: seller.id, status: 'active' })])
    const loan = { vehiclePrice: 20_000, downPayment: 2_000, termMonths: 60, interestRate: 5, save: true }
    const refused = await post('/loan-calculator', { ...loan, car: hidden.id }, { token: buyer.token })
    expect(refused.status, JSON.stringify(refused.body)).toBe(400)
    expect(refused.body.errors[0].data.errors[0].path).toBe('car')
    expect((await payload.count({ collection: 'loan-calculations', overrideAccess: true, where: { car: { equals: hidden.id } } })).totalDocs).toBe(0)
    const saved = await post('/loan-calculator', { ...loan, car: shown.id }, { token: buyer.token })
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    expect(saved.body.savedId).toBeGreaterThan(0)
  })
})
