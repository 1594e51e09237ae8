import type { CollectionConfig } from 'payload'

import { isAdmin, nobody, privateField } from '@/access'
import { label } from '@/fields/options'

/**
 * Phone verification by one-time code (endpoints/identity/operations/phone.ts): one row per code sent
 * (`kind: code`, the code kept only as an HMAC) and one per wrong code presented (`kind: failure`), which the
 * per-phone and per-IP limits count. Written by the phone operations only; admins read them.
 */
export const PhoneVerifications: CollectionConfig = {
  slug: 'phone-verifications',
  admin: { useAsTitle: 'phone', defaultColumns: ['phone', 'kind', 'user', 'attempts', 'expiresAt', 'consumedAt', 'createdAt'], group: 'Identity' },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'kind', type: 'select', required: true, index: true, options: ['code', 'failure'].map((v) => ({ value: v, label: label(v) })) },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true },
    { name: 'phone', type: 'text', required: true, index: true, ...privateField({ readers: ['admin'] }) },
    { name: 'ip', type: 'text', index: true, ...privateField({ readers: ['admin'] }) },
    { name: 'codeHash', type: 'text', ...privateField({ readers: [] }) },
    { name: 'expiresAt', type: 'date' },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'consumedAt', type: 'date' },
  ],
  indexes: [{ fields: ['phone', 'kind'] }, { fields: ['ip', 'kind'] }],
}
