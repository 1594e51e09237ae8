import type { CollectionConfig } from 'payload'

import { authenticated, fieldAdminOnly, isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'
import { EXPERTISE_AREAS, expertVerificationWorkflow } from '@/domain/community'
import { statusOptions } from '@/workflows/engine'
import { workflowGuard } from '@/workflows/apply'
import { label } from '@/fields/options'
import { stampOwner } from '@hooks/stamp-owner'

import { ownDocuments } from '../VerificationDocuments'

/**
 * A user's request to be recognized as an expert in the forum. Admins approve or reject it (the user is
 * notified: verification_status); an approved request makes the user's new forum answers `isExpert`.
 */
export const ExpertVerifications: CollectionConfig = {
  slug: 'expert-verifications',
  admin: { useAsTitle: 'id', defaultColumns: ['user', 'expertiseAreas', 'yearsOfExperience', 'status', 'createdAt'], group: 'Identity' },
  defaultSort: '-createdAt',
  access: {
    read: or(isAdmin, isOwner('user')),
    create: authenticated,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [stampOwner('user'), workflowGuard(expertVerificationWorkflow)],
    // + community (its plugin): expert badge on approval, decision stamps and notification
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true } },
    {
      name: 'expertiseAreas',
      type: 'select',
      hasMany: true,
      required: true,
      options: EXPERTISE_AREAS.map((a) => ({ value: a, label: label(a) })),
    },
    { name: 'yearsOfExperience', type: 'number', custom: { integer: true }, required: true, min: 0, max: 80 },
    { name: 'credentials', type: 'textarea', maxLength: 3000, ...privateField({ readers: ['admin', { owner: 'user' }] }), admin: { description: 'Certifications, workshop, employer…' } },
    {
      name: 'documents',
      type: 'upload',
      relationTo: 'verification-documents',
      hasMany: true,
      ...privateField({ readers: ['admin', { owner: 'user' }] }),
      maxRows: 10,
      validate: ownDocuments('user'),
      admin: { description: 'Your own verification documents (PDF, JPEG, PNG): visible to you and admins only.' },
    },
    { name: 'status', type: 'select', defaultValue: 'pending', index: true, options: statusOptions(expertVerificationWorkflow) },
    { name: 'reviewNotes', type: 'textarea', ...privateField({ readers: ['admin', { owner: 'user' }] }, { create: fieldAdminOnly, update: fieldAdminOnly }) },
    { name: 'reviewedBy', type: 'relationship', relationTo: 'users', access: { create: () => false, update: () => false }, admin: { readOnly: true } },
    { name: 'reviewedAt', type: 'date', access: { create: () => false, update: () => false }, admin: { readOnly: true } },
  ],
}
