/**
 * Price-drop alerts: when an active car's price goes down, every user who favorited it (except its seller)
 * gets a `price_alert` notification — written in the same transaction as the price change.
 * Registered in collections/catalog/Cars/index.ts `hooks.afterChange`.
 */
import type { CollectionAfterChangeHook } from 'payload'

import { sql, txOf } from '@/db/transaction'
import { notify } from '@/notifications/notify'

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id?: unknown }).id : v)

/** The drop in percent, one decimal (20000 → 18000 = 10). */
export const dropPercent = (before: number, after: number): number => Math.round(((before - after) / before) * 1000) / 10

export const discoveryPriceDrop: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context?.seed || context?.skipPriceAlerts) return doc
  const before = Number(previousDoc?.price)
  const after = Number(doc?.price)
  if (!Number.isFinite(before) || !Number.isFinite(after) || !(after < before) || before <= 0) return doc
  if (doc.status !== 'active') return doc
  const tx = await txOf(req)
  const fans = await tx.execute(sql`select distinct user_id from favorites where item_type = 'cars' and item_id = ${Number(doc.id)} order by user_id`)
  const seller = idOf(doc.seller)
  const currency = typeof doc.currency === 'string' ? doc.currency : 'USD'
  const pct = dropPercent(before, after)
  for (const row of fans.rows) {
    if (seller != null && String(row.user_id) === String(seller)) continue
    await notify(req, {
      user: Number(row.user_id),
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
