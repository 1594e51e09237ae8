/**
 * Carts: one per signed-in user, or per guest identified by the `X-Cart-Token` header (a random token issued
 * on first use; only its SHA-256 is stored). Endpoints `GET /api/carts/mine`, `POST /api/carts/mine/items`,
 * `PATCH|DELETE /api/carts/mine/items/:part`. Totals are computed on the server from current part prices.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { advisoryLock, txOf, withTransaction } from '@/db/transaction'
import {
  computeTotals,
  hashCartToken,
  isPlausibleCartToken,
  mergeLines,
  newCartToken,
  unitPriceOf,
  type Totals,
} from '@/domain/commerce'
import { assertValid, conflict, currentUser, json, notFound, readJson, forbidden } from '@/lib/http'
import { getPlatformSettings } from '@/lib/settings'
import { Input } from '@/lib/validate'

import { idOf } from './ledger'

export const CART_TOKEN_HEADER = 'x-cart-token'
export const MAX_LINE_QUANTITY = 999

export interface CartItem {
  id?: string
  part: number | { id: number }
  quantity: number
  unitPrice: number
  addedAt?: string
}

export interface CartDoc {
  id: number
  user?: number | { id: number } | null
  tokenHash?: string | null
  items?: CartItem[] | null
  currency?: string | null
}

export interface PartDoc {
  id: number
  title?: string
  slug?: string
  price?: number | null
  salePrice?: number | null
  currency?: string | null
  stockQuantity?: number | null
  manageStock?: boolean | null
  status?: string | null
  seller?: number | { id: number } | null
}

type Identity = { kind: 'user'; userId: number } | { kind: 'guest'; token: string; tokenHash: string } | { kind: 'none' }

export function cartIdentity(req: PayloadRequest): Identity {
  const user = currentUser(req)
  if (user) return { kind: 'user', userId: Number(user.id) }
  const token = req.headers.get(CART_TOKEN_HEADER)
  if (isPlausibleCartToken(token)) return { kind: 'guest', token, tokenHash: hashCartToken(token) }
  return { kind: 'none' }
}

const lockKey = (id: Identity) => (id.kind === 'user' ? `user:${id.userId}` : id.kind === 'guest' ? `guest:${id.tokenHash}` : 'none')

export async function findCart(req: PayloadRequest, where: { user?: number; tokenHash?: string }): Promise<CartDoc | null> {
  const res = await req.payload.find({
    collection: 'carts',
    req,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: where.user !== undefined ? { user: { equals: where.user } } : { and: [{ tokenHash: { equals: where.tokenHash } }, { user: { exists: false } }] },
  })
  return (res.docs[0] as unknown as CartDoc) ?? null
}

export const userCart = (req: PayloadRequest, userId: number) => findCart(req, { user: userId })

export async function loadParts(req: PayloadRequest, ids: number[]): Promise<Map<number, PartDoc>> {
  if (!ids.length) return new Map()
  const res = await req.payload.find({
    collection: 'parts',
    req,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    where: { id: { in: ids } },
  })
  return new Map((res.docs as unknown as PartDoc[]).map((p) => [Number(p.id), p]))
}

const lineParts = (cart: CartDoc | null) => (cart?.items ?? []).map((i) => ({ ...i, part: idOf(i.part) as number }))

/** The cart as the API returns it: lines with the part, the price when added, the current price, and totals. */
export async function cartView(req: PayloadRequest, cart: CartDoc | null): Promise<Record<string, unknown>> {
  const lines = lineParts(cart)
  const parts = await loadParts(req, lines.map((l) => l.part))
  const settings = await getPlatformSettings(req)
  const items = lines.map((l) => {
    const p = parts.get(l.part)
    const available = Boolean(p && p.status === 'active')
    const currentUnitPrice = p ? unitPriceOf(p) : l.unitPrice
    const inStock = !p || p.manageStock === false ? available : (p.stockQuantity ?? 0) >= l.quantity
    return {
      part: p ? { id: p.id, title: p.title, slug: p.slug, price: p.price, salePrice: p.salePrice ?? null, stockQuantity: p.stockQuantity, manageStock: p.manageStock !== false } : { id: l.part },
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      currentUnitPrice,
      priceChanged: currentUnitPrice !== l.unitPrice,
      available,
      inStock,
    }
  })
  const payable = items.filter((i) => i.available)
  const totals: Totals = computeTotals(
    payable.map((i) => ({ unitPrice: i.currentUnitPrice, quantity: i.quantity })),
    settings,
  )
  return {
    id: cart?.id ?? null,
    currency: cart?.currency ?? 'USD',
    items: items.map((i, n) => ({ ...i, total: i.available ? totals.lines[payable.indexOf(i)]?.total ?? 0 : 0, line: n + 1 })),
    itemCount: items.reduce((s, i) => s + i.quantity, 0),
    subtotal: totals.subtotal,
    tax: totals.tax,
    shipping: totals.shipping,
    discount: totals.discount,
    total: totals.total,
  }
}

