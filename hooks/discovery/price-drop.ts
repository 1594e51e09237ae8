/**
 * Price-drop alerts: when an active car's price goes down, every user who favorited it (except its seller)
 * gets a `price_alert` notification — written in the same transaction as the price change.
 * Attached to `cars` `afterChange` by the discovery plugin (collections/discovery/plugin.ts).
 */
import type { CollectionAfterChangeHook } from 'payload'

import type { Car } from '@payload-types'

import { carFans } from '@/db/discovery/favorites'
import { txOf } from '@/db/transaction'
import { sameId } from '@/domain/ids'
import { notify } from '@/notifications/notify'

declare module 'payload' {
  interface RequestContext {
    /** Bulk price edits (imports, seeds): no price-drop alerts. */
    skipPriceAlerts?: boolean
  }
}

/** The drop in percent, one decimal (20000 → 18000 = 10). */
export const dropPercent = (before: number, after: number): number => Math.round(((before - after) / before) * 1000) / 10

export const discoveryPriceDrop: CollectionAfterChangeHook<Car> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context?.seed || context?.skipPriceAlerts) return doc
  const before = Number(previousDoc?.price)
  const after = Number(doc?.price)
  if (!Number.isFinite(before) || !Number.isFinite(after) || !(after < before) || before <= 0) return doc
  if (doc.status !== 'active') return doc
  const tx = await txOf(req)
  const fans = await carFans(tx, doc.id)
  const currency = typeof doc.currency === 'string' ? doc.currency : 'USD'
  const pct = dropPercent(before, after)
  for (const fan of fans) {
    if (sameId(doc.seller, fan)) continue
    await notify(req, {
      user: fan,
      type: 'price_alert',
      title: { en: `Price drop: ${doc.title}`, ar: `انخفاض السعر: ${doc.title}` },
      message: {
        en: `${doc.title} is now ${currency} ${after} (was ${currency} ${before}, −${pct}%).`,
        ar: `${doc.title} أصبح الآن ${after} ${currency} (كان ${before} ${currency}، −${pct}%).`,
      },
      data: { car: doc.id, oldPrice: before, newPrice: after, dropPercent: pct, currency },
      actionUrl: `/cars/${doc.slug ?? doc.id}`,
    })
  }
  return doc
}
