import type { CollectionAfterReadHook, CollectionConfig, Field, Where } from 'payload'

import { isAdmin, isOwner, or, userOf } from '@/access'
import { privateField, storedFields } from '@/access/privacy'
import { isAdminUser } from '@/access/roles'
import { ORDER_PAYMENT_STATUSES, PAYMENT_METHODS, sellerView, type FullOrder } from '@/domain/commerce/orders'
import { statusOptions } from '@/workflows/engine'
import { workflowGuard } from '@/workflows/apply'
import { orderMachine } from '@/domain/commerce/order-machine'
import { label } from '@/fields/options'
import { actsOnly } from '@/plugins/inert-hooks'

/** Sellers read the orders that contain their lines (denormalized `sellers`). */
const sellerOfOrder = ({ req }: { req: Parameters<typeof userOf>[0] }): Where | false => {
  const user = userOf(req)
  return user ? { sellers: { equals: user.id } } : false
}

/**
 * A seller reading somebody else's order through REST/GraphQL sees only its own lines (and no order totals);
 * trusted server code (overrideAccess) sees everything.
 */
const onlySellersLines: CollectionAfterReadHook = async ({ doc, req, overrideAccess }) => {
  if (overrideAccess) return doc
  const user = userOf(req)
  if (!user || isAdminUser(user)) return doc
  // A narrowed read (a `select` without `customer`) leaves it undefined: the stored customer decides.
  const read = doc?.customer === undefined && doc?.id != null ? (await storedFields(req, 'orders', doc.id, ['customer']))?.customer : doc?.customer
  const customer = read && typeof read === 'object' ? (read as { id: unknown }).id : read
  if (String(customer) === String(user.id)) return doc
  return sellerView(doc as FullOrder, Number(user.id))
}

/** What a seller of some lines may not read: the customer, the order's totals, billing and notes. */
const customerOnly = privateField({ readers: ['admin', { owner: 'customer' }] })
/** The shipping address also reaches the sellers who ship lines of the order. */
const shippingReaders = privateField({ readers: ['admin', { owner: 'customer' }, { owner: 'sellers' }] })

const addressFields: Field[] = [
  { name: 'fullName', type: 'text', maxLength: 120 },
  { name: 'line1', type: 'text', maxLength: 200 },
  { name: 'line2', type: 'text', maxLength: 200 },
  {
    type: 'row',
    fields: [
      { name: 'city', type: 'text', maxLength: 100 },
      { name: 'region', type: 'text', maxLength: 100 },
      { name: 'postalCode', type: 'text', maxLength: 20 },
      { name: 'country', type: 'text', maxLength: 56 },
    ],
  },
  { name: 'phone', type: 'text', maxLength: 32 },
] as const

/**
 * Orders of parts. Created only by `POST /api/orders/checkout`; status moves only along the order machine
 * (endpoints `/:id/cancel|ship|deliver|refund`, the Stripe webhook, the expiry job — the admin panel obeys
 * the same table through workflowGuard).
 */
export const Orders: CollectionConfig = {
  slug: 'orders',
  admin: {
    useAsTitle: 'orderNumber',
    group: 'Commerce',
    defaultColumns: ['orderNumber', 'customer', 'status', 'paymentMethod', 'paymentStatus', 'total', 'createdAt'],
    listSearchableFields: ['orderNumber'],
  },
  defaultSort: '-createdAt',
  defaultPopulate: { orderNumber: true, status: true, total: true, currency: true, customer: true },
  access: {
    read: or(isAdmin, isOwner('customer'), sellerOfOrder),
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [workflowGuard(orderMachine)],
    afterRead: [actsOnly({ withAccess: true }, onlySellersLines)],
  },
  indexes: [{ fields: ['status', 'expiresAt'] }, { fields: ['customer', 'createdAt'] }],
  fields: [
    { name: 'orderNumber', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    { name: 'customer', type: 'relationship', relationTo: 'users', required: true, index: true, ...customerOnly },
    { name: 'sellers', type: 'relationship', relationTo: 'users', hasMany: true, index: true, admin: { readOnly: true, description: 'Sellers with lines in this order (denormalized for access).' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: orderMachine.initial,
      index: true,
      options: statusOptions(orderMachine),
      admin: { position: 'sidebar' },
    },
    { name: 'paymentMethod', type: 'select', required: true, index: true, options: PAYMENT_METHODS.map((m) => ({ value: m, label: label(m) })), admin: { position: 'sidebar' } },
    { name: 'paymentStatus', type: 'select', defaultValue: 'unpaid', index: true, options: ORDER_PAYMENT_STATUSES.map((s) => ({ value: s, label: label(s) })), admin: { position: 'sidebar' } },
    {
      name: 'items',
      type: 'array',
      required: true,
      minRows: 1,
      admin: { description: 'Snapshots taken at checkout.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'part', type: 'relationship', relationTo: 'parts', required: true, index: true },
            { name: 'seller', type: 'relationship', relationTo: 'users', index: true },
            { name: 'title', type: 'text', required: true },
            { name: 'sku', type: 'text' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'quantity', type: 'number', custom: { integer: true }, required: true, min: 1 },
            { name: 'unitPrice', type: 'number', required: true, min: 0 },
            { name: 'total', type: 'number', required: true, min: 0 },
            { name: 'stockTaken', type: 'checkbox', defaultValue: false, admin: { readOnly: true } },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'fulfilmentStatus',
              type: 'select',
              defaultValue: 'pending',
              options: [
                { value: 'pending', label: 'Pending' },
                { value: 'shipped', label: 'Shipped' },
              ],
            },
            { name: 'shippedAt', type: 'date' },
            { name: 'trackingNumber', type: 'text', maxLength: 100 },
            { name: 'carrier', type: 'text', maxLength: 100 },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'subtotal', type: 'number', ...customerOnly, required: true, min: 0 },
        { name: 'discount', type: 'number', ...customerOnly, defaultValue: 0, min: 0 },
        { name: 'taxRatePercent', type: 'number', ...customerOnly, defaultValue: 0, min: 0 },
        { name: 'tax', type: 'number', ...customerOnly, defaultValue: 0, min: 0 },
        { name: 'shipping', type: 'number', ...customerOnly, defaultValue: 0, min: 0 },
        { name: 'total', type: 'number', ...customerOnly, required: true, min: 0 },
        { name: 'currency', type: 'text', ...customerOnly, defaultValue: 'USD', maxLength: 3 },
      ],
    },
    { name: 'shippingAddress', type: 'group', ...shippingReaders, fields: addressFields },
    { name: 'billingAddress', type: 'group', ...customerOnly, fields: addressFields },
    { name: 'notes', type: 'textarea', maxLength: 1000, ...customerOnly },
    {
      type: 'collapsible',
      label: 'Timeline',
      admin: { initCollapsed: true },
      fields: [
        { name: 'expiresAt', type: 'date', index: true, admin: { description: 'Unpaid card orders are cancelled after this time.' } },
        { name: 'paidAt', type: 'date' },
        { name: 'shippedAt', type: 'date' },
        { name: 'deliveredAt', type: 'date' },
        { name: 'cancelledAt', type: 'date' },
        { name: 'cancelReason', type: 'text', maxLength: 500 },
        { name: 'stockReturned', type: 'checkbox', defaultValue: false, admin: { readOnly: true } },
      ],
    },
  ],
}
