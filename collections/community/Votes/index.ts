import type { CollectionConfig } from 'payload'

import { authenticated, isAdmin, isOwner, or } from '@/access'
import { VOTABLE_COLLECTIONS, VOTE_VALUES } from '@/domain/community'
import { voteAfterChange, voteAfterDelete, voteBeforeChange } from '@hooks/community/votes'
import { stampOwner } from '@hooks/stamp-owner'

/** Votable collections: reviews and forum responses (helpful/unhelpful), blog comments (like). */
export const VOTE_TARGETS = [...VOTABLE_COLLECTIONS]

const computed = { create: () => false, update: () => false }

/**
 * One vote per user per target: helpful/unhelpful on reviews and forum responses, like on comments.
 * `POST /api/votes { target: { relationTo, value }, value }` toggles (same value again removes it) or replaces.
 */
export const Votes: CollectionConfig = {
  slug: 'votes',
  admin: { useAsTitle: 'value', defaultColumns: ['user', 'targetCollection', 'targetId', 'value', 'createdAt'], group: 'Community' },
  access: {
    read: or(isAdmin, isOwner('user')),
    create: authenticated,
    update: or(isAdmin, isOwner('user')),
    delete: or(isAdmin, isOwner('user')),
  },
  hooks: {
    beforeChange: [stampOwner('user'), voteBeforeChange],
    afterChange: [voteAfterChange],
    afterDelete: [voteAfterDelete],
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true } },
    { name: 'target', type: 'relationship', relationTo: VOTE_TARGETS, required: true },
    { name: 'value', type: 'select', required: true, options: VOTE_VALUES.map((v) => ({ value: v, label: v[0].toUpperCase() + v.slice(1) })) },
    { name: 'targetCollection', type: 'text', index: true, access: computed, admin: { readOnly: true } },
    { name: 'targetId', type: 'number', custom: { integer: true }, index: true, access: computed, admin: { readOnly: true } },
  ],
  indexes: [{ fields: ['targetCollection', 'targetId'] }],
}
