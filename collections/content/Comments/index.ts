import type { CollectionConfig, Where } from 'payload'

import { fieldRoles, hasRole, or, userOf } from '@/access'
import { privateField } from '@/access/privacy'
import { COMMENT_STATUSES, COMMENT_TARGETS } from '@/domain/content'
import { label } from '@/fields/options'
import { commentsAfterChange, commentsAfterDelete, commentsBeforeChange, commentsBeforeValidate } from '@collections/content/Comments/hooks'

const moderators = hasRole('editor', 'admin')
const moderatorsOnly = privateField({ readers: ['editor', 'admin'] }, { create: () => false, update: () => false })

/**
 * Comments on posts, cars and parts, by signed-in users or guests (name + email, never public), threaded
 * (a reply's parent is on the same target), moderated (pending → approved | rejected | spam; the platform
 * setting commentModeration decides whether new comments wait). Only approved comments are public;
 * authors also see their own. Posts' commentsCount counts approved comments exactly.
 */
export const Comments: CollectionConfig = {
  slug: 'comments',
  admin: {
    useAsTitle: 'body',
    group: 'Content',
    defaultColumns: ['body', 'target', 'author', 'guestName', 'status', 'createdAt'],
    listSearchableFields: ['body', 'guestName'],
  },
  access: {
    read: or(moderators, ({ req }) => {
      const user = userOf(req)
      const approved: Where = { status: { equals: 'approved' } }
      return user ? { or: [approved, { author: { equals: user.id } }] } : approved
    }),
    create: () => true, // guests too: guarded by the honeypot, the per-IP rate limit and moderation
    update: moderators,
    delete: or(moderators, ({ req }) => {
      const user = userOf(req)
      return user ? { author: { equals: user.id } } : false
    }),
  },
  defaultSort: 'createdAt',
  indexes: [{ fields: ['status', 'createdAt'] }, { fields: ['ip', 'createdAt'] }],
  hooks: {
    beforeValidate: [commentsBeforeValidate],
    beforeChange: [commentsBeforeChange],
    afterChange: [commentsAfterChange],
    afterDelete: [commentsAfterDelete],
  },
  fields: [
    {
      name: 'target',
      type: 'relationship',
      relationTo: [...COMMENT_TARGETS],
      required: true,
      index: true,
      admin: { description: 'The post, car or part this comment is about.' },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'comments',
      index: true,
      admin: { description: 'The comment this one replies to (same target).' },
    },
    { name: 'body', type: 'textarea', required: true, maxLength: 5000 },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'guestName', type: 'text', maxLength: 80, admin: { position: 'sidebar', condition: (d) => !d?.author } },
    {
      name: 'guestEmail',
      type: 'email',
      ...privateField({ readers: ['editor', 'admin'] }, { update: fieldRoles('editor', 'admin') }),
      admin: { position: 'sidebar', condition: (d) => !d?.author, description: 'Never public.' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: COMMENT_STATUSES.map((s) => ({ value: s, label: label(s) })),
      access: { create: fieldRoles('editor', 'admin'), update: fieldRoles('editor', 'admin') },
      admin: { position: 'sidebar' },
    },
    { name: 'moderatedAt', type: 'date', ...moderatorsOnly, admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'likesCount',
      type: 'number',
      custom: { integer: true },
      defaultValue: 0,
      min: 0,
      index: true,
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', description: 'Maintained by votes (community).' },
    },
    { name: 'ip', type: 'text', ...moderatorsOnly, admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'website',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
      ...privateField({ readers: [] }),
    },
  ],
}
