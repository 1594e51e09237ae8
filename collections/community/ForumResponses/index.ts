import type { CollectionConfig } from 'payload'

import { authenticated, fieldRoles, hasRole, isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'
import { responseAfterChange, responseAfterDelete, responseBeforeChange } from '@hooks/community/forum'
import { stampOwner } from '@hooks/stamp-owner'

const computed = { create: () => false, update: () => false }

/** Answers in a thread. `isExpert` comes from an approved expert verification; `isAccepted` from the thread author. */
export const ForumResponses: CollectionConfig = {
  slug: 'forum-responses',
  admin: { useAsTitle: 'body', defaultColumns: ['thread', 'author', 'isExpert', 'isAccepted', 'helpfulCount', 'status', 'createdAt'], group: 'Community' },
  defaultSort: 'createdAt',
  access: {
    read: or(isAdmin, hasRole('editor'), () => ({ status: { equals: 'visible' } }), isOwner('author')),
    create: authenticated,
    update: or(isAdmin, hasRole('editor'), isOwner('author')),
    delete: or(isAdmin, hasRole('editor'), isOwner('author')),
  },
  hooks: {
    beforeChange: [stampOwner('author'), responseBeforeChange],
    afterChange: [responseAfterChange],
    afterDelete: [responseAfterDelete],
  },
  fields: [
    { name: 'thread', type: 'relationship', relationTo: 'forum-threads', required: true, index: true },
    { name: 'author', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true } },
    { name: 'body', type: 'textarea', required: true, minLength: 2, maxLength: 20000 },
    { name: 'isExpert', type: 'checkbox', defaultValue: false, index: true, access: computed, admin: { readOnly: true } },
    { name: 'isAccepted', type: 'checkbox', defaultValue: false, index: true, access: computed, admin: { readOnly: true } },
    { name: 'helpfulCount', type: 'number', custom: { integer: true }, defaultValue: 0, index: true, access: computed, admin: { readOnly: true } },
    { name: 'unhelpfulCount', type: 'number', custom: { integer: true }, defaultValue: 0, access: computed, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'visible',
      index: true,
      options: [
        { value: 'visible', label: 'Visible' },
        { value: 'hidden', label: 'Hidden (moderation)' },
      ],
      access: { create: fieldRoles('admin', 'editor'), update: fieldRoles('admin', 'editor') },
    },
    {
      name: 'flags',
      type: 'array',
      ...privateField({ readers: ['admin', 'editor'] }, { create: fieldRoles('admin'), update: fieldRoles('admin', 'editor') }),
      fields: [
        { name: 'by', type: 'relationship', relationTo: 'users' },
        { name: 'reason', type: 'text' },
        { name: 'at', type: 'date' },
      ],
    },
    { name: 'flagsCount', type: 'number', custom: { integer: true }, defaultValue: 0, index: true, access: computed, admin: { readOnly: true } },
  ],
  indexes: [{ fields: ['thread', 'status', 'createdAt'] }],
}
