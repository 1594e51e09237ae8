/**
 * A client refers only to documents it may read (src/plugins/reference-guard.ts, last among every collection's
 * beforeChange hooks): a create or update body naming, through a relationship or upload field, a document the caller's
 * read access does not reach is a 400 naming the field, and nothing is written.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { REFERENCES_ANY } from '../../../src/domain/input-shape'
import { inputGuard } from '../../../src/plugins/input-guards'
import { referenceGuard } from '../../../src/plugins/reference-guard'
import { get, gql, patch, post } from '../../helpers/api'
import { demoPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { createCar } from '../negotiation/fixtures'

let payload: Payload
let buyer: TestUser, seller: TestUser

type Field = { name?: string; type: string; relationTo?: unknown; hasMany?: boolean; custom?: Record<string, unknown> }
type Hook = (args: Record<string, unknown>) => unknown

const reviewsOf = async (carId: number) =>
  (await payload.count({ collection: 'reviews', overrideAccess: true, where: { 'target.value': { equals: carId }, 'target.relationTo': { equals: 'cars' } } })).totalDocs
const setStatus = (id: number, status: string) => payload.update({ collection: 'cars', id, overrideAccess: true, data: { status } as never })

beforeAll(async () => {
  payload = await demoPayload() // the demo data: documents of every kind, some a buyer may read and some not
  ;[buyer, seller] = await Promise.all([createUser(), createUser({ roles: ['seller'] })])
})

describe('references a client writes', () => {
  it('every collection runs the guard last among its beforeChange hooks; a field exempt from it says why', () => {
    const missing = payload.config.collections.filter((c) => c.hooks.beforeChange?.at(-1) !== referenceGuard).map((c) => c.slug)
    expect(missing).toEqual([])
    const unexplained = payload.config.collections.flatMap((c) =>
      (c.flattenedFields as unknown as Field[])
        .filter((f) => f.custom && REFERENCES_ANY in f.custom && !(typeof f.custom[REFERENCES_ANY] === 'string' && (f.custom[REFERENCES_ANY] as string).length > 10))
        .map((f) => `${c.slug}.${f.name}`),
    )
    expect(unexplained).toEqual([])
  })

  it('every relationship and upload field of every collection: a document the caller cannot read is refused, one it can read passes', async () => {
    // The guard as a client's create runs it: the input guard marks the body, the guard judges it for the caller.
    const user = { ...(await payload.findByID({ collection: 'users', id: buyer.id, overrideAccess: true, depth: 0 })), collection: 'users' }
    const hidden = await createCar({ seller: seller.id, status: 'pending_review' })
    const judged = async (slug: string, body: Record<string, unknown>): Promise<{ status: number; paths: string[] }> => {
      const collection = (payload.collections as unknown as Record<string, { config: unknown }>)[slug].config
      const req = (await createLocalReq({ user: user as never }, payload)) as PayloadRequest
      req.payloadAPI = 'REST'
      req.data = body
      const args = (await (inputGuard as unknown as Hook)({ args: { data: body, req }, collection, operation: 'create', req, context: {} })) as { data: unknown }
      try {
        await (referenceGuard as unknown as Hook)({ collection, data: args.data, originalDoc: {}, operation: 'create', req, context: {} })
        return { status: 200, paths: [] }
      } catch (e) {
        const err = e as { status?: number; data?: { errors?: { path: string }[] } }
        return { status: err.status ?? 500, paths: (err.data?.errors ?? []).map((x) => x.path) }
      }
    }
    const wrong: string[] = []
    let refusedChecked = 0
    let passedChecked = 0
    for (const c of payload.config.collections) {
      for (const f of c.flattenedFields as unknown as Field[]) {
        if ((f.type !== 'relationship' && f.type !== 'upload') || typeof f.relationTo !== 'string' || !f.name || f.custom?.[REFERENCES_ANY]) continue
        const target = f.relationTo
        const ids = async (args: Record<string, unknown>) =>
          ((await payload.find({ collection: target, depth: 0, select: {}, ...args } as never)) as unknown as { docs: { id: number }[] }).docs.map((d) => d.id)
        const candidates = await ids({ overrideAccess: true, limit: 50, sort: '-id' })
        if (target === 'cars') candidates.push(hidden.id)
        if (!candidates.length) continue
        const readable = new Set((await ids({ overrideAccess: false, user, limit: 100, where: { id: { in: candidates } } })).map(String))
        const value = (id: unknown) => ({ [f.name!]: f.hasMany ? [id] : id })
        const path = f.hasMany ? `${f.name}.0` : f.name
        const unreadable = candidates.find((id) => !readable.has(String(id)))
        const visible = candidates.find((id) => readable.has(String(id)))
        if (unreadable !== undefined) {
          refusedChecked++
          const r = await judged(c.slug, value(unreadable))
          if (r.status !== 400 || !r.paths.includes(path)) wrong.push(`${c.slug}.${f.name} → ${target} ${unreadable} (hidden): ${r.status} ${r.paths.join(',')}`)
        }
        if (visible !== undefined) {
          passedChecked++
          const r = await judged(c.slug, value(visible))
          if (r.status !== 200) wrong.push(`${c.slug}.${f.name} → ${target} ${visible} (readable): ${r.status} ${r.paths.join(',')}`)
        }
      }
    }
    expect(wrong).toEqual([])
    // users (other buyers), cars (in moderation) and more: real refusals, and real passes
    expect(refusedChecked).toBeGreaterThan(20)
    expect(passedChecked).toBeGreaterThan(20)
  }, 120_000)

  it('a buyer cannot review a listing still in moderation (REST and GraphQL): 400 naming target, no review, no rating moved', async () => {
    const car = await createCar({ seller: seller.id, status: 'pending_review' })
    const rest = await post('/reviews', { target: { relationTo: 'cars', value: car.id }, rating: 1, title: 'Bad' }, { token: buyer.token })
    expect(rest.status, JSON.stringify(rest.body)).toBe(400)
    expect(rest.body.errors[0].data.errors[0].path).toBe('target')
    const graphql = await gql(`mutation { createReview(data: { target: { relationTo: cars, value: ${car.id} }, rating: 1, title: "Bad" }) { id } }`, {}, { token: buyer.token })
    expect(graphql.body.errors?.[0]?.extensions?.statusCode, JSON.stringify(graphql.body)).toBe(400)
    expect(await reviewsOf(car.id)).toBe(0)
    // once public, the same review is taken
    await setStatus(car.id, 'active')
    const later = await post('/reviews', { target: { relationTo: 'cars', value: car.id }, rating: 4, title: 'Fine' }, { token: buyer.token })
    expect(later.status, JSON.stringify(later.body)).toBe(201)
    expect(await reviewsOf(car.id)).toBe(1)
  })

  it('an update may keep a reference it already holds: the author edits a review of a listing that has left the public view', async () => {
    const author = await createUser()
    const car = await createCar({ seller: seller.id, status: 'active' })
    const created = await post('/reviews', { target: { relationTo: 'cars', value: car.id }, rating: 3, title: 'Okay' }, { token: author.token })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    await setStatus(car.id, 'pending_review')
    expect((await get(`/cars/${car.id}`, { token: author.token })).status).toBe(404)
    // as the admin panel sends it: the whole document back, the target included
    const edited = await patch(`/reviews/${created.body.doc.id}`, { target: { relationTo: 'cars', value: car.id }, rating: 3, title: 'Okay, edited' }, { token: author.token })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body.doc.title).toBe('Okay, edited')
  })

  it('a hasMany reference in a list: one hidden listing among visible ones refuses the write and names its index', async () => {
    const [shown, hiddenCar] = await Promise.all([createCar({ seller: seller.id, status: 'active' }), createCar({ seller: seller.id, status: 'draft' })])
    const items = [
      { relationTo: 'cars', value: shown.id },
      { relationTo: 'cars', value: hiddenCar.id },
    ]
    const before = (await payload.count({ collection: 'wishlists', overrideAccess: true, where: { user: { equals: buyer.id } } })).totalDocs
    const res = await post('/wishlists', { name: 'Mixed', items }, { token: buyer.token })
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['items.1'])
    expect((await payload.count({ collection: 'wishlists', overrideAccess: true, where: { user: { equals: buyer.id } } })).totalDocs).toBe(before)
    const ok = await post('/wishlists', { name: 'Shown', items: [items[0]] }, { token: buyer.token })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
  })

  it('a conversation is started with a user whose profile the caller may see: another buyer is a 400, a seller a 201', async () => {
    const other = await createUser()
    const refused = await post('/conversations', { participants: [buyer.id, other.id], subject: 'Hi' }, { token: buyer.token })
    expect(refused.status, JSON.stringify(refused.body)).toBe(400)
    expect(refused.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['participants.1'])
    expect((await payload.count({ collection: 'conversations', overrideAccess: true, where: { participants: { equals: other.id } } })).totalDocs).toBe(0)
    const started = await post('/conversations', { participants: [buyer.id, seller.id], subject: 'Hi' }, { token: buyer.token })
    expect(started.status, JSON.stringify(started.body)).toBe(201)
  })
})
