import type { CollectionConfig } from 'payload'

import { isAdmin, isOwner, nobody, or } from '@/access'
import { label } from '@/fields/options'

export const LOYALTY_ALERTS = ['milestone_approaching', 'inactivity', 'high_value_customer'] as const

/**
 * The record of loyalty alerts raised (docs/loyalty.md, "Alerts"): one row per user and occasion `key`
 * (`milestone:bookings_10`, `milestone:level_gold`, `inactivity:<last activity>`, `high_value:<threshold>`). The
 * unique (user, key) makes each alert once, whatever the concurrency; the notification itself follows the user's
 * preferences. Written by the loyalty operations only (endpoints/services/operations/loyalty.ts).
 */
export const LoyaltyAlerts: CollectionConfig = {
  slug: 'loyalty-alerts',
  admin: { useAsTitle: 'key', defaultColumns: ['user', 'alert', 'key', 'createdAt'], group: 'Services' },
  defaultSort: '-createdAt',
  access: { read: or(isAdmin, isOwner('user')), create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'alert', type: 'select', required: true, index: true, options: LOYALTY_ALERTS.map((v) => ({ value: v, label: label(v) })) },
    { name: 'key', type: 'text', required: true, admin: { description: 'The occasion: one alert per user and key.' } },
  ],
  indexes: [{ fields: ['user', 'key'], unique: true }],
}
