import type { CollectionConfig, FieldAccess } from 'payload'

import { and, authenticated, fieldAdminOnly, isAdmin, isOwner, or } from '@/access'
import { NOTIFICATION_TYPES } from '@/domain/notification-types'
import { label } from '@/fields/options'

/** Server-written fields: nobody changes them through the API. */
const fieldNobody: FieldAccess = () => false

const adminWrites = { create: fieldAdminOnly, update: fieldAdminOnly }

/**
 * In-app notifications, written by notify() only (src/notifications/notify.ts); each user reads and marks
 * their own. `emailStatus` tracks the email: none, sending (until sent; retried with backoff), sent, queued (for the
 * digest), digested, failed (after the last attempt).
 */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'user', 'type', 'read', 'emailStatus', 'createdAt'], group: 'Community' },
  defaultSort: '-createdAt',
  access: {
    read: or(isAdmin, isOwner('user')),
    create: isAdmin,
    update: or(isAdmin, and(authenticated, isOwner('user'))),
    delete: or(isAdmin, isOwner('user')),
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: { update: fieldNobody } },
    { name: 'type', type: 'select', required: true, index: true, options: NOTIFICATION_TYPES.map((t) => ({ value: t, label: label(t) })), access: { update: fieldNobody } },
    { name: 'title', type: 'text', required: true, localized: true, access: adminWrites },
    { name: 'message', type: 'textarea', required: true, localized: true, access: adminWrites },
    { name: 'data', type: 'json', access: adminWrites },
    { name: 'actionUrl', type: 'text', access: adminWrites },
    { name: 'urgent', type: 'checkbox', defaultValue: false, access: adminWrites },
    { name: 'read', type: 'checkbox', defaultValue: false, index: true },
    { name: 'readAt', type: 'date' },
    {
      name: 'emailStatus',
      type: 'select',
      defaultValue: 'none',
      index: true,
      options: ['none', 'sending', 'sent', 'queued', 'digested', 'failed'].map((s) => ({ value: s, label: label(s) })),
      access: { create: fieldAdminOnly, update: fieldNobody },
      admin: { readOnly: true },
    },
    { name: 'emailedAt', type: 'date', index: true, access: { update: fieldNobody }, admin: { readOnly: true } },
    // The instant email's tries: a failed one stays `sending` until `emailNextAttemptAt`, when the
    // notification-deliveries job tries again (src/notifications/email-retry.ts); `failed` after the last.
    { name: 'emailAttempts', type: 'number', defaultValue: 0, access: { create: fieldAdminOnly, update: fieldNobody }, admin: { readOnly: true } },
    { name: 'emailNextAttemptAt', type: 'date', access: { create: fieldAdminOnly, update: fieldNobody }, admin: { readOnly: true } },
  ],
  indexes: [{ fields: ['user', 'read'] }, { fields: ['emailStatus', 'user'] }],
}