/** Finds or creates the caller's cart inside the open transaction (serialized per cart by an advisory lock). */
async function openCart(req: PayloadRequest, identity: Identity): Promise<{ cart: CartDoc; issuedToken?: string }> {
  const tx = await txOf(req)
  if (identity.kind === 'user') {
    await advisoryLock(tx, 'cart', lockKey(identity))
    const existing = await userCart(req, identity.userId)
    if (existing) return { cart: existing }
    const cart = (await req.payload.create({
      collection: 'carts',
      req,
      depth: 0,
      overrideAccess: true,
      data: { user: identity.userId, items: [], lastActivityAt: new Date().toISOString() } as never,
    })) as unknown as CartDoc
    return { cart }
  }
  if (identity.kind === 'guest') {
    await advisoryLock(tx, 'cart', lockKey(identity))
    const existing = await findCart(req, { tokenHash: identity.tokenHash })
    if (existing) return { cart: existing }
  }
  // No cart for this token (or no token): issue a fresh one; a client never chooses its token.
  const token = newCartToken()
  const cart = (await req.payload.create({
    collection: 'carts',
    req,
    depth: 0,
    overrideAccess: true,
    data: { tokenHash: hashCartToken(token), items: [], lastActivityAt: new Date().toISOString() } as never,
  })) as unknown as CartDoc
  return { cart, issuedToken: token }
}

async function saveItems(req: PayloadRequest, cart: CartDoc, items: CartItem[]): Promise<CartDoc> {
  return (await req.payload.update({
    collection: 'carts',
    id: cart.id,
    req,
    depth: 0,
    overrideAccess: true,
    data: {
      items: items.map((i) => ({ ...(i.id ? { id: i.id } : {}), part: idOf(i.part), quantity: i.quantity, unitPrice: i.unitPrice, addedAt: i.addedAt })),
      lastActivityAt: new Date().toISOString(),
    } as never,
  })) as unknown as CartDoc
}

function assertSellable(part: PartDoc | undefined, partId: number, req: PayloadRequest): PartDoc {
  if (!part || part.status !== 'active') throw notFound(`Part ${partId} is not for sale.`)
  const me = currentUser(req)
  if (me && idOf(part.seller) === Number(me.id)) throw conflict('You cannot buy your own part.', { part: partId })
  return part
}

function assertStock(part: PartDoc, quantity: number): void {
  if (part.manageStock === false) return
  const available = Math.max(0, part.stockQuantity ?? 0)
  if (quantity > available) {
    throw conflict(`Only ${available} of part ${part.id} in stock.`, { lines: [{ part: part.id, requested: quantity, available }] })
  }
}

function respond(view: Record<string, unknown>, issuedToken?: string, status = 200): Response {
  return json({ cart: view, ...(issuedToken ? { cartToken: issuedToken } : {}) }, status, issuedToken ? { 'X-Cart-Token': issuedToken } : undefined)
}

function writer(req: PayloadRequest): void {
  // Guests may keep a cart; signed-in accounts must be allowed to write (suspended accounts cannot).
  const user = currentUser(req)
  if (user && (user.status === 'inactive' || (user.status === 'suspended' && (!user.suspendedUntil || new Date(user.suspendedUntil) > new Date())))) {
    throw forbidden('Your account is suspended or inactive: it can read but not write.')
  }
}

const partParam = (req: PayloadRequest): number => {
  const n = Number((req.routeParams as Record<string, unknown> | undefined)?.part)
  if (!Number.isInteger(n) || n <= 0) throw notFound('Part not in the cart.')
  return n
}

// ---------------------------------------------------------------- handlers

export const getMyCart: Endpoint = {
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const identity = cartIdentity(req)
    const cart =
      identity.kind === 'user' ? await userCart(req, identity.userId) : identity.kind === 'guest' ? await findCart(req, { tokenHash: identity.tokenHash }) : null
    return respond(await cartView(req, cart))
  },
}

