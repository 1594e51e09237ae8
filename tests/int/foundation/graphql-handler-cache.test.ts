/**
 * Payload's GraphQL handler caches, patched in patches/@payloadcms+next+3.89.0.patch (applied by `npm ci` through
 * patch-package):
 * - the schema: development used to rebuild it on every request (~190 ms each), because Payload's Next handler reset
 *   its cache whenever NODE_ENV was `development`, to pick up hot-reloaded configs. The cache is keyed by the config
 *   object instead: same config → the built schema is reused; a new config (a hot reload) → rebuilt.
 * - the documents: each distinct query text is parsed and checked against GraphQL's specified rules once; Payload's
 *   complexity limit, which reads the variables, still runs on every request.
 * - the shapes: a text that differs from an already valid one only in its Int, Float and String literals is checked by
 *   ValuesOfCorrectTypeRule alone (the other specified rules read no literal value), unless fragments or a repeated
 *   response name would let OverlappingFieldsCanBeMergedRule compare arguments.
 */
import { createRequire } from 'node:module'

import type * as GraphQL from 'graphql'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { testPayload } from '../../helpers/payload'

type Cache = { graphql: { schema: unknown } | null; config?: unknown }
const cache = () => (globalThis as unknown as { _payload_graphql: Cache })._payload_graphql

let payload: Payload
const env = process.env.NODE_ENV
const setNodeEnv = (value: string | undefined) => Object.assign(process.env, { NODE_ENV: value })

beforeAll(async () => {
  payload = await testPayload()
  setNodeEnv('development')
})
afterAll(() => {
  setNodeEnv(env)
})

async function ask(config: unknown): Promise<unknown> {
  const handler = GRAPHQL_POST(Promise.resolve(config) as never) as unknown as (req: Request) => Promise<Response>
  const res = await handler(
    new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ Makes(limit: 1) { totalDocs } }' }) }),
  )
  expect(res.status).toBe(200)
  const body = (await res.json()) as { data?: { Makes?: { totalDocs: number } } }
  expect(body.data?.Makes?.totalDocs).toBe(0)
  return cache().graphql?.schema
}

describe('GraphQL schema in development', () => {
  it('is built once per config, not once per request', async () => {
    const first = await ask(payload.config)
    expect(first).toBeTruthy()
    expect(await ask(payload.config)).toBe(first)
    expect(await ask(payload.config)).toBe(first)
  })

  it('is rebuilt when the config object changes (a hot reload)', async () => {
    const before = await ask(payload.config)
    const reloaded = { ...payload.config }
    const after = await ask(reloaded)
    expect(after).toBeTruthy()
    expect(after).not.toBe(before)
    expect(await ask(reloaded)).toBe(after)
  })
})

type GraphqlBody = { data?: Record<string, unknown> | null; errors?: { message: string }[] }
const documents = () => (globalThis as unknown as { _payload_graphql_documents: Map<string, unknown> })._payload_graphql_documents

async function post(query: string, variables?: Record<string, unknown>): Promise<GraphqlBody> {
  const handler = GRAPHQL_POST(Promise.resolve(payload.config)) as unknown as (req: Request) => Promise<Response>
  const res = await handler(new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }))
  return (await res.json()) as GraphqlBody
}

