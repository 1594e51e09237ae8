import type { CollectionConfig } from 'payload'

import { and, fieldAdminOnly, hasRole, isAdmin, isOwner, or, whereIn } from '@/access'
import { DEFAULT_LOW_STOCK_THRESHOLD, PART_STATUSES, STOCK_STATUSES } from '@/domain/catalog/listing'
import { options, PART_CONDITIONS } from '@/domain/catalog/options'
import { ratingSummaryField } from '@/fields/ratingSummary'
import { ensureSlug } from '@hooks/slug'
import { deriveStockStatus, validatePart } from '@collections/catalog/Parts/hooks'
import { stampOwner } from '@hooks/stamp-owner'

const never = () => false

/**
 * Parts and accessories with stock and make/model/year compatibility. Public reads see active parts; sellers
 * see their own in any status; admins and editors see all. Only the seller or an admin edits or deletes.
 */
export const Parts: CollectionConfig = {
  slug: 'parts',
  admin: {
    useAsTitle: 'title',
    group: 'Catalog',
    defaultColumns: ['title', 'sku', 'category', 'brand', 'price', 'stockQuantity', 'stockStatus', 'status'],
    listSearchableFields: ['title', 'sku', 'slug'],
  },
  defaultSort: '-createdAt',
  defaultPopulate: { title: true, slug: true, sku: true, price: true, salePrice: true, currency: true, stockStatus: true, status: true, images: true, seller: true },
  access: {
    read: or(isAdmin, hasRole('editor'), isOwner('seller'), whereIn('status', ['active'])),
    create: hasRole('seller', 'admin'),
    update: or(isAdmin, and(hasRole('seller'), isOwner('seller'))),
    delete: or(isAdmin, and(hasRole('seller'), isOwner('seller'))),
  },
  hooks: {
    beforeChange: [stampOwner('seller'), validatePart, deriveStockStatus, ensureSlug('parts', (d, o) => String(d.title ?? o?.title ?? ''))],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
    { name: 'description', type: 'textarea', maxLength: 20000 },
    {
      type: 'row',
      fields: [
        { name: 'category', type: 'relationship', relationTo: 'part-categories', index: true },
        { name: 'brand', type: 'relationship', relationTo: 'part-brands', index: true },
        { name: 'sku', type: 'text', required: true, unique: true, index: true, maxLength: 64 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'price', type: 'number', required: true, min: 0, max: 10_000_000, index: true },
        { name: 'salePrice', type: 'number', min: 0, admin: { description: 'Must be lower than price.' } },
        {
          name: 'currency',
          type: 'text',
          defaultValue: 'USD',
          maxLength: 3,
          validate: (v: unknown) => (v == null || /^[A-Z]{3}$/.test(String(v)) ? true : 'currency must be a 3-letter ISO code (e.g. USD).'),
        },
        { name: 'condition', type: 'select', required: true, defaultValue: 'new', index: true, options: options(PART_CONDITIONS) },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'stockQuantity',
          type: 'number',
          custom: { integer: true },
          required: true,
          defaultValue: 0,
          min: 0,
          validate: (v: unknown) => (v == null || (Number.isInteger(Number(v)) && Number(v) >= 0) ? true : 'stockQuantity must be a whole number ≥ 0.'),
        },
        { name: 'manageStock', type: 'checkbox', defaultValue: true },
        { name: 'lowStockThreshold', type: 'number', custom: { integer: true }, defaultValue: DEFAULT_LOW_STOCK_THRESHOLD, min: 0 },
        {
          name: 'stockStatus',
          type: 'select',
          index: true,
          defaultValue: 'out_of_stock',
          options: options(STOCK_STATUSES),
          access: { create: never, update: never },
          admin: { readOnly: true, description: 'Derived: 0 → out of stock, ≤ threshold → low stock.' },
        },
      ],
    },
    { name: 'weight', type: 'number', min: 0, admin: { description: 'Kilograms.' } },
    {
      name: 'dimensions',
      type: 'group',
      admin: { description: 'Centimetres.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'length', type: 'number', min: 0 },
            { name: 'width', type: 'number', min: 0 },
            { name: 'height', type: 'number', min: 0 },
          ],
        },
      ],
    },
    { name: 'warranty', type: 'text' },
    {
      name: 'compatibility',
      type: 'array',
      admin: { description: 'Vehicles this part fits: a row without a model fits every model of the make.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'make', type: 'relationship', relationTo: 'makes', required: true, index: true },
            { name: 'model', type: 'relationship', relationTo: 'models', index: true },
            { name: 'yearFrom', type: 'number', custom: { integer: true }, min: 1886, max: 2100 },
            { name: 'yearTo', type: 'number', custom: { integer: true }, min: 1886, max: 2100 },
          ],
        },
        { name: 'notes', type: 'text' },
      ],
    },
    {
      name: 'specifications',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true },
            { name: 'value', type: 'text', required: true },
            { name: 'unit', type: 'text' },
          ],
        },
      ],
    },
    { name: 'images', type: 'upload', relationTo: 'media', hasMany: true },
    { name: 'status', type: 'select', required: true, defaultValue: 'draft', index: true, options: options(PART_STATUSES), admin: { position: 'sidebar' } },
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true, access: { create: fieldAdminOnly, update: fieldAdminOnly }, admin: { position: 'sidebar' } },
    { name: 'favoritesCount', type: 'number', custom: { integer: true }, defaultValue: 0, min: 0, access: { create: never, update: never }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'seller', type: 'relationship', relationTo: 'users', index: true, admin: { position: 'sidebar', readOnly: true } },
    { name: 'store', type: 'relationship', relationTo: 'dealers', index: true, admin: { position: 'sidebar' } },
    ratingSummaryField(),
  ],
  // Compound and partial indexes: src/db/extras/catalog.ts (table-prefixed names).
}
