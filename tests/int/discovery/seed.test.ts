/** The demo seed: discovery data on top of the catalog seed; search and suggestions on the seeded catalog. */
import { beforeAll, describe, expect, it } from 'vitest'

import { normalizeQuery } from '../../../src/domain/discovery/search'
import { suggest } from '../../../src/db/discovery/search-engine'
import { seedDiscovery } from '../../../seed/discovery'
import { get } from '../../helpers/api'
import { demoPayload, testPayload } from '../../helpers/payload'
import { count } from './fixtures'

beforeAll(async () => {
  // The demo template: `seedAll` (identity, catalog, discovery, …) on a fresh database (tests/helpers/payload.ts).
  await seedDiscovery(await demoPayload()) // idempotent: a second run adds nothing
}, 170_000)

describe('discovery seed', () => {
  it('creates the demo buyer’s discovery data once, with exact counters', async () => {
    expect(await count('favorites')).toBeGreaterThanOrEqual(3)
    expect(await count('wishlists')).toBe(1)
    expect(await count('saved-searches')).toBe(1)
    expect(await count('comparisons')).toBe(1)
    const payload = await testPayload()
    const favs = await payload.find({ collection: 'favorites' as never, where: { itemType: { equals: 'cars' } }, overrideAccess: true, depth: 0, limit: 10 })
    for (const f of favs.docs as unknown as { itemId: number }[]) {
      const car = await payload.findByID({ collection: 'cars', id: f.itemId, overrideAccess: true, depth: 0 })
      expect((car as unknown as { favoritesCount: number }).favoritesCount).toBe(1)
    }
    const popular = await get('/search/popular')
    expect(popular.body.queries[0]).toMatchObject({ query: 'toyota camry', count: 6 })
  })

  it('search and suggestions work on the seeded catalog', async () => {
    const res = await get('/search?q=Toyta')
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBeGreaterThan(0)
    expect(res.body.docs.filter((d: { type: string }) => d.type === 'cars').every((d: { make: string }) => d.make === 'Toyota')).toBe(true)
    const db = ((await testPayload()).db as unknown as { drizzle: never }).drizzle
    // Per query the best of 5 runs (CPU contention from parallel test files only adds noise), then the median.
    const queries = ['t', 'to', 'toy', 'toyt', 'merc', 'bmw', 'camr', 'pads', 'hybrid', 'land']
    const timings: number[] = []
    for (const q of queries) {
      let best = Infinity
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now()
        await suggest(db, normalizeQuery(q), 8)
        best = Math.min(best, performance.now() - t0)
      }
      timings.push(best)
    }
    timings.sort((a, b) => a - b)
    const { vocabulary } = await import('../../../src/db/discovery/vocabulary')
    const voc = await vocabulary(db)
    const t1 = performance.now()
    for (const q of queries) (await import('../../../src/domain/discovery/search')).suggestFromVocabulary(q, voc.entries, 8)
    console.info(`vocabulary: ${voc.entries.length} entries, JS ranking ${((performance.now() - t1) / queries.length).toFixed(2)} ms/query`)
    console.info(`suggestions on the seeded catalog (best of 5 per query): median ${timings[Math.floor(timings.length / 2)].toFixed(1)} ms, max ${timings[timings.length - 1].toFixed(1)} ms`)
    // A guard against gross regressions (a sequential scan per keystroke), with room for a loaded CI machine:
    // the 20-ms target itself is measured by `npm run bench` at 100k listings (bench/RESULTS.md).
    expect(timings[Math.floor(timings.length / 2)]).toBeLessThan(60)
    const toy = await get('/search/suggestions?q=toy')
    expect(toy.body.suggestions[0]).toMatchObject({ type: 'make', text: 'Toyota' })
  })
})
