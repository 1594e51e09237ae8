/**
 * Development used to rebuild the whole GraphQL schema on every request (~190 ms each): Payload's Next
 * handler reset its cache whenever NODE_ENV was `development`, to pick up hot-reloaded configs. The patch
 * in patches/@payloadcms+next+3.89.0.patch (applied by `npm ci` through patch-package) keys the cache by the
 * config object instead: same config → the built schema is reused; a new config (a hot reload) → rebuilt.
 */
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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
