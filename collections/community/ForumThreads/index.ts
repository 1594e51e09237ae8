import type { CollectionConfig } from 'payload'

import { anyone, authenticated, fieldRoles, hasRole, isAdmin, isOwner, or } from '@/access'
import { threadWorkflow } from '@/domain/community'
import { statusOptions } from '@/workflows/engine'
import { workflowGuard } from '@/workflows/apply'
import { threadBeforeChange } from '@hooks/community/forum'
import { stampOwner } from '@hooks/stamp-owner'

const computed = { create: () => false, update: () => false }
const moderators = { create: fieldRoles('admin', 'editor'), update: fieldRoles('admin', 'editor') }

/** Questions in the forum. The author accepts an answer (`POST /:id/accept`), which resolves the thread. */
export const ForumThreads: CollectionConfig = {
  slug: 'forum-threads',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'category', 'author', 'status', 'responsesCount', 'lastActivityAt'], group: 'Community' },
  defaultSort: '-lastActivityAt',
  access: {
    read: anyone,
    create: authenticated,
    update: or(isAdmin, hasRole('editor'), isOwner('author')),
    delete: or(isAdmin, hasRole('editor'), isOwner('author')),
  },
  hooks: { beforeChange: [stampOwner('author'), threadBeforeChange, workflowGuard(threadWorkflow)] },
  fields: [
    { name: 'title', type: 'text', required: true, minLength: 5, maxLength: 200 },
    { name: 'body', type: 'textarea', required: true, maxLength: 20000 },
    { name: 'category', type: 'relationship', relationTo: 'forum-categories', required: true, index: true },
    { name: 'author', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true } },
    {
      name: 'car',
      type: 'group',
      admin: { description: 'Optional: the car the question is about.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'make', type: 'relationship', relationTo: 'makes', index: true },
            { name: 'model', type: 'relationship', relationTo: 'models' },
            { name: 'year', type: 'number', custom: { integer: true }, min: 1900, max: 2100 },
          ],
        },
      ],
    },
    { name: 'status', type: 'select', defaultValue: 'open', index: true, options: statusOptions(threadWorkflow) },
    { name: 'pinned', type: 'checkbox', defaultValue: false, index: true, access: moderators },
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true, access: moderators },
    { name: 'acceptedResponse', type: 'relationship', relationTo: 'forum-responses', access: computed, admin: { readOnly: true } },
    { name: 'viewsCount', type: 'number', custom: { integer: true }, defaultValue: 0, access: computed, admin: { readOnly: true } },
    { name: 'responsesCount', type: 'number', custom: { integer: true }, defaultValue: 0, index: true, access: computed, admin: { readOnly: true } },
    { name: 'lastActivityAt', type: 'date', index: true, access: computed, admin: { readOnly: true } },
  ],
  indexes: [{ fields: ['category', 'pinned', 'lastActivityAt'] }],
}
