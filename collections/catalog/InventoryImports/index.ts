import type { CollectionConfig, FieldAccess } from 'payload'

import { isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'
import { label } from '@/fields/options'

export const INVENTORY_IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const

const never: FieldAccess = () => false

/**
 * Dealer bulk inventory imports (docs/catalog.md, "Bulk inventory"): one row per uploaded file, written only by
 * `POST /api/inventory-imports/import` and its job. Progress (`processed` of `total`) and the per-row `report` are
 * read by the dealer who uploaded it and admins; the uploaded file itself is never served back.
 */
export const InventoryImports: CollectionConfig = {
  slug: 'inventory-imports',
  admin: { useAsTitle: 'fileName', group: 'Catalog', defaultColumns: ['fileName', 'seller', 'status', 'processed', 'total', 'createdAt'] },
  defaultSort: '-createdAt',
  access: { read: or(isAdmin, isOwner('seller')), create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'fileName', type: 'text', maxLength: 200 },
    { name: 'seller', type: 'relationship', relationTo: 'users', required: true, index: true, admin: { readOnly: true } },
    { name: 'dealer', type: 'relationship', relationTo: 'dealers', index: true, admin: { readOnly: true } },
    { name: 'status', type: 'select', required: true, defaultValue: 'queued', index: true, options: INVENTORY_IMPORT_STATUSES.map((s) => ({ value: s, label: label(s) })) },
    {
      type: 'row',
      fields: [
        { name: 'total', type: 'number', custom: { integer: true }, defaultValue: 0, admin: { description: 'Data rows in the file.' } },
        { name: 'processed', type: 'number', custom: { integer: true }, defaultValue: 0, admin: { description: 'Rows done so far.' } },
        { name: 'created', type: 'number', custom: { integer: true }, defaultValue: 0 },
        { name: 'updated', type: 'number', custom: { integer: true }, defaultValue: 0 },
        { name: 'failed', type: 'number', custom: { integer: true }, defaultValue: 0 },
      ],
    },
    { name: 'report', label: 'Import Report', type: 'json', admin: { description: 'Per row: { row, vin, result: created | updated | error, car?, errors? }.' } },
    { name: 'error', type: 'text', admin: { description: 'Why the whole import failed.' } },
    { name: 'startedAt', type: 'date' },
    { name: 'finishedAt', type: 'date' },
    // The uploaded CSV (dealer data), kept for the job; read on single documents by the uploader and admins only.
    { name: 'source', type: 'textarea', maxLength: 20_000_000, ...privateField({ readers: ['admin', { owner: 'seller' }], lists: false }, { create: never, update: never }), admin: { hidden: true } },
  ],
}
