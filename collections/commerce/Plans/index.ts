import type { CollectionConfig, Where } from 'payload'

import { isAdmin, or } from '@/access'
import { privateField } from '@/access/privacy'
import { BILLING_PERIODS } from '@/domain/commerce'

/** Seller plans: price, billing period, features, listing limits. Active plans are public. */
export const Plans: CollectionConfig = {
  slug: 'plans',
  admin: { useAsTitle: 'name', group: 'Commerce', defaultColumns: ['name', 'slug', 'price', 'billingPeriod', 'maxListings', 'active'] },
  defaultSort: 'sortOrder',
  access: {
    read: or(isAdmin, (): Where => ({ active: { equals: true } })),
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'slug', type: 'text', required: true, unique: true, maxLength: 80, admin: { description: '`free` is the plan of sellers without a subscription.' } },
    { name: 'description', type: 'textarea', maxLength: 1000 },
    {
      type: 'row',
      fields: [
        { name: 'price', type: 'number', required: true, min: 0, defaultValue: 0 },
        { name: 'currency', type: 'text', defaultValue: 'USD', maxLength: 3 },
        {
          name: 'billingPeriod',
          type: 'select',
          required: true,
          defaultValue: 'monthly',
          options: BILLING_PERIODS.map((p) => ({ value: p, label: p === 'monthly' ? 'Monthly' : 'Yearly' })),
        },
      ],
    },
    { name: 'features', type: 'array', fields: [{ name: 'feature', type: 'text', required: true, maxLength: 200 }] },
    {
      type: 'row',
      fields: [
        { name: 'maxListings', type: 'number', custom: { integer: true }, min: 0, admin: { description: 'Active + pending car listings; empty = unlimited.' } },
        { name: 'featuredListings', type: 'number', custom: { integer: true }, min: 0, defaultValue: 0, admin: { description: 'Listings the seller may feature at once.' } },
        { name: 'maxPhotosPerListing', type: 'number', custom: { integer: true }, min: 0, admin: { description: 'Photos per car listing; empty = unlimited.' } },
        { name: 'sortOrder', type: 'number', custom: { integer: true }, defaultValue: 0, index: true },
      ],
    },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
    {
      type: 'collapsible',
      label: 'Stripe',
      admin: { initCollapsed: true },
      fields: [
        {
          // The Stripe product id: the field @payloadcms/plugin-stripe syncs through (it creates and updates the product,
          // collections/commerce/plugin.ts). Declared here so it is private and the schema does not depend on whether
          // Stripe is configured; the patched plugin keeps a declared field instead of adding its own.
          name: 'stripeID',
          label: 'Stripe product ID',
          type: 'text',
          index: true,
          ...privateField({ readers: ['admin'] }),
          admin: { readOnly: true, description: 'The Stripe product, kept in sync by the Stripe plugin on every save (name, description, active).' },
        },
        {
          // The plugin's loop guard: true while a save comes from a Stripe webhook (nothing is sent back to Stripe).
          name: 'skipSync',
          type: 'checkbox',
          ...privateField({ readers: ['admin'] }),
          admin: { readOnly: true, hidden: true },
        },
        {
          name: 'stripePriceId',
          type: 'text',
          index: true,
          ...privateField({ readers: ['admin'] }),
          admin: { readOnly: true, description: 'The recurring price of this plan; a new one replaces it when the price, currency or period changes.' },
        },
      ],
    },
  ],
}
