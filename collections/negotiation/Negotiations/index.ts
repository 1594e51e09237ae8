import type { Access, CollectionBeforeChangeHook, CollectionConfig, FieldAccess, Where } from 'payload'

import { isAdmin, or, userOf } from '@/access'
import { idOf } from '@/domain/ids'
import { NEGOTIATION_SIDES, negotiationMachine } from '@/domain/negotiation/machine'
import { WORKFLOW_CONTEXT, workflowGuard } from '@/workflows/apply'
import { statusOptions } from '@/workflows/engine'
import type { Negotiation } from '@payload-types'

/** Set once at creation. */
const fixed: FieldAccess = () => false

/** Rows where the caller is the buyer or the seller (everyone else does not see the negotiation at all). */
export const isParticipant: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  return { or: [{ buyer: { equals: user.id } }, { seller: { equals: user.id } }] } as Where
}

/** The seller is always the car's seller (also for admin-panel creates, which bypass the endpoint). */
const sellerFromCar: CollectionBeforeChangeHook<Negotiation> = async ({ data, operation, req, context }) => {
  if (operation !== 'create' || context?.[WORKFLOW_CONTEXT] || !data?.car) return data
  const carId = idOf(data.car)
  const car = carId ? await req.payload.findByID({ collection: 'cars', id: carId, depth: 0, overrideAccess: true, req, disableErrors: true, select: { seller: true } }) : null
  return { ...data, seller: idOf(car?.seller) ?? data.seller }
}

const sides = NEGOTIATION_SIDES.map((s) => ({ value: s, label: s === 'buyer' ? 'Buyer' : 'Seller' }))
const readOnly = { readOnly: true }

/**
 * Offers and counter-offers on a car. Created and moved only through the workflow endpoints
 * (`POST /api/negotiations`, `/:id/counter|accept|reject|withdraw`); the admin panel may edit, but status
 * changes still follow negotiationMachine (workflowGuard).
 */
export const Negotiations: CollectionConfig = {
  slug: 'negotiations',
  admin: {
    useAsTitle: 'id',
    group: 'Negotiation',
    defaultColumns: ['id', 'car', 'buyer', 'seller', 'status', 'turn', 'currentAmount', 'expiresAt'],
    description: 'Offers on cars. Buyers and sellers act through POST /api/negotiations and /api/negotiations/:id/<action>.',
  },
  defaultSort: '-updatedAt',
  access: {
    read: or(isAdmin, isParticipant),
    // REST `POST /api/negotiations` is the custom endpoint below (buyers); the built-in create is admin-only.
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: { beforeChange: [workflowGuard(negotiationMachine), sellerFromCar] },
  fields: [
    { name: 'car', type: 'relationship', relationTo: 'cars', required: true, index: true, access: { update: fixed } },
    { name: 'buyer', type: 'relationship', relationTo: 'users', required: true, index: true, access: { update: fixed } },
    {
      name: 'seller',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      access: { update: fixed },
      admin: { description: 'The car’s seller, set by the server.' },
    },
    { name: 'status', type: 'select', required: true, defaultValue: 'open', index: true, options: statusOptions(negotiationMachine) },
    { name: 'turn', type: 'select', required: true, defaultValue: 'seller', options: sides, admin: { description: 'Who must answer the latest offer.' } },
    { name: 'currentAmount', type: 'number', required: true, min: 0, admin: { ...readOnly, description: 'The latest offer.' } },
    { name: 'agreedPrice', type: 'number', min: 0, admin: readOnly },
    { name: 'expiresAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'roundCount', type: 'number', custom: { integer: true }, required: true, defaultValue: 1, min: 1, admin: readOnly },
    { name: 'closedAt', type: 'date', admin: readOnly },
    {
      name: 'offers',
      type: 'array',
      admin: readOnly,
      fields: [
        { name: 'by', type: 'select', required: true, options: sides },
        { name: 'amount', type: 'number', required: true, min: 0 },
        { name: 'message', type: 'textarea' },
        { name: 'at', type: 'date', required: true },
      ],
    },
  ],
  indexes: [{ fields: ['car', 'status'] }, { fields: ['buyer', 'status'] }, { fields: ['seller', 'status'] }, { fields: ['status', 'expiresAt'] }],
}
