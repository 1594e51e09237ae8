/**
 * Cart endpoints (collection `carts`): `GET /api/carts/mine`, `POST /api/carts/mine/items`,
 * `PATCH|DELETE /api/carts/mine/items/:part`. Guests are identified by the `X-Cart-Token` header, so these
 * are public; a signed-in account must be allowed to write (checked by the operations).
 */
import { z } from 'zod'

import { MAX_LINE_QUANTITY } from '@/domain/commerce'
import { defineEndpoint } from '@/http/define-endpoint'
import { id, num, numOr } from '@/http/fields'

import { addCartItem, changeCartLine, readMyCart } from './operations/carts'

export const getMyCartEndpoint = defineEndpoint({
  method: 'get',
  path: '/mine',
  summary: "The caller's cart (account or X-Cart-Token guest) with current prices and totals.",
  auth: 'public',
  run: ({ req }) => readMyCart(req),
})

export const addCartItemEndpoint = defineEndpoint({
  method: 'post',
  path: '/mine/items',
  summary: 'Add a part to the cart (a guest without a token gets one in X-Cart-Token).',
  auth: 'public',
  body: z.object({
    part: id('part'),
    quantity: numOr('quantity', 1, { integer: true, min: 1, max: MAX_LINE_QUANTITY }),
  }),
  run: ({ req, body }) => addCartItem(req, body.part, body.quantity),
})

export const updateCartItemEndpoint = defineEndpoint({
  method: 'patch',
  path: '/mine/items/:part',
  summary: "Set a cart line's quantity (0 removes it).",
  auth: 'public',
  body: z.object({ quantity: num('quantity', { integer: true, min: 0, max: MAX_LINE_QUANTITY }) }),
  run: ({ req, body }) => changeCartLine(req, body.quantity),
})

export const removeCartItemEndpoint = defineEndpoint({
  method: 'delete',
  path: '/mine/items/:part',
  summary: 'Remove a part from the cart.',
  auth: 'public',
  run: ({ req }) => changeCartLine(req, null),
})

export const cartEndpoints = [getMyCartEndpoint, addCartItemEndpoint, updateCartItemEndpoint, removeCartItemEndpoint]