describe('GraphQL documents', () => {
  it('parses a query text once and answers it the same way every time', async () => {
    const query = '{ Makes(limit: 2, sort: "name") { totalDocs docs { id name } } }'
    const first = await post(query)
    expect(first.errors).toBeUndefined()
    const document = documents().get(query)
    expect(document).toBeTruthy()
    const size = documents().size
    expect(await post(query)).toEqual(first)
    expect(documents().get(query)).toBe(document)
    expect(documents().size).toBe(size)
  })

  it('answers an invalid query with the same validation errors every time', async () => {
    const query = '{ Makes(limit: 1) { docs { id noSuchField } } }'
    const first = await post(query)
    expect(first.data ?? null).toBeNull()
    expect(first.errors?.map((e) => e.message)).toEqual(['Cannot query field "noSuchField" on type "Make".'])
    expect(await post(query)).toEqual(first)
    const syntax = await post('{ Makes(limit: 1) { docs { id }')
    expect(syntax.errors?.[0]?.message).toMatch(/^Syntax Error/)
    expect(documents().has('{ Makes(limit: 1) { docs { id }')).toBe(false)
  })

  it('still applies the complexity limit, which depends on the variables, to a cached document', async () => {
    // 100 aliases of a car list with a related make: over the limit (GRAPHQL_MAX_COMPLEXITY, 1000) only when included.
    const aliases = Array.from({ length: 100 }, (_, i) => `c${i}: Cars(limit: 1) @include(if: $deep) { docs { make { id } } }`).join(' ')
    const query = `query Deep($deep: Boolean!) { Makes(limit: 1) { totalDocs } ${aliases} }`
    const shallow = await post(query, { deep: false })
    expect(shallow.errors).toBeUndefined()
    expect(shallow.data).toEqual({ Makes: { totalDocs: expect.any(Number) } })
    const deep = await post(query, { deep: true })
    expect(deep.data ?? null).toBeNull()
    expect(deep.errors?.[0]?.message).toMatch(/exceeds the maximum complexity of 1000/)
    expect(await post(query, { deep: false })).toEqual(shallow)
    expect(documents().has(query)).toBe(true)
  })

  it('parses every request again with GRAPHQL_DOCUMENT_CACHE=off', async () => {
    process.env.GRAPHQL_DOCUMENT_CACHE = 'off'
    try {
      const query = '{ Makes(limit: 3) { totalDocs } }'
      expect((await post(query)).errors).toBeUndefined()
      expect(documents().has(query)).toBe(false)
    } finally {
      delete process.env.GRAPHQL_DOCUMENT_CACHE
    }
  })
})

const shapes = (): Set<string> => {
  const all = (globalThis as unknown as { _payload_graphql_shapes: WeakMap<object, Set<string>> })._payload_graphql_shapes
  const mine = all.get(cache().graphql!.schema as object)
  if (!mine) throw new Error('no shape remembered for the schema')
  return mine
}

describe('GraphQL documents of one shape', () => {
  // What GraphQL itself answers for the text: every specified rule on a fresh parse (the CommonJS build, as the
  // handler and Payload's schema use: the ESM build's instanceof checks reject that schema).
  const upstream = (query: string) => {
    const { parse, specifiedRules, validate } = createRequire(import.meta.url)('graphql') as typeof GraphQL
    return validate(cache().graphql!.schema as never, parse(query), specifiedRules).map((e) => e.message)
  }
  const messages = async (query: string) => (await post(query)).errors?.map((e) => e.message) ?? []

  it('checks a new text of a known valid shape and answers what every specified rule answers', async () => {
    const known = '{ Makes(limit: 2, sort: "name", where: { name: { like: "a" } }) { totalDocs docs { id name } } }'
    expect(await messages(known)).toEqual([])
    const before = shapes().size
    const texts = [
      '{ Makes(limit: 5, sort: "slug", where: { name: { like: "toy" } }) { totalDocs docs { id name } } }',
      '{ Makes(limit: 99999999999, sort: "name", where: { name: { like: "a" } }) { totalDocs docs { id name } } }',
      '{ Makes(limit: 2147483648, sort: "-name", where: { name: { like: "b" } }) { totalDocs docs { id name } } }',
    ]
    for (const query of texts) {
      const expected = upstream(query)
      expect(await messages(query)).toEqual(expected)
    }
    expect(upstream(texts[0])).toEqual([])
    expect(upstream(texts[1])[0]).toMatch(/Int cannot represent non 32-bit signed integer value: 99999999999/)
    // the three texts share the known text's shape: no shape was added for them
    expect(shapes().size).toBe(before)
    // a String where the Int was is another shape: checked in full (and refused), not remembered
    const stringLimit = '{ Makes(limit: "2", sort: "name", where: { name: { like: "a" } }) { totalDocs docs { id name } } }'
    expect(await messages(stringLimit)).toEqual(upstream(stringLimit))
    expect(upstream(stringLimit)[0]).toMatch(/Int cannot represent non-integer value: "2"/)
    expect(shapes().size).toBe(before)
  })

  it('checks repeated response names and fragments by every rule, so differing arguments still conflict', async () => {
    const same = '{ a: Makes(limit: 1) { totalDocs } a: Makes(limit: 1) { totalDocs } }'
    const differing = '{ a: Makes(limit: 1) { totalDocs } a: Makes(limit: 2) { totalDocs } }'
    expect(await messages(same)).toEqual([])
    expect(upstream(differing)[0]).toMatch(/Fields "a" conflict because they have differing arguments/)
    expect(await messages(differing)).toEqual(upstream(differing))
    const fragment = (n: number) => `query { a: Makes(limit: 1) { totalDocs } ...F } fragment F on Query { a: Makes(limit: ${n}) { totalDocs } }`
    expect(await messages(fragment(1))).toEqual([])
    expect(await messages(fragment(2))).toEqual(upstream(fragment(2)))
    expect(upstream(fragment(2))[0]).toMatch(/conflict because they have differing arguments/)
  })

  it('answers a text of a known shape from the data of its own values', async () => {
    const list = (limit: number) => `{ Makes(limit: ${limit}, sort: "name") { docs { id } } }`
    const one = await post(list(1))
    const three = await post(list(3))
    expect(one.errors).toBeUndefined()
    expect(three.errors).toBeUndefined()
    const count = (body: GraphqlBody) => ((body.data?.Makes as { docs: unknown[] }).docs ?? []).length
    const total = await payload.count({ collection: 'makes' })
    expect(count(one)).toBe(Math.min(1, total.totalDocs))
    expect(count(three)).toBe(Math.min(3, total.totalDocs))
  })
})

