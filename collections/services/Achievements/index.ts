import type { CollectionConfig } from 'payload'

import { isAdmin, isOwner, nobody, or } from '@/access'

/** Achievements a user unlocked (one per user and key), with the reward granted. Written by the loyalty operations. */
export const Achievements: CollectionConfig = {
  slug: 'achievements',
  admin: { useAsTitle: 'key', defaultColumns: ['user', 'key', 'unlockedAt'], group: 'Services' },
  defaultSort: '-unlockedAt',
  access: { read: or(isAdmin, isOwner('user')), create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'title', type: 'text', localized: true },
    { name: 'rewardKind', type: 'text' },
    { name: 'rewardValue', type: 'number' },
    { name: 'unlockedAt', type: 'date', required: true, index: true },
  ],
  indexes: [{ fields: ['user', 'key'], unique: true }],
}
