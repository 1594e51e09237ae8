import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { adminScope, ownListFilter, visibleInAdmin } from '../../../src/plugins/admin-scope'

const user = (id: number, ...roles: string[]) => ({ id, roles }) as never

describe('admin scope: nav audience', () => {
  it('admins see every collection, undeclared ones included', () => {
    expect(visibleInAdmin('users', user(1, 'admin'))).toBe(true)
    expect(visibleInAdmin('some-new-collection', user(1, 'admin'))).toBe(true)
  })

  it('other roles see only what is declared for them; undeclared collections are admin-only', () => {
    const seller = user(2, 'seller')
    expect(visibleInAdmin('cars', seller)).toBe(true)
    expect(visibleInAdmin('dealers', seller)).toBe(true)
    for (const slug of ['users', 'login-events', 'posts', 'makes', 'plans', 'payments', 'some-new-collection']) expect(visibleInAdmin(slug, seller), slug).toBe(false)
    expect(visibleInAdmin('posts', user(3, 'editor'))).toBe(true)
    expect(visibleInAdmin('parking-spots', user(4, 'parking_owner'))).toBe(true)
    expect(visibleInAdmin('parking-spots', seller)).toBe(false)
    expect(visibleInAdmin('service-bookings', user(5, 'technician'))).toBe(true)
    expect(visibleInAdmin('cars', null)).toBe(false)
  })
})

describe('admin scope: own records in list views', () => {
  it('filters non-staff to their own rows by the collection owner field; staff are unfiltered', () => {
    expect(ownListFilter('cars', user(7, 'seller'))).toEqual({ seller: { equals: 7 } })
    expect(ownListFilter('parking-spots', user(8, 'parking_owner'))).toEqual({ owner: { equals: 8 } })
    expect(ownListFilter('technicians', user(9, 'technician'))).toEqual({ user: { equals: 9 } })
    expect(ownListFilter('cars', user(1, 'admin'))).toBeNull()
    expect(ownListFilter('cars', user(3, 'editor'))).toBeNull()
    expect(ownListFilter('makes', user(7, 'seller'))).toBeNull()
  })

  it("the plugin sets hidden and baseFilter on every collection but Payload's own", async () => {
    const cars = { slug: 'cars', fields: [] } as CollectionConfig
    const jobs = { slug: 'payload-jobs', fields: [] } as CollectionConfig
    const out = (await adminScope()({ collections: [cars, jobs] } as Config)) as Config
    const [scopedCars, scopedJobs] = out.collections!
    expect(scopedJobs).toBe(jobs)
    const hidden = scopedCars.admin!.hidden as (a: { user: unknown }) => boolean
    expect(hidden({ user: user(2, 'seller') })).toBe(false)
    expect(hidden({ user: user(6, 'buyer') })).toBe(true)
    const filter = scopedCars.admin!.baseFilter!
    expect(await filter({ req: { user: user(2, 'seller') } } as never)).toEqual({ seller: { equals: 2 } })
    expect(await filter({ req: { user: user(1, 'admin') } } as never)).toBeNull()
  })
})
