/** The shape of an order and its pure projections (no Payload import). */
import { toCents } from '@/domain/money'
import { idOf } from '@/domain/ids'

import type { OrderDoc } from './order-machine'

export const PAYMENT_METHODS = ['card', 'cash_on_delivery'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export const ORDER_PAYMENT_STATUSES = ['unpaid', 'paid', 'partially_refunded', 'refunded', 'voided'] as const

export interface OrderItem {
  id?: string
  part: number | { id: number }
  title: string
  sku?: string | null
  seller: number | { id: number } | null
  quantity: number
  unitPrice: number
  total: number
  stockTaken?: boolean | null
  fulfilmentStatus?: 'pending' | 'shipped' | null
  shippedAt?: string | null
  trackingNumber?: string | null
  carrier?: string | null
}

export interface FullOrder extends OrderDoc {
  id: number
  orderNumber: string
  customer: number | { id: number }
  items: OrderItem[]
  subtotal: number
  tax: number
  shipping: number
  discount: number
  total: number
  currency: string
  paymentStatus?: (typeof ORDER_PAYMENT_STATUSES)[number]
  stockReturned?: boolean | null
  expiresAt?: string | null
}

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
