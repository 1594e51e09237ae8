/**
 * Writes over REST for every collection of the config (a new collection is covered without editing this file), on
 * the demo data:
 * - the timestamps are the server's (src/plugins/input-guards.ts): a body's `createdAt` / `updatedAt` — a date ahead,
 *   one behind, `null` — never reach a document, on create or update, and never answer a 500;
 * - null and wrong-typed values for every field (top level and inside groups), created and updated as an admin:
 *   2xx or a 4xx in Payload's error shape, never a 5xx, and a refused create writes nothing; every global's fields
 *   the same way (its body guard: src/plugins/input-guards.ts `globalInputGuard`); and every GraphQL create and
 *   update mutation, each input field null or wrong-typed: no error with a 5xx status (a database error that is the
 *   client's doing is mapped there too: src/plugins/guards.ts);
 * - bulk updates (a `where`) and deletes (by id, by `where`, of all) of every collection: 2xx or 4xx — a taken unique
 *   value is a 400, a delete others still need a 409, also when Payload's bulk delete goes on after a document's
 *   failure and the next statement meets the aborted transaction (src/db/pool.ts). Seeded (FUZZ_SEED to
 *   replay, FUZZ_WRITES to widen): the failing request is in the assertion message.
 */
import fc from 'fast-check'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, gql, isErrorShape, patch, post } from '../../helpers/api'
import { demoPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

const SEED = Number(process.env.FUZZ_SEED ?? 20261206)
/** Values tried per field and operation, besides `null` (the sweep tries every value when ≥ GARBAGE.length). */
const PER_FIELD = Number(process.env.FUZZ_WRITES ?? 2)
const AHEAD = '2099-01-01T00:00:00.000Z'
const BEHIND = '2001-01-01T00:00:00.000Z'

const GARBAGE: unknown[] = [
  'abc',
  '',
  -1,
  1.5,
  '9'.repeat(40),
  true,
  [],
  ['a', 1],
  { x: 1 },
  { relationTo: 'cars', value: 'x' },
  99999999999,
  'null',
  [{ foo: 1 }],
  { en: 'x', ar: 1 },
  '\u0000x',
  AHEAD,
]

let payload: Payload
let admin: TestUser
let slugs: string[] = []
/** The first document of each collection the demo data fills. */
const first = new Map<string, Record<string, unknown>>()

/** Top-level field paths, and those inside groups (two levels down). */
function fieldPaths(fields: readonly { name?: string; type: string; flattenedFields?: unknown }[], prefix = '', depth = 0): string[] {
  const out: string[] = []
  for (const f of fields) {
    if (!f.name) continue
    const path = prefix ? `${prefix}.${f.name}` : f.name
    out.push(path)
    if (depth < 2 && f.type === 'group' && Array.isArray(f.flattenedFields)) out.push(...fieldPaths(f.flattenedFields, path, depth + 1))
  }
  return out
}

/** `{ a: { b: value } }` for the path `a.b`. */
const bodyAt = (path: string, value: unknown): Record<string, unknown> => path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>

const stored = async (slug: string, id: unknown) =>
  (await payload.findByID({ collection: slug as never, id: id as number, depth: 0, overrideAccess: true, select: { createdAt: true, updatedAt: true } as never })) as unknown as {
    createdAt: string
    updatedAt: string
  }

beforeAll(async () => {
  payload = await demoPayload()
  admin = await createUser({ roles: ['admin'] })
  slugs = payload.config.collections.map((c) => c.slug)
  for (const slug of slugs) {
    const doc = (await payload.find({ collection: slug as never, limit: 1, depth: 0, overrideAccess: true, sort: 'id' })).docs[0]
    if (doc) first.set(slug, doc as unknown as Record<string, unknown>)
  }
}, 300_000)

describe('the timestamps are the server’s', () => {
  it('every collection: an update carrying createdAt / updatedAt (ahead, behind, null) keeps the stored ones, never a 500', async () => {
    // the demo data fills most collections; the rest are covered by the create test below
    expect(first.size).toBeGreaterThan(slugs.length / 2)
    for (const [slug, doc] of first) {
      const before = await stored(slug, doc.id)
      for (const body of [{ createdAt: AHEAD, updatedAt: BEHIND }, { createdAt: null, updatedAt: null }, { createdAt: 'abc' }]) {
        const res = await patch(`/${slug}/${doc.id}`, body, { token: admin.token })
        expect(res.status, `PATCH /${slug}/${doc.id} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500)
        const after = await stored(slug, doc.id)
        expect(after.createdAt, `${slug} createdAt after ${JSON.stringify(body)}`).toBe(before.createdAt)
        expect(after.updatedAt, `${slug} updatedAt after ${JSON.stringify(body)}`).not.toBe(BEHIND)
      }
    }
  })

  it('a create carrying them gets the server’s time; a seller cannot date a listing ahead to lead the newest-first list', async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const started = Date.now()
    const created = await post('/vehicles', { licensePlate: 'TS 1', createdAt: AHEAD, updatedAt: BEHIND }, { token: buyer.token })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    for (const key of ['createdAt', 'updatedAt'] as const) {
      const at = Date.parse(created.body.doc[key])
      expect(at, key).toBeGreaterThanOrEqual(started - 1000)
      expect(at, key).toBeLessThanOrEqual(Date.now() + 1000)
    }
    // GraphQL takes them as input too, and drops them the same way
    const gqlUpdate = await gql(`mutation { updateVehicle(id: ${created.body.doc.id}, data: { createdAt: "${AHEAD}" }) { createdAt } }`, {}, { token: buyer.token })
    expect(JSON.stringify(gqlUpdate.body)).not.toContain('2099')
    expect((await stored('vehicles', created.body.doc.id)).createdAt).toBe(created.body.doc.createdAt)

    const seller = await createUser({ roles: ['seller'] })
    const make = (await payload.find({ collection: 'makes', limit: 1, depth: 0, overrideAccess: true })).docs[0]
    const model = (await payload.find({ collection: 'models', where: { make: { equals: make.id } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
    const car = await payload.create({
      collection: 'cars',
      overrideAccess: true,
      data: { title: 'Backdating probe', make: make.id, model: model.id, year: 2020, price: 10_000, seller: seller.id, status: 'active' } as never,
    })
    const res = await patch(`/cars/${car.id}`, { createdAt: AHEAD }, { token: seller.token })
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    const newest = await payload.find({ collection: 'cars', where: { status: { equals: 'active' } }, sort: '-createdAt', limit: 1, depth: 0, overrideAccess: true })
    expect((await stored('cars', car.id)).createdAt).toBe(car.createdAt)
    expect(newest.docs[0].createdAt < AHEAD).toBe(true)
  })
})

describe('never 500 on writes', () => {
  it('every field of every collection, null and wrong-typed values, created and updated as an admin: 2xx or 4xx, a refused create writes nothing', async () => {
    const rand = fc.sample(fc.nat(), { seed: SEED, numRuns: 100_000 })
    let r = 0
    const pick = (): unknown[] => (PER_FIELD >= GARBAGE.length ? GARBAGE : Array.from({ length: PER_FIELD }, () => GARBAGE[rand[r++ % rand.length] % GARBAGE.length]))
    const failures: string[] = []
    let requests = 0
    for (const slug of slugs) {
      const config = (payload.collections as unknown as Record<string, { config: unknown }>)[slug].config as { flattenedFields: { name?: string; type: string }[]; upload?: unknown }
      const doc = first.get(slug)
      const count = async () => (await payload.count({ collection: slug as never, overrideAccess: true })).totalDocs
      const before = await count()
      let createdNow = 0
      for (const path of ['unknownField', ...fieldPaths(config.flattenedFields)]) {
        for (const value of [null, ...pick()]) {
          const body = bodyAt(path, value)
          const calls = [['POST', `/${slug}`] as const, ...(doc ? [['PATCH', `/${slug}/${doc.id}`] as const] : [])]
          for (const [method, url] of calls) {
            const res = await api(method, url, { token: admin.token, body })
            requests++
            if (method === 'POST' && res.status === 201) createdNow++
            if (res.status >= 500 || (res.status >= 400 && !isErrorShape(res.body))) failures.push(`${method} ${url} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
          }
        }
      }
      expect(await count(), `${slug}: creates answered 201 ${createdNow}, rows added`).toBe(before + createdNow)
    }
    expect(requests).toBeGreaterThan(slugs.length * 10)
    expect(failures, `seed ${SEED}:\n${failures.slice(0, 20).join('\n')}`).toEqual([])
  }, 900_000)

  it('GraphQL: every create and update mutation, each input field null or wrong-typed, as an admin: no error is a server error', async () => {
    type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
    const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t)
    const written = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${written(t.ofType!)}!` : t.kind === 'LIST' ? `[${written(t.ofType!)}]` : t.name!)
    const T = 'type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'
    const schema = await gql(`{ __schema { mutationType { fields { name args { name ${T} } } } types { name inputFields { name ${T} } } } }`, {}, { token: admin.token })
    const types = new Map((schema.body.data.__schema.types as { name: string; inputFields: { name: string; type: TypeRef }[] | null }[]).map((t) => [t.name, t]))
    const mutations = (schema.body.data.__schema.mutationType.fields as { name: string; args: { name: string; type: TypeRef }[] }[]).filter(
      (m) => /^(create|update)[A-Z]/.test(m.name) && m.args.some((a) => a.name === 'data'),
    )
    expect(mutations.length).toBeGreaterThan(slugs.length)
    const rand = fc.sample(fc.nat(), { seed: SEED, numRuns: 50_000 })
    let r = 0
    const failures: string[] = []
    for (const m of mutations) {
      const data = m.args.find((a) => a.name === 'data')!
      const id = m.args.find((a) => a.name === 'id')
      const query = `mutation($data: ${written(data.type)}${id ? `, $id: ${written(id.type)}` : ''}) { r: ${m.name}(data: $data${id ? ', id: $id' : ''}) { __typename } }`
      for (const field of types.get(named(data.type).name!)?.inputFields ?? []) {
        for (const value of [null, GARBAGE[rand[r++ % rand.length] % GARBAGE.length]]) {
          const res = await gql(query, { data: { [field.name]: value }, ...(id ? { id: 1 } : {}) }, { token: admin.token })
          const errors = (res.body?.errors ?? []) as { message?: string; extensions?: { statusCode?: number } }[]
          if (res.status >= 500 || errors.some((e) => (e.extensions?.statusCode ?? 0) >= 500))
            failures.push(`${m.name} ${field.name}=${JSON.stringify(value)} → ${res.status} ${JSON.stringify(errors).slice(0, 200)}`)
        }
      }
    }
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([])
  }, 900_000)

  it('every field of every global, the same values, updated as an admin: 2xx or 4xx; a wrong type is a 400; the timestamps stay the server’s', async () => {
    const failures: string[] = []
    const globals = payload.config.globals
    for (const global of globals) {
      const url = `/globals/${global.slug}`
      const fields = global.flattenedFields as unknown as { name?: string; type: string }[]
      for (const path of ['unknownField', ...fieldPaths(fields)]) {
        for (const value of [null, ...GARBAGE]) {
          const res = await post(url, bodyAt(path, value), { token: admin.token })
          if (res.status >= 500 || (res.status >= 400 && !isErrorShape(res.body)))
            failures.push(`POST ${url} ${JSON.stringify(bodyAt(path, value))} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
        }
      }
      // a text or checkbox field given a list is refused, not coerced
      const scalar = fields.find((f) => f.name && (f.type === 'text' || f.type === 'checkbox'))
      if (scalar) expect((await post(url, { [scalar.name!]: ['a', 1] }, { token: admin.token })).status, `${global.slug}.${scalar.name}`).toBe(400)
      await post(url, { createdAt: AHEAD, updatedAt: BEHIND }, { token: admin.token })
      const stored = (await payload.findGlobal({ slug: global.slug as never, overrideAccess: true, depth: 0 })) as { createdAt?: string; updatedAt?: string }
      expect([stored.createdAt, stored.updatedAt], global.slug).not.toContain(AHEAD)
      expect([stored.createdAt, stored.updatedAt], global.slug).not.toContain(BEHIND)
    }
    expect(globals.length).toBeGreaterThan(0)
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([])
  })
})

