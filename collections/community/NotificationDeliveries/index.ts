import type { CollectionConfig } from 'payload'

import { isAdmin, nobody, privateField } from '@/access'
import { label } from '@/fields/options'

export const DELIVERY_CHANNELS = ['sms', 'push'] as const
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'gone'] as const

/**
 * One row per notification × channel × target (a phone, a push subscription): what was sent, in the recipient's
 * language, and how it went. `pending` rows are retried with backoff by the `notification-deliveries` job
 * (src/notifications/deliveries.ts) until `sent`, `failed` (attempts exhausted) or `gone` (the push
 * subscription expired: 404/410). Written by the notification service only; admins read them.
 */
export const NotificationDeliveries: CollectionConfig = {
  slug: 'notification-deliveries',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'channel', 'status', 'attempts', 'user', 'createdAt'], group: 'Community' },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'notification', type: 'relationship', relationTo: 'notifications', index: true },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'type', type: 'text', index: true },
    { name: 'channel', type: 'select', required: true, index: true, options: DELIVERY_CHANNELS.map((v) => ({ value: v, label: label(v) })) },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: DELIVERY_STATUSES.map((v) => ({ value: v, label: label(v) })) },
    { name: 'target', type: 'text', ...privateField({ readers: ['admin'] }), admin: { description: 'The phone (E.164) or the push subscription id.' } },
    { name: 'subscription', type: 'relationship', relationTo: 'push-subscriptions' },
    { name: 'locale', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'body', type: 'textarea' },
    { name: 'actionUrl', type: 'text' },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'nextAttemptAt', type: 'date', index: true },
    { name: 'sentAt', type: 'date' },
    { name: 'lastStatus', type: 'number', admin: { description: "The provider's last HTTP status." } },
    { name: 'lastError', type: 'text' },
  ],
  indexes: [{ fields: ['status', 'nextAttemptAt'] }],
}
