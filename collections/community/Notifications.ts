import type { CollectionConfig } from 'payload'

import { and, authenticated, isAdmin, isOwner, nobody, or } from '@/access'
import { NOTIFICATION_TYPES } from '@/domain/notification-types'

const label = (v: string) => v.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())

/** In-app notifications, written by notify() only; each user reads and marks their own. */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'user', 'type', 'read', 'createdAt'], group: 'Community' },
  defaultSort: '-createdAt',
  access: {
    read: or(isAdmin, isOwner('user')),
    create: isAdmin,
    update: or(isAdmin, and(authenticated, isOwner('user'))),
    delete: or(isAdmin, isOwner('user')),
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: { update: () => false } },
    { name: 'type', type: 'select', required: true, index: true, options: NOTIFICATION_TYPES.map((t) => ({ value: t, label: label(t) })), access: { update: () => false } },
    { name: 'title', type: 'text', required: true, localized: true },
    { name: 'message', type: 'textarea', required: true, localized: true },
    { name: 'data', type: 'json' },
    { name: 'actionUrl', type: 'text' },
    { name: 'read', type: 'checkbox', defaultValue: false, index: true },
    { name: 'readAt', type: 'date' },
    { name: 'emailedAt', type: 'date', index: true, access: { update: nobody as never }, admin: { readOnly: true } },
  ],
  indexes: [{ fields: ['user', 'read'] }],
}