describe('never 500 on bulk writes (last: it deletes the demo data it can)', () => {
  it('every collection, as an admin: a bulk update setting each field to null or "x", then deletes by id, by where and of all: 2xx or 4xx', async () => {
    const failures: string[] = []
    let conflicts = 0
    for (const slug of slugs) {
      const docs = (await payload.find({ collection: slug as never, limit: 3, depth: 0, overrideAccess: true, sort: 'id' })).docs as unknown as { id: number }[]
      if (!docs.length) continue
      const config = (payload.collections as unknown as Record<string, { config: { flattenedFields: { name?: string }[] } }>)[slug].config
      const some = `/${slug}?where[id][in]=${docs.map((d) => d.id).join(',')}`
      const calls: [string, string, unknown][] = [
        ...config.flattenedFields.filter((f) => f.name && f.name !== 'id').flatMap((f) => [null, 'x'].map((v) => ['PATCH', some, { [f.name!]: v }] as [string, string, unknown])),
        ['DELETE', `/${slug}/${docs[0].id}`, undefined],
        ['DELETE', some, undefined],
        ['DELETE', `/${slug}`, undefined],
      ]
      for (const [method, url, body] of calls) {
        const res = await api(method, url, { token: admin.token, ...(body === undefined ? {} : { body }) })
        if (res.status === 409) conflicts++
        if (res.status >= 500 || (res.status >= 400 && !isErrorShape(res.body))) failures.push(`${method} ${url} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
      }
    }
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([])
    // deletes others still need were met (a 409 naming the referencing table), not only deletes that went through
    expect(conflicts).toBeGreaterThan(0)
  }, 900_000)
})
