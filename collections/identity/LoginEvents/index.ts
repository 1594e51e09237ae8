import type { CollectionConfig } from 'payload'

import { isAdmin, isOwner, nobody, or } from '@/access'
import { privateField } from '@/access/privacy'

/** Sign-in history: written by the users afterLogin hook only. */
export const LoginEvents: CollectionConfig = {
  slug: 'login-events',
  admin: { useAsTitle: 'ip', defaultColumns: ['user', 'at', 'ip', 'userAgent'], group: 'Identity' },
  defaultSort: '-at',
  access: { read: or(isAdmin, isOwner('user')), create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'at', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'ip', type: 'text', ...privateField({ readers: ['admin', { owner: 'user' }] }) },
    { name: 'userAgent', type: 'text', ...privateField({ readers: ['admin', { owner: 'user' }] }) },
  ],
}
