import { describe, expect, it } from 'vitest'

import { AMENITIES, seedParking } from '../../../seed/parking'
import { demoPayload } from '../../helpers/payload'

describe('parking seed', () => {
  it('creates amenities, ~30 spots for owner@example.com, a default vehicle and bookings for the buyer; idempotent', async () => {
    // The demo template: `seedAll` on a fresh database (tests/helpers/payload.ts).
    const payload = await demoPayload()
    const count = async (collection: string) => (await payload.count({ collection: collection as never, overrideAccess: true })).totalDocs
    expect(await count('amenities')).toBe(AMENITIES.length)
    const spots = await count('parking-spots')
    expect(spots).toBeGreaterThanOrEqual(25)
    const owner = await payload.find({ collection: 'users', where: { email: { equals: 'owner@example.com' } }, overrideAccess: true })
    const owned = await payload.count({ collection: 'parking-spots' as never, where: { owner: { equals: owner.docs[0].id } }, overrideAccess: true })
    expect(owned.totalDocs).toBe(spots)
    const cities = new Set((await payload.find({ collection: 'parking-spots' as never, limit: 100, overrideAccess: true })).docs.map((d) => (d as { city: string }).city))
    expect(cities.size).toBeGreaterThanOrEqual(4)
    const vehicles = await payload.find({ collection: 'vehicles' as never, where: { isDefault: { equals: true } }, overrideAccess: true })
    expect(vehicles.docs).toHaveLength(1)
    const bookings = await payload.find({ collection: 'parking-bookings' as never, overrideAccess: true, depth: 0 })
    expect(bookings.docs.length).toBeGreaterThanOrEqual(3)
    expect(bookings.docs.every((b) => (b as { totalCost: number }).totalCost > 0)).toBe(true)
    const amenity = await payload.find({ collection: 'amenities' as never, where: { slug: { equals: 'ev-charging' } }, locale: 'ar', overrideAccess: true })
    expect((amenity.docs[0] as { name: string }).name).toBe('شحن السيارات الكهربائية')

    await seedParking(payload)
    expect(await count('parking-spots')).toBe(spots)
    expect(await count('amenities')).toBe(AMENITIES.length)
  }, 120_000)
})
