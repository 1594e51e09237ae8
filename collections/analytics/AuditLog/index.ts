import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'
import { privateField } from '@/access/privacy'

import { auditLogBeforeOperation } from './hooks'

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const

/**
 * Who changed what: one entry per sensitive change (users' roles, status and API key; orders; payments and
 * refunds; listings' status and price; platform settings), with the actor, time, IP and the before/after of
 * the changed fields. Written only by the analytics domain's hooks (hooks/analytics/audit.ts), in the
 * change's transaction. Admins read it; nobody updates or deletes an entry through any API — REST, GraphQL or
 * the Local API even with overrideAccess (the beforeOperation hook refuses) — only the retention job purges
 * entries older than `auditRetentionDays` (platform settings).
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: { useAsTitle: 'summary', defaultColumns: ['createdAt', 'actor', 'entity', 'docId', 'action', 'summary'], group: 'System' },
  defaultSort: '-createdAt',
  lockDocuments: false,
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeOperation: [auditLogBeforeOperation] },
  fields: [
    { name: 'entity', type: 'text', required: true, index: true, admin: { description: 'Collection or global slug.' } },
    { name: 'docId', type: 'text', index: true },
    { name: 'action', type: 'select', required: true, options: AUDIT_ACTIONS.map((a) => ({ label: a, value: a })) },
    { name: 'actor', type: 'relationship', relationTo: 'users', index: true, admin: { description: 'Empty for system changes (jobs, webhooks).' } },
    { name: 'ip', type: 'text', ...privateField({ readers: ['admin'] }) },
    { name: 'summary', type: 'text' },
    { name: 'changes', type: 'json', ...privateField({ readers: ['admin'] }), admin: { description: '{ field: { before, after } } of the changed sensitive fields.' } },
  ],
}
