import type { CollectionConfig } from 'payload'

import { and, fieldAdminOnly, hasRole, isAdmin, isOwner, or, whereIn } from '@/access'
import { privateField } from '@/access/privacy'
import { CAR_STATUSES, PUBLIC_CAR_STATUSES } from '@/domain/catalog/listing'
import { BODY_TYPES, CAR_CONDITIONS, DRIVE_TYPES, FUEL_TYPES, options, TRANSMISSIONS } from '@/domain/catalog/options'
import { ratingSummaryField } from '@/fields/ratingSummary'
import { ensureSlug } from '@hooks/slug'
import {
  defaultPrimaryImage,
  moderateListingStatus,
  normalizeVinField,
  recordPriceChange,
  stampPublishedAt,
  validateCarRelations,
  vinValidate,
  whatsappFromPhone,
} from '@collections/catalog/Cars/hooks'
import { stampOwner } from '@hooks/stamp-owner'

const never = () => false
const readOnlyCounter = (name: string) =>
  ({
    name,
    type: 'number',
    custom: { integer: true },
    defaultValue: 0,
    min: 0,
    index: true,
    access: { create: never, update: never },
    admin: { readOnly: true, position: 'sidebar' },
  }) as const

/**
 * Car listings. Public reads see active, sale_pending and sold listings (never pending_review); sellers see their own in any status; admins and
 * editors see all. Only the seller or an admin edits or deletes; editors moderate through
 * `POST /api/cars/:id/approve|reject`.
 */
