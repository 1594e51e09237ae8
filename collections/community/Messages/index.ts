import type { Access, CollectionConfig, Where } from 'payload'

import { authenticated, isAdmin, or, userOf } from '@/access'
import { messageAfterChange, messageBeforeChange } from '@hooks/community/messaging'
import { stampOwner } from '@hooks/stamp-owner'

/** Sender or recipient (the two participants of the conversation). */
const ownMessages: Access = ({ req }) => {
  const user = userOf(req)
  return user ? ({ or: [{ sender: { equals: user.id } }, { recipient: { equals: user.id } }] } as Where) : false
}

const computed = { create: () => false, update: () => false }

/** Messages of a conversation; readable by its two participants only. */
export const Messages: CollectionConfig = {
  slug: 'messages',
  admin: { useAsTitle: 'body', defaultColumns: ['conversation', 'sender', 'recipient', 'body', 'readAt', 'createdAt'], group: 'Community' },
  defaultSort: 'createdAt',
  access: {
    read: or(isAdmin, ownMessages),
    create: authenticated,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: { beforeChange: [stampOwner('sender'), messageBeforeChange], afterChange: [messageAfterChange] },
  fields: [
    { name: 'conversation', type: 'relationship', relationTo: 'conversations', required: true, index: true },
    { name: 'sender', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true } },
    { name: 'recipient', type: 'relationship', relationTo: 'users', index: true, access: computed, admin: { readOnly: true } },
    { name: 'body', type: 'textarea', required: true, maxLength: 5000 },
    { name: 'attachments', type: 'upload', relationTo: 'media', hasMany: true, maxRows: 10 },
    { name: 'readAt', type: 'date', index: true, access: computed, admin: { readOnly: true, description: 'When the recipient read it.' } },
  ],
  indexes: [{ fields: ['conversation', 'createdAt'] }, { fields: ['recipient', 'readAt'] }],
}
