import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'
import { PAYMENT_STATUSES, PAYMENT_TARGETS } from '@/domain/commerce'
import { label } from '@/fields/options'

/** `targetType` mirrors `target.relationTo` so lists (billing history) filter on an indexed column. */
const stampTargetType: CollectionBeforeChangeHook = ({ data }) => {
  const relationTo = (data?.target as { relationTo?: string } | undefined)?.relationTo
  return relationTo ? { ...data, targetType: relationTo.replace(/-/g, '_') } : data
}

/**
 * The payments ledger: one row per attempt to take money, for orders, parking and service bookings and
 * subscriptions. Written only by server code (checkout, createCardPayment, the Stripe webhook, cancellations).
 */
export const Payments: CollectionConfig = {
  slug: 'payments',
  admin: {
    useAsTitle: 'description',
    group: 'Commerce',
    defaultColumns: ['description', 'provider', 'amount', 'currency', 'status', 'refundedAmount', 'createdAt'],
  },
  access: {
    read: or(isAdmin, isOwner('user')),
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: { beforeChange: [stampTargetType] },
  indexes: [{ fields: ['user', 'targetType'] }],
  fields: [
    { name: 'description', type: 'text', maxLength: 300 },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, admin: { description: 'Who pays.' } },
    {
      name: 'provider',
      type: 'select',
      required: true,
      index: true,
      options: [
        { value: 'stripe', label: 'Stripe' },
        { value: 'cash', label: 'Cash' },
        { value: 'manual', label: 'Manual' },
      ],
    },
    { name: 'intentId', type: 'text', unique: true, ...privateField({ readers: ['admin', { owner: 'user' }] }), admin: { description: 'Stripe PaymentIntent id.' } },
    { name: 'chargeId', type: 'text', index: true, ...privateField({ readers: ['admin', { owner: 'user' }] }) },
    {
      type: 'row',
      fields: [
        { name: 'amount', type: 'number', required: true, min: 0 },
        { name: 'currency', type: 'text', required: true, defaultValue: 'USD', maxLength: 3 },
        { name: 'refundedAmount', type: 'number', defaultValue: 0, min: 0 },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'requires_payment',
      options: PAYMENT_STATUSES.map((s) => ({ value: s, label: label(s) })),
    },
    { name: 'target', type: 'relationship', relationTo: [...PAYMENT_TARGETS], required: true, index: true },
    {
      name: 'targetType',
      type: 'select',
      index: true,
      options: PAYMENT_TARGETS.map((t) => ({ value: t.replace(/-/g, '_'), label: label(t.replace(/-/g, '_')) })),
      admin: { readOnly: true, description: 'Set from target (snake_case).' },
    },
    { name: 'paidAt', type: 'date' },
    { name: 'refundedAt', type: 'date' },
    { name: 'failureMessage', type: 'text', maxLength: 500 },
    {
      name: 'refunds',
      type: 'array',
      admin: { description: 'Refunds issued through the provider.' },
      fields: [
        { name: 'refundId', type: 'text', ...privateField({ readers: ['admin', { owner: 'user' }] }) },
        { name: 'amount', type: 'number' },
        { name: 'reason', type: 'text' },
        { name: 'at', type: 'date' },
      ],
    },
  ],
  timestamps: true,
}
