import type { CollectionConfig, FieldAccess } from 'payload'

import { isAdmin, isOwner, or } from '@/access'

/** Set once at creation. */
const fixed: FieldAccess = () => false

/**
 * Saved loan calculations (`POST /api/loan-calculator` with `save: true`). Written by the server only (the
 * figures are computed there); each user reads and deletes their own.
 */
export const LoanCalculations: CollectionConfig = {
  slug: 'loan-calculations',
  admin: {
    useAsTitle: 'id',
    group: 'Negotiation',
    defaultColumns: ['id', 'user', 'car', 'vehiclePrice', 'termMonths', 'monthlyPayment', 'createdAt'],
  },
  defaultSort: '-createdAt',
  access: {
    read: or(isAdmin, isOwner('user')),
    create: isAdmin,
    update: isAdmin,
    delete: or(isAdmin, isOwner('user')),
  },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: { update: fixed } },
    { name: 'car', type: 'relationship', relationTo: 'cars', index: true, admin: { description: 'Optional: the listing the calculation was for.' } },
    {
      type: 'row',
      fields: [
        { name: 'vehiclePrice', type: 'number', required: true, min: 0 },
        { name: 'downPayment', type: 'number', defaultValue: 0, min: 0 },
        { name: 'tradeInValue', type: 'number', defaultValue: 0, min: 0 },
        { name: 'fees', type: 'number', defaultValue: 0, min: 0 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'interestRate', type: 'number', required: true, min: 0, max: 100, admin: { description: 'APR %' } },
        { name: 'termMonths', type: 'number', custom: { integer: true }, required: true, min: 1, max: 120 },
        { name: 'salesTaxRate', type: 'number', defaultValue: 0, min: 0, max: 100 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'principal', type: 'number', required: true },
        { name: 'monthlyPayment', type: 'number', required: true },
        { name: 'totalInterest', type: 'number', required: true },
        { name: 'totalPaid', type: 'number', required: true },
      ],
    },
    { name: 'schedule', type: 'json', admin: { description: '[{ month, payment, principal, interest, balance }]' } },
  ],
  indexes: [{ fields: ['user', 'createdAt'] }],
}
