import type { CollectionConfig } from 'payload'

import { isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'
import { SUBSCRIPTION_STATUSES } from '@/domain/commerce'
import { label } from '@/fields/options'

/**
 * A seller's plan subscription. Users subscribe with `POST /api/subscriptions {plan}` (free plans activate at
 * once, paid plans when their card payment succeeds); the active plan caps the seller's listings.
 */
export const Subscriptions: CollectionConfig = {
  slug: 'subscriptions',
  // `Subscription` is GraphQL's reserved root type name.
  graphQL: { singularName: 'PlanSubscription', pluralName: 'PlanSubscriptions' },
  admin: { useAsTitle: 'id', group: 'Commerce', defaultColumns: ['user', 'plan', 'status', 'startDate', 'endDate', 'autoRenew'] },
  defaultSort: '-createdAt',
  access: {
    read: or(isAdmin, isOwner('user')),
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  indexes: [{ fields: ['user', 'status'] }, { fields: ['status', 'endDate'] }, { fields: ['status', 'graceUntil'] }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'plan', type: 'relationship', relationTo: 'plans', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending_payment',
      index: true,
      options: SUBSCRIPTION_STATUSES.map((s) => ({ value: s, label: label(s) })),
    },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date' },
        { name: 'endDate', type: 'date', index: true },
        { name: 'autoRenew', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'cancelAtPeriodEnd', type: 'checkbox', defaultValue: false, admin: { description: 'Stripe Billing: ends at endDate instead of renewing.' } },
        { name: 'graceUntil', type: 'date', index: true, admin: { description: 'past_due: a renewal failed; Stripe retries until then, then the plan lapses.' } },
        { name: 'failedAttempts', type: 'number', defaultValue: 0, min: 0 },
      ],
    },
    { name: 'stripeCustomerId', type: 'text', index: true, ...privateField({ readers: ['admin', { owner: 'user' }] }) },
    {
      name: 'stripeSubscriptionId',
      type: 'text',
      index: true,
      ...privateField({ readers: ['admin', { owner: 'user' }] }),
      admin: { description: 'For Stripe Billing subscriptions (renewals); empty for one-off plan payments.' },
    },
  ],
}
