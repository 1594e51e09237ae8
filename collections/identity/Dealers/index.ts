import type { CollectionConfig } from 'payload'

import { and, anyone, fieldAdminOnly, hasRole, isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'
import { DEALER_VERIFICATION, options } from '@/domain/catalog/options'
import { ensureSlug } from '@hooks/slug'
import { notifyVerification, onePerOwner, stampVerification } from '@collections/identity/Dealers/hooks'
import { stampOwner } from '@hooks/stamp-owner'

import { ownDocuments } from '../VerificationDocuments'

/**
 * Dealer profiles (company stores): one per owner. Public profile; verification documents are visible to the
 * owner and admins only; only admins change verificationStatus (the owner is notified). A verified dealer's
 * listings skip moderation.
 */
export const Dealers: CollectionConfig = {
  slug: 'dealers',
  admin: { useAsTitle: 'name', group: 'Identity', defaultColumns: ['name', 'owner', 'verificationStatus', 'createdAt'] },
  defaultSort: 'name',
  defaultPopulate: { name: true, slug: true, logo: true, verificationStatus: true },
  access: {
    read: anyone,
    create: hasRole('seller', 'admin'),
    update: or(isAdmin, and(hasRole('seller'), isOwner('owner'))),
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [stampOwner('owner'), onePerOwner, stampVerification, ensureSlug('dealers', (d, o) => String(d.name ?? o?.name ?? ''))],
    afterChange: [notifyVerification],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 160 },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
    { name: 'owner', type: 'relationship', relationTo: 'users', unique: true, index: true, admin: { position: 'sidebar', readOnly: true } },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    { name: 'banner', type: 'upload', relationTo: 'media' },
    { name: 'description', type: 'textarea', maxLength: 10000 },
    {
      name: 'contact',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'phone', type: 'text', maxLength: 32 },
            { name: 'email', type: 'email' },
            { name: 'website', type: 'text', validate: (v: unknown) => (v == null || v === '' || /^https?:\/\/\S+$/i.test(String(v)) ? true : 'website must be an http(s) URL.') },
          ],
        },
      ],
    },
    {
      name: 'location',
      type: 'group',
      fields: [
        { name: 'address', type: 'text' },
        {
          type: 'row',
          fields: [
            { name: 'city', type: 'text', index: true },
            { name: 'region', type: 'text' },
            { name: 'country', type: 'text' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'latitude', type: 'number', min: -90, max: 90 },
            { name: 'longitude', type: 'number', min: -180, max: 180 },
          ],
        },
      ],
    },
    {
      name: 'verificationStatus',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: options(DEALER_VERIFICATION),
      access: { create: fieldAdminOnly, update: fieldAdminOnly },
      admin: { position: 'sidebar', description: 'Changed by admins only; the owner is notified.' },
    },
    { name: 'verificationNote', type: 'text', ...privateField({ readers: ['admin', { owner: 'owner' }] }, { create: fieldAdminOnly, update: fieldAdminOnly }), admin: { position: 'sidebar' } },
    { name: 'verifiedAt', type: 'date', access: { create: fieldAdminOnly, update: fieldAdminOnly }, admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'documents',
      type: 'array',
      ...privateField({ readers: ['admin', { owner: 'owner' }] }),
      admin: { description: 'Verification documents: visible to the owner and admins only.' },
      fields: [
        { name: 'file', type: 'upload', relationTo: 'verification-documents', required: true, validate: ownDocuments('owner') },
        { name: 'type', type: 'select', defaultValue: 'other', options: options(['business_license', 'tax_certificate', 'id_document', 'other']) },
        { name: 'note', type: 'text' },
      ],
    },
  ],
}