describe('GraphQL documents of a known shape, checked in one walk', () => {
  // Ten aliased car lists with a related make: complexity 10 × (1 + 10 × limit-independent fields) … over the limit
  // (GRAPHQL_MAX_COMPLEXITY, 1000) with enough aliases, whatever the literal values.
  const lists = (count: number, limit: number) => `{ ${Array.from({ length: count }, (_, i) => `c${i}: Cars(limit: ${limit + i}) { docs { make { id name } } }`).join(' ')} }`
  const messages = async (query: string) => (await post(query)).errors?.map((e) => e.message) ?? []

  it('applies the complexity limit to a new text whose shape is known', async () => {
    const first = await messages(lists(100, 1))
    expect(first[0]).toMatch(/exceeds the maximum complexity of 1000/)
    const size = shapes().size
    // new texts, the known shape: checked by ValuesOfCorrectTypeRule and the complexity rule together
    expect(await messages(lists(100, 2))).toEqual(first)
    expect(await messages(lists(100, 3))).toEqual(first)
    expect(shapes().size).toBe(size)
  })

  it('reports a value error of a new text of a known shape alone, as the two-step check does', async () => {
    expect(await messages(lists(2, 1))).toEqual([])
    const outOfRange = await messages(lists(2, 2147483647))
    expect(outOfRange).toEqual(['Int cannot represent non 32-bit signed integer value: 2147483648'])
    const answered = await post(lists(2, 5))
    expect(answered.errors).toBeUndefined()
    expect(Object.keys(answered.data ?? {})).toEqual(['c0', 'c1'])
  })
})

