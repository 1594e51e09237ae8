import { describe, expect, it } from 'vitest'

import { seedCommerce } from '../../../seed/commerce'
import { testPayload } from '../../helpers/payload'
import { createUser } from '../../helpers/users'

describe('commerce seed', () => {
  it('seeds Free, Pro and Dealer idempotently and puts the demo seller on Dealer', async () => {
    const payload = await testPayload()
    await createUser({ roles: ['seller'], email: 'seller@example.com', login: false })
    await seedCommerce(payload)
    await seedCommerce(payload)
    const plans = await payload.find({ collection: 'plans', overrideAccess: true, sort: 'sortOrder' })
    expect(plans.docs.map((p) => [p.slug, p.price, p.maxListings ?? null])).toEqual([
      ['free', 0, 3],
      ['pro', 29.99, 25],
      ['dealer', 99, null],
    ])
    const subs = await payload.find({ collection: 'subscriptions', overrideAccess: true, depth: 1 })
    expect(subs.docs).toHaveLength(1)
    expect(subs.docs[0]).toMatchObject({ status: 'active', plan: { slug: 'dealer' } })
  })
})
