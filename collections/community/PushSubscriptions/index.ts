import type { CollectionConfig } from 'payload'

import { isAdmin, isOwner, nobody, or, privateField } from '@/access'

/**
 * Web Push subscriptions, one per device (browser push endpoint), registered by
 * `POST /api/push-subscriptions/register` (an upsert by endpoint) and removed by the owner, or automatically when
 * the push service answers 404/410 (src/notifications/push.ts). The endpoint and keys are the device's secrets.
 */
export const PushSubscriptions: CollectionConfig = {
  slug: 'push-subscriptions',
  admin: { useAsTitle: 'device', defaultColumns: ['device', 'user', 'lastSuccessAt', 'createdAt'], group: 'Community' },
  defaultSort: '-createdAt',
  access: { read: or(isAdmin, isOwner('user')), create: nobody, update: nobody, delete: or(isAdmin, isOwner('user')) },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'device', type: 'text', maxLength: 120, admin: { description: 'A label for the device (browser, phone).' } },
    { name: 'endpoint', type: 'text', required: true, unique: true, ...privateField({ readers: ['admin', { owner: 'user' }] }) },
    { name: 'p256dh', type: 'text', required: true, ...privateField({ readers: ['admin', { owner: 'user' }] }) },
    { name: 'auth', type: 'text', required: true, ...privateField({ readers: ['admin', { owner: 'user' }] }) },
    { name: 'userAgent', type: 'text', ...privateField({ readers: ['admin', { owner: 'user' }] }) },
    { name: 'lastSuccessAt', type: 'date' },
  ],
}
