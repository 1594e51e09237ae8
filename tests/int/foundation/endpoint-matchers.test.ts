/**
 * Payload's REST router (`handleEndpoints`) compiles an endpoint's path matcher once, not on every request for every
 * endpoint tried before the one that matches (patches/payload+3.89.0.patch; docs/performance.md). The matcher is
 * kept on the endpoint with the path it was compiled from: a changed path is compiled again, and each request gets
 * its own route parameters.
 */
import type { Endpoint, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { get } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'

const MATCHER = Symbol.for('payload.endpointMatcher')
type Compiled = { fn: (path: string) => unknown; path: string }
const compiledOf = (e: Endpoint) => (e as unknown as Record<symbol, Compiled | undefined>)[MATCHER]

let payload: Payload
const probe: Endpoint = {
  path: '/matcher-probe/:name',
  method: 'get',
  handler: (req) => Response.json({ params: req.routeParams }),
}

beforeAll(async () => {
  payload = await testPayload()
  payload.config.endpoints.push(probe)
})

afterAll(() => {
  const at = payload.config.endpoints.indexOf(probe)
  if (at >= 0) payload.config.endpoints.splice(at, 1)
})

describe('endpoint path matchers', () => {
  it('are compiled once per endpoint: a second request reuses every matcher the first one compiled', async () => {
    const gets = payload.collections.parts.config.endpoints ? payload.collections.parts.config.endpoints.filter((e) => e.method === 'get') : []
    expect(gets.length).toBeGreaterThan(1)
    expect((await get('/parts?limit=1')).status).toBe(200)
    const first = gets.map(compiledOf)
    // the list endpoint and every GET endpoint tried before it carry their matcher
    expect(first.filter(Boolean).length).toBeGreaterThan(0)
    expect((await get('/parts?limit=1')).status).toBe(200)
    const second = gets.map(compiledOf)
    second.forEach((c, i) => expect(c?.fn).toBe(first[i]?.fn))
    // not copied by a spread of the endpoint (a spread copies enumerable symbol properties)
    const tried = gets.find((e) => compiledOf(e))!
    expect(compiledOf({ ...tried } as Endpoint)).toBeUndefined()
  })

  it('decodes route parameters, and each request gets its own', async () => {
    const a = await get('/matcher-probe/a%20b')
    const b = await get('/matcher-probe/c')
    expect(a.status).toBe(200)
    expect(a.body.params).toEqual({ name: 'a b' })
    expect(b.body.params).toEqual({ name: 'c' })
    expect(a.body.params).toEqual({ name: 'a b' })
  })

  it('compiles an endpoint again when its path changes', async () => {
    expect((await get('/matcher-probe/x')).status).toBe(200)
    const before = compiledOf(probe)
    expect(before?.path).toBe('/matcher-probe/:name')
    probe.path = '/matcher-probe-moved/:name'
    try {
      const moved = await get('/matcher-probe-moved/y')
      expect(moved.status).toBe(200)
      expect(moved.body.params).toEqual({ name: 'y' })
      expect((await get('/matcher-probe/x')).status).toBe(404)
      expect(compiledOf(probe)?.path).toBe('/matcher-probe-moved/:name')
      expect(compiledOf(probe)?.fn).not.toBe(before?.fn)
    } finally {
      probe.path = '/matcher-probe/:name'
    }
  })
})
