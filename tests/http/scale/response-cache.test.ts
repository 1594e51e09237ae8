/**
 * The in-process micro-cache for anonymous public reads (src/http/response-cache.ts): unit rules, then through
 * the real express server with the search suggestions endpoint (`Cache-Control: public, max-age=60`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publicMaxAge, ResponseCache } from '../../../src/http/response-cache'
import type { RunningServer } from '../../../src/server'
import { http, startTestServer } from '../../helpers/server'
import { createUser } from '../../helpers/users'

describe('ResponseCache rules', () => {
  it('reads max-age only from public, storable responses', () => {
    expect(publicMaxAge('public, max-age=60')).toBe(60)
    expect(publicMaxAge('public, s-maxage=30')).toBe(30)
    expect(publicMaxAge('private, max-age=60')).toBe(0)
    expect(publicMaxAge('public, no-store, max-age=60')).toBe(0)
    expect(publicMaxAge('max-age=60')).toBe(0)
    expect(publicMaxAge(null)).toBe(0)
  })

  it('caches anonymous GETs for min(max-age, ttl), never credentials or cookies, and clears on demand', () => {
    let now = 1_000
    const cache = new ResponseCache({ ttlSeconds: 5, now: () => now })
    const anon = { method: 'GET', url: '/api/x?q=1', headers: {} }
    expect(cache.keyOf({ ...anon, headers: { authorization: 'JWT t' } })).toBeNull()
    expect(cache.keyOf({ ...anon, headers: { cookie: 'payload-token=t' } })).toBeNull()
    expect(cache.keyOf({ ...anon, method: 'POST' })).toBeNull()
    const key = cache.keyOf(anon)!
    cache.store(key, 200, new Headers({ 'cache-control': 'public, max-age=2' }), Buffer.from('a'))
    cache.store('other', 200, new Headers({ 'cache-control': 'public, max-age=60', 'set-cookie': 'x=1' }), Buffer.from('b'))
    cache.store('err', 500, new Headers({ 'cache-control': 'public, max-age=60' }), Buffer.from('c'))
    expect(cache.size).toBe(1)
    expect(cache.get(key)?.body.toString()).toBe('a')
    now += 2_001 // max-age (2 s) is below the TTL (5 s): expired
    expect(cache.get(key)).toBeNull()
    cache.store(key, 200, new Headers({ 'cache-control': 'public, max-age=600' }), Buffer.from('a'))
    now += 4_000
    expect(cache.get(key)).not.toBeNull()
    now += 1_001 // the TTL caps a long max-age
    expect(cache.get(key)).toBeNull()
    cache.store(key, 200, new Headers({ 'cache-control': 'public, max-age=600' }), Buffer.from('a'))
    cache.clear()
    expect(cache.get(key)).toBeNull()
    expect(new ResponseCache({ ttlSeconds: 0 }).keyOf(anon)).toBeNull()
  })
})

describe('through the express server', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startTestServer()
  }, 60_000)
  afterAll(async () => {
    await server?.close()
  })

  it('serves a repeated anonymous suggestions request from memory, identical to the first', async () => {
    const first = await http(server.url, 'GET', '/api/search/suggestions?q=cache-probe')
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBeNull()
    const second = await http(server.url, 'GET', '/api/search/suggestions?q=cache-probe')
    expect(second.status).toBe(200)
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('content-type')).toContain('application/json')
  })

  it('never answers a signed-in request from the cache, and a write through the instance empties it', async () => {
    const user = await createUser({ roles: ['buyer'] })
    await http(server.url, 'GET', '/api/search/suggestions?q=cache-probe-2')
    const signedIn = await http(server.url, 'GET', '/api/search/suggestions?q=cache-probe-2', { token: user.token })
    expect(signedIn.headers.get('x-cache')).toBeNull()
    expect((await http(server.url, 'GET', '/api/search/suggestions?q=cache-probe-2')).headers.get('x-cache')).toBe('HIT')
    const write = await http(server.url, 'POST', '/api/vehicles', { token: user.token, body: { licensePlate: 'CACHE-1', make: 'Kia', model: 'Rio' } })
    expect(write.status).toBe(201)
    expect((await http(server.url, 'GET', '/api/search/suggestions?q=cache-probe-2')).headers.get('x-cache')).toBeNull()
  })
})
