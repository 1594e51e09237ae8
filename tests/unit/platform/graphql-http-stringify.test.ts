/**
 * patches/graphql-http+1.23.1.patch: graphql-http stringified every answer with a replacer that rewrites Error
 * instances other than GraphQLErrors, which takes JSON.stringify off its fast path (a call per key and value): the
 * handler's `makeResponse` was 4.2 % of the server's samples in the bench's GraphQL search. An answer with neither
 * errors nor extensions holds only what the types' `serialize` functions returned, so it is stringified plainly;
 * any other answer still goes through the replacer.
 */
import { createRequire } from 'node:module'

import type * as Graphql from 'graphql'
import type { ExecutionResult } from 'graphql'
import type * as GraphqlHttpModule from 'graphql-http'
import { afterEach, describe, expect, it, vi } from 'vitest'

// graphql as Node loads it for graphql-http's either build (its CommonJS entry: one graphql, as in the server)
const require = createRequire(import.meta.url)
const { buildSchema } = require('graphql') as typeof Graphql
type GraphqlHttp = typeof GraphqlHttpModule
// Payload's route imports the ESM build; both are patched
const builds: [string, GraphqlHttp][] = [
  ['ESM', await import('graphql-http')],
  ['CommonJS', require('graphql-http') as GraphqlHttp],
]

const schema = buildSchema(`
  type Car { id: ID!, title: String, price: Float }
  type Query { cars: [Car], broken: String }
`)
const rootValue = {
  cars: () => [
    { id: 1, title: 'Corolla "hybrid" \u2014 2019', price: 12000.5 },
    { id: 2, title: null, price: 0 },
  ],
  broken: () => {
    throw new Error('boom')
  },
}

/** One POST through graphql-http's own handler (the one Payload's patched route calls); `execute` may replace execution. */
async function answer({ createHandler }: GraphqlHttp, query: string, execute?: () => ExecutionResult) {
  const handler = createHandler({ schema, rootValue, ...(execute ? { execute } : {}) })
  const [body, init] = await handler({
    method: 'POST',
    url: '/api/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: { query },
    raw: null,
    context: {},
  })
  return { body: String(body), status: init?.status }
}

/** The replacers JSON.stringify was given while `run` ran, one entry per call (undefined: none). */
async function replacersDuring(run: () => Promise<unknown>): Promise<unknown[]> {
  const spy = vi.spyOn(JSON, 'stringify')
  await run()
  return spy.mock.calls.map((call) => call[1])
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each(builds)('graphql-http answers (patched), %s build', (_, build) => {
  it('an answer without errors is stringified without a replacer, to the same text', async () => {
    let res: Awaited<ReturnType<typeof answer>> | undefined
    const replacers = await replacersDuring(async () => {
      res = await answer(build, '{ cars { id title price } }')
    })
    expect(res?.status).toBe(200)
    expect(replacers).toEqual([undefined])
    expect(res?.body).toBe(
      JSON.stringify({
        data: {
          cars: [
            { id: '1', title: 'Corolla "hybrid" \u2014 2019', price: 12000.5 },
            { id: '2', title: null, price: 0 },
          ],
        },
      }),
    )
  })

  it('an answer with errors keeps the replacer and its formatted errors', async () => {
    let res: Awaited<ReturnType<typeof answer>> | undefined
    const replacers = await replacersDuring(async () => {
      res = await answer(build, '{ broken cars { id } }')
    })
    expect(replacers).toHaveLength(1)
    expect(typeof replacers[0]).toBe('function')
    const parsed = JSON.parse(res!.body) as { data: { broken: null; cars: unknown[] }; errors: { message: string; path: string[] }[] }
    expect(parsed.data).toEqual({ broken: null, cars: [{ id: '1' }, { id: '2' }] })
    expect(parsed.errors).toMatchObject([{ message: 'boom', path: ['broken'] }])
  })

  it('extensions keep the replacer: an Error there still answers as its message', async () => {
    const res = await answer(build, '{ cars { id } }', () => ({ data: { cars: [] }, extensions: { warning: new Error('slow query') } }))
    expect(JSON.parse(res.body)).toEqual({ data: { cars: [] }, extensions: { warning: { message: 'slow query' } } })
  })
})