export const Cars: CollectionConfig = {
  slug: 'cars',
  admin: {
    useAsTitle: 'title',
    group: 'Catalog',
    defaultColumns: ['title', 'make', 'model', 'year', 'price', 'status', 'seller', 'createdAt'],
    listSearchableFields: ['title', 'slug', 'vin'],
  },
  defaultSort: '-createdAt',
  defaultPopulate: { title: true, slug: true, price: true, currency: true, status: true, year: true, make: true, model: true, primaryImage: true, seller: true, location: true },
  access: {
    read: or(isAdmin, hasRole('editor'), isOwner('seller'), whereIn('status', PUBLIC_CAR_STATUSES)),
    create: hasRole('seller', 'admin'),
    update: or(isAdmin, and(hasRole('seller'), isOwner('seller'))),
    delete: or(isAdmin, and(hasRole('seller'), isOwner('seller'))),
  },
  hooks: {
    // Other domains' plugins append theirs: commerce (listing quota, beforeChange), discovery (price-drop alerts).
    beforeChange: [
      stampOwner('seller'),
      validateCarRelations,
      moderateListingStatus,
      stampPublishedAt,
      ensureSlug('cars', (d, o) => [d.title ?? o?.title, d.year ?? o?.year].filter(Boolean).join(' ')),
      recordPriceChange,
      defaultPrimaryImage,
    ],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar', description: 'Generated from the title when empty; unique.' } },
    { name: 'description', type: 'textarea', maxLength: 20000 },
    {
      type: 'row',
      fields: [
        { name: 'make', type: 'relationship', relationTo: 'makes', required: true, index: true },
        { name: 'model', type: 'relationship', relationTo: 'models', required: true, index: true, admin: { description: 'Must belong to the make.' } },
        { name: 'year', type: 'number', custom: { integer: true }, required: true, min: 1900, max: 2100, index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'condition', type: 'select', required: true, defaultValue: 'used', index: true, options: options(CAR_CONDITIONS) },
        { name: 'price', type: 'number', required: true, min: 0, max: 100_000_000, index: true },
        {
          name: 'currency',
          type: 'text',
          defaultValue: 'USD',
          maxLength: 3,
          validate: (v: unknown) => (v == null || /^[A-Z]{3}$/.test(String(v)) ? true : 'currency must be a 3-letter ISO code (e.g. USD).'),
        },
        { name: 'msrp', type: 'number', min: 0 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'mileage', type: 'number', custom: { integer: true }, min: 0, defaultValue: 0, index: true },
        { name: 'fuelType', type: 'select', index: true, options: options(FUEL_TYPES) },
        { name: 'transmission', type: 'select', index: true, options: options(TRANSMISSIONS) },
        { name: 'driveType', type: 'select', index: true, options: options(DRIVE_TYPES) },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'bodyType', type: 'select', index: true, options: options(BODY_TYPES) },
        { name: 'engineSize', type: 'number', min: 0, max: 20, admin: { description: 'Litres.' } },
        { name: 'cylinders', type: 'number', custom: { integer: true }, min: 0, max: 16 },
        { name: 'doors', type: 'number', custom: { integer: true }, min: 1, max: 7 },
        { name: 'seats', type: 'number', custom: { integer: true }, min: 1, max: 60 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'exteriorColor', type: 'text', maxLength: 60 },
        { name: 'interiorColor', type: 'text', maxLength: 60 },
      ],
    },
    {
      name: 'vin',
      label: 'VIN',
      type: 'text',
      unique: true,
      index: true,
      hooks: { beforeValidate: [normalizeVinField] },
      validate: vinValidate,
      admin: { description: '17 characters, no I/O/Q; North-American VINs (1-5…) must carry a valid check digit.' },
    },
    { name: 'features', type: 'relationship', relationTo: 'features', hasMany: true, index: true },
    { name: 'primaryImage', type: 'upload', relationTo: 'media', admin: { description: 'Defaults to the first gallery image.' } },
    { name: 'images', type: 'upload', relationTo: 'media', hasMany: true, admin: { description: 'Ordered gallery.' } },
    {
      name: 'videos',
      type: 'array',
      maxRows: 10,
      fields: [
        { name: 'title', type: 'text' },
        {
          name: 'url',
          type: 'text',
          admin: { description: 'YouTube/Vimeo or any https URL.' },
          validate: (v: unknown) => (v == null || v === '' || /^https?:\/\/\S+$/i.test(String(v)) ? true : 'url must be an http(s) URL.'),
        },
        { name: 'file', type: 'upload', relationTo: 'media' },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: CAR_STATUSES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1).replace(/_/g, ' ') })),
      admin: {
        position: 'sidebar',
        description:
          'pending_review = awaiting moderation (not public); sale_pending = approved and reserved by a sale (public). A seller asking for active gets pending_review while moderation applies.',
      },
    },
    {
      name: 'moderationNote',
      type: 'text',
      ...privateField({ readers: ['admin', 'editor', { owner: 'seller' }] }, { create: fieldAdminOnly, update: fieldAdminOnly }),
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'publishedAt', type: 'date', index: true, access: { create: fieldAdminOnly, update: fieldAdminOnly }, admin: { position: 'sidebar', readOnly: true } },
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true, access: { create: fieldAdminOnly, update: fieldAdminOnly }, admin: { position: 'sidebar' } },
    { name: 'featuredUntil', type: 'date', index: true, access: { create: fieldAdminOnly, update: fieldAdminOnly }, admin: { position: 'sidebar' } },
    {
      name: 'location',
      type: 'group',
      fields: [
        { name: 'address', type: 'text' },
        {
          type: 'row',
          fields: [
            { name: 'city', type: 'text', index: true },
            { name: 'region', type: 'text', index: true },
            { name: 'country', type: 'text', index: true },
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
      type: 'row',
      fields: [
        {
          name: 'contactPhone',
          type: 'text',
          maxLength: 32,
          validate: (v: unknown) => (v == null || v === '' || /^\+?[\d\s().-]{6,31}$/.test(String(v)) ? true : 'contactPhone must be a phone number.'),
        },
        { name: 'contactEmail', type: 'email' },
        {
          name: 'whatsappLink',
          type: 'text',
          virtual: true,
          admin: { readOnly: true, description: 'Derived from the phone number.' },
          hooks: { afterRead: [whatsappFromPhone] },
        },
      ],
    },
    readOnlyCounter('viewsCount'),
    readOnlyCounter('favoritesCount'),
    {
      name: 'specifications',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'horsepower', type: 'number', min: 0 },
            { name: 'torque', type: 'number', min: 0, admin: { description: 'Nm.' } },
            { name: 'acceleration0to100', label: 'Acceleration 0–100 km/h', type: 'number', min: 0, admin: { description: 'Seconds.' } },
            { name: 'fuelEconomy', type: 'number', min: 0, admin: { description: 'L/100 km (kWh/100 km for EVs).' } },
          ],
        },
        {
          name: 'dimensions',
          type: 'group',
          admin: { description: 'Millimetres.' },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'length', type: 'number', min: 0 },
                { name: 'width', type: 'number', min: 0 },
                { name: 'height', type: 'number', min: 0 },
                { name: 'wheelbase', type: 'number', min: 0 },
              ],
            },
          ],
        },
        { name: 'weight', type: 'number', min: 0, admin: { description: 'Kilograms.' } },
        { name: 'warranty', type: 'text' },
        {
          name: 'serviceHistory',
          type: 'array',
          fields: [
            { name: 'date', type: 'date' },
            { name: 'mileage', type: 'number', custom: { integer: true }, min: 0 },
            { name: 'description', type: 'text' },
            { name: 'provider', type: 'text' },
          ],
        },
      ],
    },
    {
      name: 'priceHistory',
      type: 'array',
      access: { create: never, update: never },
      admin: { readOnly: true, description: 'Appended automatically when the price changes.' },
      fields: [
        { name: 'price', type: 'number', required: true },
        { name: 'changedAt', type: 'date', required: true },
      ],
    },
    { name: 'negotiable', type: 'checkbox', defaultValue: false, index: true },
    {
      name: 'autoAcceptPrice',
      type: 'number',
      min: 0,
      ...privateField({ readers: ['admin', { owner: 'seller' }] }),
      admin: { description: 'Private: offers at or above are accepted at once.' },
    },
    {
      name: 'autoDeclinePrice',
      type: 'number',
      min: 0,
      ...privateField({ readers: ['admin', { owner: 'seller' }] }),
      admin: { description: 'Private: offers below are declined at once.' },
    },
    { name: 'seller', type: 'relationship', relationTo: 'users', index: true, admin: { position: 'sidebar', readOnly: true } },
    { name: 'dealer', type: 'relationship', relationTo: 'dealers', index: true, admin: { position: 'sidebar' } },
    ratingSummaryField(),
  ],
  // Compound and partial indexes: src/db/extras/catalog.ts (table-prefixed names).
}
