import type { CollectionBeforeChangeHook } from 'payload'

import { slugsLike } from '@/db/slugs'
import { txOf } from '@/db/transaction'
import { slugify, uniqueSlug } from '@/domain/catalog/listing'

type Data = Record<string, unknown>

/**
 * Generated, unique slugs: taken from the client's `slug` when given, else from `source(data)`; on update
 * the slug only changes when the client sends a new one. Collisions get `-2`, `-3`… (the unique index on
 * the column is the backstop for two concurrent writers).
 */
export const ensureSlug =
  (slug: string, source: (data: Data, original: Data | undefined) => string): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req, context }) => {
    if (context?.seed && data?.slug) return data
    const wanted = typeof data?.slug === 'string' && data.slug.trim() ? slugify(data.slug) : null
    if (operation === 'update' && (!wanted || wanted === originalDoc?.slug)) {
      if (data && 'slug' in data) data.slug = originalDoc?.slug
      return data
    }
    const base = wanted ?? slugify(source(data ?? {}, originalDoc))
    const tx = await txOf(req)
    const ownId = Number(originalDoc?.id ?? 0)
    return { ...data, slug: uniqueSlug(base, await slugsLike(tx, slug, base, ownId)) }
  }
