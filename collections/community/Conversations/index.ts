import type { Access, CollectionConfig } from 'payload'

import { authenticated, isAdmin, or, userOf } from '@/access'
import { LISTING_COLLECTIONS } from '@/domain/community'
import { conversationBeforeChange, unreadForCaller } from '@hooks/community/messaging'

/** Only the two participants (and admins) see a conversation; it is filtered in SQL, never listed to others. */
export const participantsOnly: Access = ({ req }) => {
  const user = userOf(req)
  return user ? { participants: { equals: user.id } } : false
}

const computed = { create: () => false, update: () => false }

/**
 * Two-person conversations, optionally about a car or part listing (`POST /api/contact-seller` opens or
 * reuses one per buyer and listing). Messages: `POST /api/conversations/:id/messages`; mark read:
 * `POST /api/conversations/:id/read`.
 */
export const Conversations: CollectionConfig = {
  slug: 'conversations',
  admin: { useAsTitle: 'subject', defaultColumns: ['subject', 'participants', 'listing', 'lastMessageAt'], group: 'Community' },
  defaultSort: '-lastMessageAt',
  access: {
    read: or(isAdmin, participantsOnly),
    create: authenticated,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: { beforeChange: [conversationBeforeChange] },
  fields: [
    { name: 'participants', type: 'relationship', relationTo: 'users', hasMany: true, required: true, minRows: 2, maxRows: 2, index: true },
    { name: 'initiator', type: 'relationship', relationTo: 'users', index: true, access: computed, admin: { readOnly: true } },
    { name: 'listing', type: 'relationship', relationTo: [...LISTING_COLLECTIONS] },
    { name: 'listingKey', type: 'text', index: true, access: computed, admin: { hidden: true } },
    { name: 'subject', type: 'text', maxLength: 200 },
    { name: 'lastMessageAt', type: 'date', index: true, access: computed, admin: { readOnly: true } },
    { name: 'lastMessagePreview', type: 'text', access: computed, admin: { readOnly: true } },
    { name: 'lastMessageBy', type: 'relationship', relationTo: 'users', access: computed, admin: { readOnly: true } },
    {
      name: 'unread',
      type: 'array',
      access: computed,
      admin: { readOnly: true, description: 'Unread messages per participant.' },
      fields: [
        { name: 'user', type: 'relationship', relationTo: 'users', index: true },
        { name: 'count', type: 'number', custom: { integer: true }, defaultValue: 0 },
      ],
    },
    { name: 'unreadCount', type: 'number', custom: { integer: true }, virtual: true, admin: { hidden: true }, hooks: { afterRead: [unreadForCaller] } },
  ],
}
