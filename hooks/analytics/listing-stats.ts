/**
 * The daily listing history (`listing-daily-stats`): one upsert per event, in the event's transaction, so the
 * history never counts an event that rolled back. Attached by the analytics plugin to `listing-views`
 * (counted views), `favorites` (favorites added) and `negotiations` (offers opened).
 */
import type { CollectionAfterChangeHook } from 'payload'

import { bumpListingDay } from '@/db/analytics'
import { txOf } from '@/db/transaction'
import { idOf } from '@/domain/ids'

const at = (doc: { createdAt?: string | null }) => (doc.createdAt ? new Date(doc.createdAt) : new Date())

export const statsOnView: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const car = idOf(doc.car)
  if (operation === 'create' && car) await bumpListingDay(await txOf(req), Number(car), at(doc), 'views')
  return doc
}

export const statsOnFavorite: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const car = doc.itemType === 'cars' ? Number(doc.itemId ?? idOf(doc.item?.value)) : 0
  if (operation === 'create' && car) await bumpListingDay(await txOf(req), car, at(doc), 'favorites')
  return doc
}

export const statsOnOffer: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const car = idOf(doc.car)
  if (operation === 'create' && car) await bumpListingDay(await txOf(req), Number(car), at(doc), 'offers')
  return doc
}
