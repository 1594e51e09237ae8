/**
 * Favorites: one per user + item (polymorphic cars|parts). The item's `favoritesCount` moves by exactly one in
 * the same transaction as the favorite's insert or delete (a conditional `UPDATE … SET n = n ± 1`), so it stays
 * exact under concurrent adds and removes. A duplicate is refused with 409 under a per (user, item) advisory
 * lock; the unique index `favorites_user_item_uq` (src/db/extras/discovery.ts) is the last line of defence.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { Favorite } from '@payload-types'

import { bumpFavoritesCount, existingFavorite } from '@/db/discovery/favorites'
import { advisoryLock, txOf } from '@/db/transaction'
import { idOf } from '@/domain/ids'
import { badRequest, conflict } from '@/lib/http'

export const FAVORITE_TARGETS = ['cars', 'parts'] as const
export type FavoriteTarget = (typeof FAVORITE_TARGETS)[number]

/** `{ relationTo, value }` → `{ type, id }`, or null. */
export function itemRef(item: unknown): { type: FavoriteTarget; id: number } | null {
  if (!item || typeof item !== 'object') return null
  const { relationTo, value } = item as { relationTo?: unknown; value?: unknown }
  if (!FAVORITE_TARGETS.includes(relationTo as FavoriteTarget)) return null
  const id = idOf(value)
  return id ? { type: relationTo as FavoriteTarget, id } : null
}

export const favoriteBeforeChange: CollectionBeforeChangeHook<Favorite> = async ({ data, operation, req, originalDoc }) => {
  if (operation !== 'create') {
    // The item of a favorite never changes (the counters follow inserts and deletes only).
    return { ...data, item: originalDoc?.item, itemType: originalDoc?.itemType, itemId: originalDoc?.itemId }
  }
  const ref = itemRef(data.item)
  if (!ref) throw badRequest('item must be { relationTo: "cars" | "parts", value: <id> }.', { errors: [{ path: 'item', message: 'Invalid item.' }] })
  const userId = idOf(data.user)
  if (!userId) throw badRequest('A favorite belongs to a signed-in user.')
  // The item must exist and be visible to the caller (published, or the caller's own listing).
  const visible = await req.payload.count({ collection: ref.type, where: { id: { equals: ref.id } }, overrideAccess: false, user: req.user, req })
  if (!visible.totalDocs) throw badRequest(`No such ${ref.type === 'cars' ? 'car' : 'part'}: ${ref.id}.`, { errors: [{ path: 'item', message: 'Item not found.' }] })

  const tx = await txOf(req)
  await advisoryLock(tx, 'favorite', `${userId}:${ref.type}:${ref.id}`)
  const existing = await existingFavorite(tx, userId, ref.type, ref.id)
  if (existing !== null) throw conflict('This item is already in your favorites.', { favorite: existing })
  return { ...data, user: userId, itemType: ref.type, itemId: ref.id }
}

async function bump(req: PayloadRequest, type: FavoriteTarget, id: number, delta: 1 | -1): Promise<void> {
  await bumpFavoritesCount(await txOf(req), type, id, delta)
}

export const favoriteAfterChange: CollectionAfterChangeHook<Favorite> = async ({ doc, operation, req }) => {
  if (operation === 'create' && doc.itemType && doc.itemId) await bump(req, doc.itemType, Number(doc.itemId), 1)
  return doc
}

export const favoriteAfterDelete: CollectionAfterDeleteHook<Favorite> = async ({ doc, req }) => {
  if (doc?.itemType && doc?.itemId) await bump(req, doc.itemType, Number(doc.itemId), -1)
  return doc
}
