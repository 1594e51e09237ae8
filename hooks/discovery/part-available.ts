/**
 * Back-in-stock alerts: when a part's stock goes from none to some (a seller restocks it), every user who
 * favorited (watches) it, except its seller, gets a `part_available` notification — in the same transaction as the
 * stock change. Attached to `parts` `afterChange` by the discovery plugin. Stock taken and returned by orders
 * (commerce SQL) does not pass here: an order cancelled is not a restock.
 */
import type { CollectionAfterChangeHook } from 'payload'

import type { Part } from '@payload-types'
import { partWatchers } from '@/db/discovery/favorites'
import { txOf } from '@/db/transaction'
import { sameId } from '@/domain/ids'
import { notify } from '@/notifications/notify'

export const discoveryPartAvailable: CollectionAfterChangeHook<Part> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context?.seed) return doc
  const before = Number(previousDoc?.stockQuantity ?? 0)
  const after = Number(doc?.stockQuantity ?? 0)
  if (!(before <= 0 && after > 0) || doc.status !== 'active') return doc
  const tx = await txOf(req)
  for (const fan of await partWatchers(tx, doc.id)) {
    if (sameId(doc.seller, fan)) continue
    await notify(req, {
      user: fan,
      type: 'part_available',
      title: { en: `Back in stock: ${doc.title}`, ar: `متوفر مجددًا: ${doc.title}` },
      message: { en: `${doc.title} is available again (${after} in stock).`, ar: `${doc.title} متوفر مجددًا (${after} في المخزون).` },
      data: { part: doc.id, partName: doc.title, stock: after },
      actionUrl: `/parts/${doc.slug ?? doc.id}`,
    })
  }
  return doc
}
