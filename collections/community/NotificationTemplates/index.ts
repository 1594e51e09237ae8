import type { CollectionConfig } from 'payload'

import { hasRole, isAdmin, or } from '@/access'
import { NOTIFICATION_TYPES } from '@/domain/notification-types'
import { label } from '@/fields/options'
import { invalidateNotificationTemplates } from '@/notifications/notify'

const staff = or(isAdmin, hasRole('editor'))

/**
 * Per-type notification texts, edited by editors in the admin panel, in English and Arabic. When an active template
 * exists for a type, notify() renders it (`{{name}}` placeholders filled from the event's data) for the in-app record,
 * the email, the SMS and the push; otherwise the texts the event passes are used.
 */
export const NotificationTemplates: CollectionConfig = {
  slug: 'notification-templates',
  admin: {
    useAsTitle: 'type',
    defaultColumns: ['type', 'title', 'active', 'updatedAt'],
    group: 'Community',
    description: 'Title and body per notification type and language. Placeholders: {{name}} (see the type’s docs in docs/notifications.md).',
  },
  access: { read: staff, create: staff, update: staff, delete: staff },
  // notify() keeps the active templates for a few seconds (src/notifications/notify.ts): a save or delete drops them.
  hooks: { afterChange: [() => invalidateNotificationTemplates()], afterDelete: [() => invalidateNotificationTemplates()] },
  fields: [
    { name: 'type', type: 'select', required: true, unique: true, index: true, options: NOTIFICATION_TYPES.map((t) => ({ value: t, label: label(t) })) },
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 200 },
    { name: 'body', type: 'textarea', required: true, localized: true, maxLength: 2000 },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
  ],
}