describe('GraphQL documents of a known shape, checked without a walk', () => {
  type Rule = (context: unknown) => unknown
  type Built = { schema: object; validationRules: (args: unknown) => Rule[] }
  const literalTypes = () => {
    const all = (globalThis as unknown as { _payload_graphql_literal_types: WeakMap<object, Map<string, unknown[] | false>> })._payload_graphql_literal_types
    return all.get(cache().graphql!.schema as object) ?? new Map<string, unknown[] | false>()
  }
  const upstream = (query: string) => {
    const { parse, specifiedRules, validate } = createRequire(import.meta.url)('graphql') as typeof GraphQL
    return validate(cache().graphql!.schema as never, parse(query), specifiedRules).map((e) => e.message)
  }
  const messages = async (query: string, variables?: Record<string, unknown>) => (await post(query, variables)).errors?.map((e) => e.message) ?? []

  /** The requests' walks that ran Payload's own rules (the complexity limit): each rule Payload makes, counted when used. */
  async function walksOf(run: () => Promise<void>): Promise<number> {
    await post('{ Makes(limit: 1) { totalDocs } }') // the schema is built
    const built = cache().graphql as unknown as Built
    const original = built.validationRules
    let walks = 0
    built.validationRules = (args) =>
      original(args).map((rule, i) => (context: unknown) => {
        if (i === 0) walks++ // the complexity rule: one per walk
        return rule(context)
      })
    try {
      await run()
    } finally {
      built.validationRules = original
    }
    return walks
  }

  const search = (make: number | string, price: number, limit: number) =>
    `{ Cars(where: { make: { equals: ${make} }, price: { greater_than_equal: ${price} } }, sort: "-createdAt", limit: ${limit}) { totalDocs docs { id price } } }`

  it('passes a new text of a known shape by parsing its literals as the types the first one had, without a walk', async () => {
    const make = (await payload.find({ collection: 'makes', limit: 1, depth: 0 })).docs[0]?.id ?? 1
    expect(await messages(search(make, 0, 1))).toEqual([]) // the shape's first text: walked, its literal types kept
    // commas are not tokens; the where's make (JSON), its price (Float), the sort (String), the limit (Int)
    const kept = [...literalTypes().entries()].find(([shape]) => shape.includes('Cars ( where : { make : { equals : <Int> } price : { greater_than_equal : <Int> } } sort : <String>'))
    expect(kept?.[1]).toEqual([
      expect.objectContaining({ name: 'JSON' }),
      expect.objectContaining({ name: 'Float' }),
      expect.objectContaining({ name: 'String' }),
      expect.objectContaining({ name: 'Int' }),
    ])
    const answers: GraphqlBody[] = []
    const walks = await walksOf(async () => {
      for (const [price, limit] of [
        [10_000, 2],
        [20_000, 3],
        [0, 5],
      ])
        answers.push(await post(search(make, price, limit)))
    })
    expect(walks).toBe(0)
    for (const [i, [price, limit]] of [
      [10_000, 2],
      [20_000, 3],
      [0, 5],
    ].entries()) {
      expect(answers[i].errors).toBeUndefined()
      const expected = await payload.find({ collection: 'cars', where: { make: { equals: make }, price: { greater_than_equal: price } }, sort: '-createdAt', limit, depth: 0, overrideAccess: false })
      expect(answers[i].data?.Cars).toEqual({ totalDocs: expected.totalDocs, docs: expected.docs.map((d) => ({ id: d.id, price: d.price })) })
    }
  })

  it('keeps the shape of an object given where a list of input objects goes (each of its literals checked alone)', async () => {
    const single = (year: number) => `{ Cars(where: { AND: { year: { equals: ${year} } } }, limit: 1) { totalDocs } }`
    expect(upstream(single(2012))).toEqual([])
    expect((await post(single(2012))).errors?.map((e) => e.message) ?? []).toEqual([])
    const kept = [...literalTypes().entries()].find(([shape]) => shape.includes('AND : { year : { equals : <Int> } }'))
    expect((kept?.[1] as { name: string }[] | undefined)?.map((t) => t.name)).toEqual(['Float', 'Int']) // a number field's operator, the limit
    const walks = await walksOf(async () => {
      expect((await post(single(2013))).errors).toBeUndefined()
    })
    expect(walks).toBe(0)
  })

  it('answers a literal that does not parse with the errors of the full check', async () => {
    expect(await messages(search(1, 0, 1))).toEqual([])
    for (const query of [search(1, 0, 2147483648), search(1, 0, 99999999999)]) {
      const expected = upstream(query)
      expect(expected[0]).toMatch(/Int cannot represent non 32-bit signed integer value/)
      expect(await messages(query)).toEqual(expected)
    }
    const limit = '{ Makes(limit: 2, sort: "name") { totalDocs } }'
    expect(await messages(limit)).toEqual([])
    const walks = await walksOf(async () => {
      expect(await messages('{ Makes(limit: 3000000000, sort: "name") { totalDocs } }')).toEqual(['Int cannot represent non 32-bit signed integer value: 3000000000'])
    })
    expect(walks).toBe(1) // the two-step check ran, Payload's rules with it
  })

  it('still applies the complexity limit to a known shape whose cost is over it', async () => {
    // 100 aliased car lists with their make: over the limit whatever the values, so the shape is never kept
    const lists = (limit: number) => `{ ${Array.from({ length: 100 }, (_, i) => `c${i}: Cars(limit: ${limit + i}) { docs { make { id name } } }`).join(' ')} }`
    expect((await messages(lists(1)))[0]).toMatch(/exceeds the maximum complexity of 1000/)
    const walks = await walksOf(async () => {
      expect((await messages(lists(7)))[0]).toMatch(/exceeds the maximum complexity of 1000/)
    })
    expect(walks).toBeGreaterThan(0)
    expect([...literalTypes().keys()].some((k) => k.includes('c99 : Cars'))).toBe(false)
  })

  it('walks every request of a shape with variables or directives, and of one whose literal a scalar parses as part of a larger value', async () => {
    const withVariable = 'query Q($n: Int) { Makes(limit: $n, sort: "name") { totalDocs } }'
    const withDirective = (n: number) => `{ Makes(limit: ${n}) @include(if: true) { totalDocs } }`
    const inJsonList = (a: number, b: number) => `{ Cars(where: { make: { equals: [${a}, ${b}] } }, limit: 1) { totalDocs } }`
    expect(await messages(withVariable, { n: 1 })).toEqual([])
    expect(await messages(withDirective(1))).toEqual([])
    // valid GraphQL (JSON takes the list), refused when run by the platform's input guard
    const refused = ['Invalid query: make: equals takes a plain value, not an object or a list.']
    expect(upstream(inJsonList(1, 2))).toEqual([])
    expect(await messages(inJsonList(1, 2))).toEqual(refused)
    const listShape = [...literalTypes().entries()].find(([k]) => k.includes('equals : [ <Int> <Int> ]'))
    expect(listShape?.[1]).toBe(false)
    const walks = await walksOf(async () => {
      expect(await messages(withVariable, { n: 2 })).toEqual([])
      expect(await messages(withDirective(2))).toEqual([])
      expect(await messages(inJsonList(3, 4))).toEqual(refused)
    })
    expect(walks).toBe(3)
  })

  it('walks again when the config brings validation rules of its own', async () => {
    const make = 1
    expect(await messages(search(make, 0, 1))).toEqual([])
    const graphQL = payload.config.graphQL as { validationRules?: unknown }
    graphQL.validationRules = () => []
    try {
      const walks = await walksOf(async () => {
        expect(await messages(search(make, 5, 2))).toEqual([])
      })
      expect(walks).toBe(1)
    } finally {
      delete graphQL.validationRules
    }
  })
})

