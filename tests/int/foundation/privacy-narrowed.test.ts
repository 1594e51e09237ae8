/**
 * Owner-declared private fields on narrowed reads (src/access/privacy.ts readWithStoredOwner): a `select` without
 * the owner field still shows the owner their fields, looking the owner up once per request and document, and
 * never for a caller the document as read already decides (a role reader, an anonymous caller, a whole read).
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { get } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { sqlSentBy } from '../../helpers/sql'
import { createUser, type TestUser } from '../../helpers/users'
import { createCar } from '../negotiation/fixtures'

let seller: TestUser
let otherSeller: TestUser
let admin: TestUser
let carId: number
const narrowed = () => `/cars/${carId}?depth=0&select[autoAcceptPrice]=true&select[autoDeclinePrice]=true`
/** Statements that read the cars table while `path` is answered for `token`. */
async function carReads(path: string, token?: string) {
  const payload = await testPayload()
  let body: Record<string, unknown> = {}
  const sql = await sqlSentBy(payload, async () => {
    body = (await get(path, { token })).body
  })
  return { body, reads: sql.filter((s) => /^select\b[\s\S]*\bfrom "cars"/i.test(s)).length }
}

beforeAll(async () => {
  ;[seller, otherSeller, admin] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['seller'] }), createUser({ roles: ['admin'] })])
  carId = (await createCar({ seller: seller.id, autoAcceptPrice: 21000, autoDeclinePrice: 18000 })).id
})

describe('owner-only fields read narrowed', () => {
  it('the owner gets both fields; one lookup of the stored seller serves both', async () => {
    const { body, reads } = await carReads(narrowed(), seller.token)
    expect(body).toEqual({ id: carId, autoAcceptPrice: 21000, autoDeclinePrice: 18000 })
    expect(reads).toBe(2) // the read itself and one lookup of `seller`
  })

  it('another seller and an anonymous caller get neither; only the signed-in one costs a lookup', async () => {
    const other = await carReads(narrowed(), otherSeller.token)
    expect(other.body).toEqual({ id: carId })
    expect(other.reads).toBe(2)
    const anonymous = await carReads(narrowed())
    expect(anonymous.body).toEqual({ id: carId })
    expect(anonymous.reads).toBe(1)
  })

  it('a reader by role, and a read that carries the owner field, cost no lookup', async () => {
    const byRole = await carReads(narrowed(), admin.token)
    expect(byRole.body).toEqual({ id: carId, autoAcceptPrice: 21000, autoDeclinePrice: 18000 })
    expect(byRole.reads).toBe(1)
    const withOwner = await carReads(`${narrowed()}&select[seller]=true`, seller.token)
    expect(withOwner.body).toEqual({ id: carId, seller: seller.id, autoAcceptPrice: 21000, autoDeclinePrice: 18000 })
    expect(withOwner.reads).toBe(1)
  })

  it('in a list, each document is decided on its own stored owner', async () => {
    const theirs = (await createCar({ seller: otherSeller.id, autoAcceptPrice: 5000 })).id
    const list = await get(`/cars?depth=0&where[id][in]=${carId},${theirs}&sort=id&select[autoAcceptPrice]=true`, { token: seller.token })
    expect(list.status).toBe(200)
    expect(list.body.docs).toEqual([{ id: carId, autoAcceptPrice: 21000 }, { id: theirs }])
  })
})
