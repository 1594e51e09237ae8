import type { Access, CollectionConfig } from 'payload'

import { isAdmin, or } from '@/access'

const activeOnly: Access = () => ({ active: { equals: true } })

/**
 * Loan products offered by lenders; `GET /api/loan-calculator/offers` matches them to a vehicle price, term and
 * credit score. Public reads see active products; admins manage them.
 */
export const FinancialProducts: CollectionConfig = {
  slug: 'financial-products',
  admin: {
    useAsTitle: 'name',
    group: 'Negotiation',
    defaultColumns: ['name', 'lender', 'minAmount', 'maxAmount', 'active'],
  },
  defaultSort: 'lender',
  access: {
    read: or(isAdmin, activeOnly),
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  fields: [
    { name: 'lender', type: 'text', required: true, index: true, maxLength: 120 },
    { name: 'name', type: 'text', required: true, maxLength: 160, localized: true },
    { name: 'description', type: 'textarea', localized: true },
    {
      name: 'aprByCreditBand',
      type: 'array',
      required: true,
      minRows: 1,
      admin: { description: 'APR (%) for each credit-score band; bands are inclusive at both ends.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'minScore', type: 'number', custom: { integer: true }, required: true, min: 300, max: 850 },
            { name: 'maxScore', type: 'number', custom: { integer: true }, required: true, min: 300, max: 850 },
            { name: 'apr', type: 'number', required: true, min: 0, max: 100 },
          ],
        },
      ],
      validate: (rows: unknown) => {
        for (const r of (rows as { minScore?: number; maxScore?: number }[] | null) ?? []) {
          if (r.minScore != null && r.maxScore != null && Number(r.minScore) > Number(r.maxScore)) return 'Each band needs minScore ≤ maxScore.'
        }
        return true
      },
    },
    {
      name: 'termsAllowed',
      type: 'number',
      custom: { integer: true },
      hasMany: true,
      required: true,
      min: 1,
      max: 120,
      admin: { description: 'Terms in months this product offers (e.g. 24, 36, 48, 60, 72).' },
    },
    {
      type: 'row',
      fields: [
        { name: 'minAmount', type: 'number', required: true, min: 0, defaultValue: 0, index: true },
        { name: 'maxAmount', type: 'number', required: true, min: 0, index: true },
      ],
    },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
  ],
}