export const addCartItem: Endpoint = {
  path: '/mine/items',
  method: 'post',
  handler: async (req) => {
    writer(req)
    const body = await readJson(req)
    const input = new Input(body)
    const partId = input.id('part')
    const quantity = input.number('quantity', { integer: true, min: 1, max: MAX_LINE_QUANTITY, default: 1 })
    assertValid(input)
    const identity = cartIdentity(req)
    const { cart, issuedToken } = await withTransaction(req, async () => {
      const opened = await openCart(req, identity)
      const part = assertSellable((await loadParts(req, [partId!])).get(partId!), partId!, req)
      const items = [...(opened.cart.items ?? [])]
      const at = items.findIndex((i) => idOf(i.part) === partId)
      const nextQuantity = (at >= 0 ? items[at].quantity : 0) + quantity!
      if (nextQuantity > MAX_LINE_QUANTITY) throw conflict(`At most ${MAX_LINE_QUANTITY} of one part per order.`, { part: partId })
      assertStock(part, nextQuantity)
      const line: CartItem = { ...(at >= 0 ? items[at] : { addedAt: new Date().toISOString() }), part: partId!, quantity: nextQuantity, unitPrice: unitPriceOf(part) }
      if (at >= 0) items[at] = line
      else items.push(line)
      return { cart: await saveItems(req, opened.cart, items), issuedToken: opened.issuedToken }
    })
    return respond(await cartView(req, cart), issuedToken)
  },
}

async function changeLine(req: PayloadRequest, quantity: number | null): Promise<Response> {
  writer(req)
  const partId = partParam(req)
  const identity = cartIdentity(req)
  if (identity.kind === 'none') throw notFound('Part not in the cart.')
  const cart = await withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'cart', lockKey(identity))
    const current = identity.kind === 'user' ? await userCart(req, identity.userId) : await findCart(req, { tokenHash: identity.tokenHash })
    const items = [...(current?.items ?? [])]
    const at = items.findIndex((i) => idOf(i.part) === partId)
    if (!current || at < 0) throw notFound('Part not in the cart.')
    if (quantity === null || quantity === 0) {
      items.splice(at, 1)
    } else {
      const part = assertSellable((await loadParts(req, [partId])).get(partId), partId, req)
      assertStock(part, quantity)
      items[at] = { ...items[at], quantity, unitPrice: unitPriceOf(part) }
    }
    return saveItems(req, current, items)
  })
  return respond(await cartView(req, cart))
}

export const updateCartItem: Endpoint = {
  path: '/mine/items/:part',
  method: 'patch',
  handler: async (req) => {
    const input = new Input(await readJson(req))
    const quantity = input.number('quantity', { required: true, integer: true, min: 0, max: MAX_LINE_QUANTITY })
    assertValid(input)
    return changeLine(req, quantity!)
  },
}

export const removeCartItem: Endpoint = {
  path: '/mine/items/:part',
  method: 'delete',
  handler: async (req) => changeLine(req, null),
}

export const cartEndpoints: Endpoint[] = [getMyCart, addCartItem, updateCartItem, removeCartItem]

// ---------------------------------------------------------------- merge on login

/**
 * Moves a guest cart's lines into the user's cart (quantities add up, clamped to the stock on hand) and
 * deletes the guest cart. Runs in the login's transaction.
 */
export async function mergeGuestCart(req: PayloadRequest, userId: number, token: string): Promise<CartDoc | null> {
  if (!isPlausibleCartToken(token)) return null
  const tokenHash = hashCartToken(token)
  return withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'cart', `guest:${tokenHash}`)
    const guest = await findCart(req, { tokenHash })
    if (!guest) return null
    const { cart } = await openCart(req, { kind: 'user', userId })
    const merged = mergeLines(lineParts(cart), lineParts(guest).map(({ id: _id, ...line }) => line))
    const parts = await loadParts(req, merged.map((l) => l.part))
    const items: CartItem[] = []
    for (const line of merged) {
      const part = parts.get(line.part)
      if (!part || part.status !== 'active' || idOf(part.seller) === userId) continue
      const cap = part.manageStock === false ? MAX_LINE_QUANTITY : Math.min(MAX_LINE_QUANTITY, Math.max(0, part.stockQuantity ?? 0))
      const quantity = Math.min(line.quantity, cap)
      if (quantity > 0) items.push({ ...line, quantity, unitPrice: unitPriceOf(part) })
    }
    const saved = await saveItems(req, cart, items)
    await req.payload.delete({ collection: 'carts', id: guest.id, req, overrideAccess: true })
    return saved
  })
}
