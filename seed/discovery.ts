import { createLocalReq, type Payload } from 'payload'

import type { SearchQuery } from '@payload-types'

import { incrementViews } from '@/db/discovery/views'
import { txOf } from '@/db/transaction'
import { idOf } from '@/domain/ids'

import { demoUserId } from './identity'

/** Queries the demo search history is made of (deterministic; feeds `GET /api/search/popular`). */
const DEMO_QUERIES: [string, number][] = [
  ['toyota camry', 6],
  ['suv', 5],
  ['hybrid', 4],
  ['bmw x5', 3],
  ['brake pads', 3],
  ['toyta', 2],
  ['electric', 2],
  ['pickup', 1],
]

/**
 * Demo data for the discovery domain: the demo buyer's favorites, a public wishlist, a saved search, a
 * comparison, a few counted views and a search history. Idempotent (skipped when the buyer has favorites).
 */
export async function seedDiscovery(payload: Payload): Promise<void> {
  const req = await createLocalReq({}, payload)
  const buyer = await demoUserId(payload, 'buyer@example.com')
  const existing = await payload.count({ collection: 'favorites', where: { user: { equals: buyer } }, overrideAccess: true })
  if (existing.totalDocs) return
  const cars = await payload.find({ collection: 'cars', where: { status: { equals: 'active' } }, sort: 'id', limit: 6, depth: 0, overrideAccess: true })
  const parts = await payload.find({ collection: 'parts', where: { status: { equals: 'active' } }, sort: 'id', limit: 2, depth: 0, overrideAccess: true })
  const carIds = cars.docs.map((d) => Number(d.id))
  const partIds = parts.docs.map((d) => Number(d.id))
  const ctx = { context: { seed: true } }

  for (const id of carIds.slice(0, 3)) {
    await payload.create({ collection: 'favorites', overrideAccess: true, data: { user: buyer, item: { relationTo: 'cars', value: id } }, ...ctx })
  }
  if (partIds[0]) {
    await payload.create({ collection: 'favorites', overrideAccess: true, data: { user: buyer, item: { relationTo: 'parts', value: partIds[0] } }, ...ctx })
  }
  await payload.create({
    collection: 'wishlists',
    overrideAccess: true,
    data: {
      user: buyer,
      name: 'Family car shortlist',
      description: 'Shared with the family.',
      isPublic: true,
      items: [...carIds.slice(2, 5).map((value) => ({ relationTo: 'cars' as const, value })), ...partIds.slice(0, 1).map((value) => ({ relationTo: 'parts' as const, value }))],
    },
  })
  const firstCar = cars.docs[0]
  const make = idOf(firstCar?.make)
  await payload.create({
    collection: 'saved-searches',
    overrideAccess: true,
    data: { user: buyer, name: 'Affordable picks', filters: { ...(make ? { make } : {}), priceMax: Math.round(Number(firstCar?.price ?? 30000) * 1.2) }, alertFrequency: 'daily' },
  })
  if (carIds.length >= 2) {
    await payload.create({ collection: 'comparisons', overrideAccess: true, data: { user: buyer, name: 'Top three', cars: carIds.slice(0, 3) }, ...ctx })
  }
  for (const id of carIds.slice(0, 4)) {
    await payload.create({ collection: 'listing-views', overrideAccess: true, data: { car: id, user: buyer, viewerKey: `u:${buyer}` } })
    await incrementViews(await txOf(req), id)
  }
  const rows: Omit<SearchQuery, 'id' | 'createdAt' | 'updatedAt'>[] = []
  for (const [q, times] of DEMO_QUERIES) for (let i = 0; i < times; i++) rows.push({ query: q, normalizedQuery: q, type: 'all', resultCount: 10, user: i % 2 ? buyer : null })
  for (const data of rows) await payload.create({ collection: 'search-queries', overrideAccess: true, data })
}
