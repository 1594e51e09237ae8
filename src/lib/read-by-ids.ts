/**
 * Documents by id as the caller may read them (the collection's read access applied), in the order of `ids`, read in
 * pages of at most `MAX_PAGE_SIZE` ids. An endpoint's read through its request is judged like the client's by the input
 * guard (src/plugins/input-guards.ts), which caps every read at the maximum page size: one read of more ids than that
 * would silently drop the rest (a wishlist holds up to 200 items). Each page is one unpaginated read without a count.
 */
import type { CollectionSlug, DataFromCollectionSlug, PayloadRequest } from 'payload'

import { env } from './env'
import { allSettledOrThrow } from './settle'

export async function readByIds<S extends CollectionSlug>(req: PayloadRequest, collection: S, ids: readonly number[], depth = 1): Promise<DataFromCollectionSlug<S>[]> {
  const unique = [...new Set(ids)]
  if (!unique.length) return []
  const size = Math.max(1, env.maxPageSize)
  const pages: number[][] = []
  for (let i = 0; i < unique.length; i += size) pages.push(unique.slice(i, i + size))
  const found = await allSettledOrThrow(
    pages.map((page) => req.payload.find({ collection, where: { id: { in: page } }, depth, limit: page.length, pagination: false, overrideAccess: false, user: req.user, req })),
  )
  const byId = new Map<unknown, DataFromCollectionSlug<S>>()
  for (const result of found) for (const doc of result.docs) byId.set((doc as { id: unknown }).id, doc as DataFromCollectionSlug<S>)
  return ids.flatMap((id) => byId.get(id) ?? [])
}
