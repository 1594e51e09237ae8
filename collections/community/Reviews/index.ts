import type { CollectionConfig } from 'payload'

import { authenticated, fieldRoles, hasRole, isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'
import { ASPECTS, REVIEW_BOOKINGS, REVIEW_DEFAULT_STATUS, REVIEW_TARGETS, reviewModeration } from '@/domain/community/reviews'
import { statusOptions } from '@/workflows/engine'
import { reviewAfterChange, reviewAfterDelete, reviewBeforeChange } from '@collections/community/Reviews/hooks'
import { stampOwner } from '@hooks/stamp-owner'

/** Whole stars. */
const star = { type: 'number' as const, custom: { integer: true }, min: 1, max: 5 }
const readOnly = { readOnly: true }
const computed = { create: () => false, update: () => false }

/**
 * Reviews of cars, parts, users (sellers), parking spots, services and technicians. Published at once
 * (`approved`); reports send a review back to moderation. The target's `rating` summary is maintained from
 * the approved reviews in the same transaction.
 */
export const Reviews: CollectionConfig = {
  slug: 'reviews',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'rating', 'targetCollection', 'author', 'status', 'verifiedPurchase', 'createdAt'],
    group: 'Community',
  },
  defaultSort: '-createdAt',
  access: {
    read: or(isAdmin, hasRole('editor'), () => ({ status: { equals: 'approved' } }), isOwner('author'), isOwner('targetOwner')),
    create: authenticated,
    update: or(isAdmin, hasRole('editor'), isOwner('author'), isOwner('targetOwner')),
    delete: or(isAdmin, hasRole('editor'), isOwner('author')),
  },
  hooks: {
    beforeChange: [stampOwner('author'), reviewBeforeChange],
    afterChange: [reviewAfterChange],
    afterDelete: [reviewAfterDelete],
  },
  fields: [
    { name: 'target', type: 'relationship', relationTo: [...REVIEW_TARGETS], required: true },
    { name: 'author', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true } },
    {
      name: 'booking',
      type: 'relationship',
      relationTo: [...REVIEW_BOOKINGS],
      admin: { description: 'Optional: a review of one booking (one review per booking).' },
    },
    { name: 'rating', ...star, required: true, index: true },
    {
      name: 'aspects',
      type: 'group',
      admin: { description: 'Optional 1–5 ratings of the aspects that apply to the target.' },
      fields: [{ type: 'row', fields: ASPECTS.map((name) => ({ name, ...star })) }],
    },
    { name: 'title', type: 'text', maxLength: 160 },
    { name: 'content', type: 'textarea', maxLength: 5000 },
    { name: 'images', type: 'upload', relationTo: 'media', hasMany: true, maxRows: 10 },
    {
      name: 'verifiedPurchase',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: computed,
      admin: { ...readOnly, description: 'Computed by the server from orders, bookings and negotiations.' },
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: REVIEW_DEFAULT_STATUS,
      index: true,
      options: statusOptions(reviewModeration),
      access: { create: fieldRoles('admin', 'editor'), update: fieldRoles('admin', 'editor') },
    },
    { name: 'moderationNote', type: 'text', ...privateField({ readers: ['admin', 'editor'] }, { create: fieldRoles('admin', 'editor'), update: fieldRoles('admin', 'editor') }) },
    {
      name: 'sellerResponse',
      type: 'group',
      admin: { description: 'Answer by the owner of the reviewed item.' },
      fields: [
        { name: 'content', type: 'textarea', maxLength: 3000 },
        { name: 'at', type: 'date', admin: readOnly },
      ],
    },
    {
      name: 'reports',
      type: 'array',
      ...privateField({ readers: ['admin', 'editor'] }, { create: fieldRoles('admin'), update: fieldRoles('admin', 'editor') }),
      admin: { description: 'Reports by users (POST /api/reviews/:id/report).' },
      fields: [
        { name: 'by', type: 'relationship', relationTo: 'users' },
        { name: 'reason', type: 'text' },
        { name: 'at', type: 'date' },
      ],
    },
    { name: 'reportsCount', type: 'number', custom: { integer: true }, defaultValue: 0, index: true, access: computed, admin: readOnly },
    { name: 'helpfulCount', type: 'number', custom: { integer: true }, defaultValue: 0, index: true, access: computed, admin: readOnly },
    { name: 'unhelpfulCount', type: 'number', custom: { integer: true }, defaultValue: 0, access: computed, admin: readOnly },
    // Server-maintained keys (the polymorphic relationships live in reviews_rels; these make SQL simple).
    { name: 'targetCollection', type: 'text', index: true, access: computed, admin: { ...readOnly, position: 'sidebar' } },
    { name: 'targetId', type: 'number', custom: { integer: true }, index: true, access: computed, admin: { ...readOnly, position: 'sidebar' } },
    { name: 'targetOwner', type: 'relationship', relationTo: 'users', index: true, access: computed, admin: { ...readOnly, position: 'sidebar' } },
    { name: 'bookingKey', type: 'text', index: true, ...privateField({ readers: ['admin'] }, computed), admin: { hidden: true } },
  ],
  indexes: [{ fields: ['targetCollection', 'targetId', 'status'] }],
}
