/**
 * The negotiation app's `/api/v1/…` paths serve the same API as `/api/…` (docs/source-systems.md): collection REST,
 * custom endpoints (offer, counter, stats), GraphQL, auth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { unversionedUrl } from '../../../src/http/api-version'
import type { RunningServer } from '../../../src/server'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { createUser, type TestUser } from '../../helpers/users'
import { createCar } from '../../int/negotiation/fixtures'

let server: RunningServer
let seller: TestUser
let buyer: TestUser

const both = async (method: string, path: string, token?: string, body?: unknown) => {
  const [v0, v1] = [await http(server.url, method, `/api${path}`, { token, body }), await http(server.url, method, `/api/v1${path}`, { token, body })]
  return { v0, v1 }
}

beforeAll(async () => {
  await testPayload()
  server = await startTestServer()
  ;[seller, buyer] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['buyer'] })])
})

afterAll(async () => {
  await server?.close()
})

describe('/api/v1', () => {
  it('maps only the version prefix', () => {
    expect(unversionedUrl('/api/v1/negotiations?limit=5')).toBe('/api/negotiations?limit=5')
    expect(unversionedUrl('/api/v1')).toBe('/api/')
    expect(unversionedUrl('/api/v1?x=1')).toBe('/api?x=1')
    expect(unversionedUrl('/api/v10/negotiations')).toBeNull()
    expect(unversionedUrl('/api/negotiations')).toBeNull()
  })

  it('/api/v1/negotiations and /api/negotiations answer the same (REST lists, one document, custom endpoints, GraphQL)', async () => {
    const car = await createCar({ seller: seller.id, price: 30000 })
    const car2 = await createCar({ seller: seller.id, price: 25000 })
    // Writes through either prefix reach the same custom endpoints.
    const opened = await http(server.url, 'POST', '/api/v1/negotiations', { token: buyer.token, body: { car: car.id, amount: 27000 } })
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
    const id = opened.body.doc.id
    const countered = await http(server.url, 'POST', `/api/v1/negotiations/${id}/counter`, { token: seller.token, body: { amount: 29000 } })
    expect(countered.status).toBe(200)
    expect((await http(server.url, 'POST', '/api/negotiations', { token: buyer.token, body: { car: car2.id, amount: 20000 } })).status).toBe(201)

    for (const [path, token] of [
      ['/negotiations?sort=id&depth=0', buyer.token],
      ['/negotiations?sort=id&depth=0', seller.token],
      [`/negotiations/${id}?depth=0`, seller.token],
      ['/negotiations/stats', buyer.token],
      ['/negotiations?sort=id', undefined],
    ] as const) {
      const { v0, v1 } = await both('GET', path, token)
      expect(v1.status, path).toBe(v0.status)
      expect(v1.body, path).toEqual(v0.body)
    }
    const { v0: list } = await both('GET', '/negotiations?sort=id&depth=0', buyer.token)
    expect(list.body.docs.map((d: any) => d.id)).toContain(id)
    expect(list.body.docs.find((d: any) => d.id === id)).toMatchObject({ currentAmount: 29000, turn: 'buyer' })

    const query = { query: `{ Negotiations(sort: "id") { docs { id status currentAmount } totalDocs } }` }
    const g0 = await http(server.url, 'POST', '/api/graphql', { token: buyer.token, body: query })
    const g1 = await http(server.url, 'POST', '/api/v1/graphql', { token: buyer.token, body: query })
    expect(g0.status).toBe(200)
    expect(g0.body.data.Negotiations.totalDocs).toBe(2)
    expect(g1.body).toEqual(g0.body)

    // Errors answer the same too.
    const { v0: e0, v1: e1 } = await both('POST', `/negotiations/${id}/counter`, buyer.token, { amount: 'lots' })
    expect(e0.status).toBe(400)
    expect(e1.status).toBe(400)
    expect(e1.body).toEqual(e0.body)
  })

  it('signs in through /api/v1/users/login', async () => {
    const res = await http(server.url, 'POST', '/api/v1/users/login', { body: { email: buyer.email, password: buyer.password } })
    expect(res.status).toBe(200)
    expect(res.body.user.id).toBe(buyer.id)
    const me = await http(server.url, 'GET', '/api/v1/users/me', { token: res.body.token })
    expect(me.body.user.id).toBe(buyer.id)
  })
})