describe('GraphQL request bodies', () => {
  const handler = () => GRAPHQL_POST(Promise.resolve(payload.config)) as unknown as (req: Request) => Promise<Response>
  const request = (contentType: string, body: string) => new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'content-type': contentType }, body })

  it('reads a JSON body once: Payload parses it, GraphQL answers from that (no clone of the request)', async () => {
    const clone = vi.spyOn(Request.prototype, 'clone')
    try {
      const res = await handler()(request('application/json; charset=utf-8', JSON.stringify({ query: 'query M($n: Int) { Makes(limit: $n) { totalDocs } }', variables: { n: 1 } })))
      expect(res.status).toBe(200)
      expect(((await res.json()) as GraphqlBody).data).toEqual({ Makes: { totalDocs: expect.any(Number) } })
      expect(clone).not.toHaveBeenCalled()
    } finally {
      clone.mockRestore()
    }
  })

  it('refuses malformed JSON with a 400 and other media types with a 415', async () => {
    await expect(handler()(request('application/json', '{"query": '))).rejects.toMatchObject({ status: 400, message: 'Invalid JSON' })
    const text = await handler()(request('text/plain', JSON.stringify({ query: '{ Makes { totalDocs } }' })))
    expect(text.status).toBe(415)
    for (const [body, message] of [
      ['"text"', 'JSON body must be an object'],
      ['null', 'JSON body must be an object'],
      ['[1]', 'Missing query'],
      ['{"query": 1}', 'Invalid query'],
    ]) {
      const res = await handler()(request('application/json', body))
      expect(res.status).toBe(400)
      expect(((await res.json()) as GraphqlBody).errors?.[0]?.message).toBe(message)
    }
  })
})
