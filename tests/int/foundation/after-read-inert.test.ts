/**
 * Payload's read traversal handles plain stored values inline (patches/payload+3.89.0.patch, afterRead/
 * traverseFields.js): a scalar field with no afterRead hook, no read access, not hidden, not localized and not
 * virtual gets only the select API's strip, without a promise per field. For every collection of the demo data, the
 * documents read with the inline handling equal those read through Payload's per-field `promise` for every field
 * (the switch off): anonymous and admin readers, one locale and all locales, depth 1 (the populated documents are
 * traversed too: their default `select`s) and `select`s that include or exclude fields. A field the select leaves
 * out is removed inline too, whatever it is (hooks, read access, locales, relations).
 */
import type { CollectionSlug, Payload, SelectType } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { demoPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

const SWITCH = Symbol.for('payload.afterRead.inertFields')
const switchable = globalThis as unknown as Record<symbol, boolean | undefined>

let payload: Payload
let admin: TestUser
let slugs: CollectionSlug[] = []

beforeAll(async () => {
  payload = await demoPayload()
  admin = await createUser({ roles: ['admin'], login: false })
  const counted = await Promise.all(
    Object.keys(payload.collections).map(async (slug) => [slug, (await payload.count({ collection: slug as CollectionSlug, overrideAccess: true })).totalDocs] as const),
  )
  slugs = counted.filter(([, n]) => n > 0).map(([slug]) => slug as CollectionSlug)
}, 300_000)

/**
 * The first three named top-level fields: a `select` that keeps them and strips the rest (`include`: hooked, private
 * and localized fields among those left out), or strips them and keeps the rest (`exclude`).
 */
function someFields(slug: CollectionSlug, mode: 'include' | 'exclude'): SelectType {
  const names = payload.collections[slug].config.fields.flatMap((f) => ('name' in f && f.name !== 'id' ? [f.name] : [])).slice(0, 3)
  return Object.fromEntries(names.map((n) => [n, mode === 'include'])) as SelectType
}

async function readBoth(read: () => Promise<unknown>): Promise<[unknown, unknown]> {
  const inline = await read()
  switchable[SWITCH] = false
  try {
    return [inline, await read()]
  } finally {
    delete switchable[SWITCH]
  }
}

describe('plain stored values handled inline by the read traversal (every collection with demo data)', () => {
  it('covers the collections with arrays, relationships, locales and hidden or private fields', () => {
    expect(slugs).toEqual(expect.arrayContaining(['cars', 'parts', 'posts', 'parking-spots', 'users', 'services']))
  })

  it('reads the same documents as the per-field traversal', async () => {
    const adminUser = await payload.findByID({ collection: 'users', id: admin.id, overrideAccess: true, depth: 0 })
    const readers = [
      { who: 'anonymous', user: null, locale: 'en' },
      { who: 'admin', user: adminUser, locale: 'en' },
      { who: 'admin', user: adminUser, locale: 'all' },
      { who: 'admin, select', user: adminUser, locale: 'en', select: 'include' },
      { who: 'anonymous, select', user: null, locale: 'en', select: 'include' },
      { who: 'admin, select, all locales', user: adminUser, locale: 'all', select: 'include' },
      { who: 'admin, select excluding', user: adminUser, locale: 'en', select: 'exclude' },
    ] as const
    let compared = 0
    let documents = 0
    for (const slug of slugs) {
      for (const r of readers) {
        const select = 'select' in r ? someFields(slug, r.select) : undefined
        const read = () =>
          payload.find({ collection: slug, depth: 1, limit: 10, sort: 'id', locale: r.locale as 'en', user: r.user, overrideAccess: false, select }).catch((err: Error) => ({ error: err.name }))
        const [inline, perField] = await readBoth(read)
        expect({ slug, reader: r.who, locale: r.locale, result: inline }).toEqual({ slug, reader: r.who, locale: r.locale, result: perField })
        compared++
        documents += (inline as { docs?: unknown[] }).docs?.length ?? 0
      }
    }
    expect(compared).toBe(slugs.length * readers.length)
    console.info(`[after-read-inert] ${compared} reads, ${documents} documents`)
    // Most reads return documents (anonymous readers are refused some collections, an error both ways).
    expect(documents).toBeGreaterThan(slugs.length * 10 * 2)
  }, 240_000)
})
