import type { CollectionConfig } from 'payload'

import { isAdmin, isOwner, nobody, or } from '@/access'
import { label } from '@/fields/options'

export const LOYALTY_REASONS = ['order_delivered', 'booking_completed', 'review', 'achievement', 'checkout_redeem', 'booking_redeem', 'redeem_refund'] as const

/**
 * The loyalty points ledger: one row per earning or spending, signed `points`, the balance after it. `(reason, ref)`
 * is unique, so one order, booking or review earns once, one order or booking spends once and gets its points back once, whatever the concurrency.
 * Written by the loyalty operations only (endpoints/services/operations/loyalty.ts); each user reads their own.
 */
export const LoyaltyLedger: CollectionConfig = {
  slug: 'loyalty-ledger',
  admin: { useAsTitle: 'ref', defaultColumns: ['user', 'reason', 'points', 'balanceAfter', 'createdAt'], group: 'Services' },
  defaultSort: '-createdAt',
  access: { read: or(isAdmin, isOwner('user')), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'reason', type: 'select', required: true, index: true, options: LOYALTY_REASONS.map((v) => ({ value: v, label: label(v) })) },
    {
      name: 'ref',
      type: 'text',
      required: true,
      admin: {
        description:
          'What earned or spent the points: order:<id>, booking:<id>, review:<id>, achievement:<key>, the order or booking number (spent at checkout or booking, and given back on cancellation).',
      },
    },
    { name: 'points', type: 'number', required: true },
    { name: 'balanceAfter', type: 'number', required: true },
  ],
  indexes: [{ fields: ['reason', 'ref'], unique: true }, { fields: ['user', 'createdAt'] }],
}
