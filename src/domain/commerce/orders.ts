/** The shape of an order and its pure projections (no Payload import: the generated types only). */
import type { Order } from '@payload-types'

import { toCents } from '@/domain/money'
import { idOf } from '@/domain/ids'

import type { OrderDoc } from './order-machine'

export const PAYMENT_METHODS = ['card', 'cash_on_delivery'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export const ORDER_PAYMENT_STATUSES = ['unpaid', 'paid', 'partially_refunded', 'refunded', 'voided'] as const

/** An order line (the generated `orders` item). */
export type OrderItem = Order['items'][number]

/** An order as stored (the generated `orders` document) that the order machine can run on. */
export type FullOrder = Order & OrderDoc

/** The lines (and only the lines) of `sellerId` in an order, with their subtotal. */
export function sellerView(order: FullOrder, sellerId: number) {
  const lines = (order.items ?? []).filter((i) => idOf(i.seller) === sellerId)
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    status: order.status,
    paymentMethod: order.paymentMethod,
    paymentStatus: order.paymentStatus,
    createdAt: order.createdAt,
    shippingAddress: order.shippingAddress,
    items: lines,
    sellerSubtotal: toCents(lines.reduce((s, l) => s + Number(l.total ?? 0), 0)),
  }
}
